package io.photonfarm.scene.gpu;

import java.nio.ByteBuffer;
import java.nio.ByteOrder;

/**
 * Reads the per-triangle shading records of {@link SceneBuffer#SHADING} ({@link GpuLayout#SHADING}
 * bytes each, see docs/gpu-scene-layout.md): for tests, debugging and CPU-side label work.
 *
 * <p>Byte offsets in a record: corner c's object-space unit normal is three float32 at {@code 16 c};
 * the material index at 12, the flags at 28, corner 0's octahedral tangent at 44, corners 1 and 2's at
 * 48 and 52, (u2, v2) at 56 and (u0, v0, u1, v1) at 64.
 */
public final class ShadingRecords {
    /** flags bit: the mesh has uvs. */
    public static final int HAS_UVS = 1;
    /** flags bit: the tangents are meaningful (uvs or mesh tangents). */
    public static final int HAS_TANGENTS = 2;
    /** flags bit 2 + c: the bitangent sign of corner c is -1. */
    public static final int NEGATIVE_SIGN_SHIFT = 2;

    static final int MATERIAL = 12;
    static final int FLAGS = 28;
    static final int TANGENT0 = 44;
    static final int UV2 = 56;
    static final int UV01 = 64;

    private final ByteBuffer buf;

    public ShadingRecords(ByteBuffer shading) {
        this.buf = shading.duplicate().order(ByteOrder.LITTLE_ENDIAN);
    }

    /** Corner {@code corner}'s unit vertex normal, object space, exactly as the GPU reads it. */
    public float[] normal(int tri, int corner) {
        int at = GpuLayout.SHADING * tri + 16 * corner;
        return new float[] {buf.getFloat(at), buf.getFloat(at + 4), buf.getFloat(at + 8)};
    }

    public int material(int tri) {
        return buf.getInt(GpuLayout.SHADING * tri + MATERIAL);
    }

    /** Corner {@code corner}'s unit tangent, object space, decoded from its octahedral form. */
    public float[] tangent(int tri, int corner) {
        return Octahedral.decode(buf.getInt(GpuLayout.SHADING * tri + TANGENT0 + 4 * corner));
    }

    public int flags(int tri) {
        return buf.getInt(GpuLayout.SHADING * tri + FLAGS);
    }

    public float bitangentSign(int tri, int corner) {
        return ((flags(tri) >>> (NEGATIVE_SIGN_SHIFT + corner)) & 1) != 0 ? -1f : 1f;
    }

    public float[] uv(int tri, int corner) {
        int at = GpuLayout.SHADING * tri + (corner == 2 ? UV2 : UV01 + 8 * corner);
        return new float[] {buf.getFloat(at), buf.getFloat(at + 4)};
    }
}
