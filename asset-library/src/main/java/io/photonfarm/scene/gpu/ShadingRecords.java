package io.photonfarm.scene.gpu;

import java.nio.ByteBuffer;
import java.nio.ByteOrder;

/**
 * Reads the per-triangle shading records of {@link SceneBuffer#SHADING} (64 bytes each, see
 * docs/gpu-scene-layout.md): for tests, debugging and CPU-side label work.
 */
public final class ShadingRecords {
    /** flags bit: the mesh has uvs. */
    public static final int HAS_UVS = 1;
    /** flags bit: the tangents are meaningful (uvs or mesh tangents). */
    public static final int HAS_TANGENTS = 2;
    /** flags bit 2 + c: the bitangent sign of corner c is -1. */
    public static final int NEGATIVE_SIGN_SHIFT = 2;

    private final ByteBuffer buf;

    public ShadingRecords(ByteBuffer shading) {
        this.buf = shading.duplicate().order(ByteOrder.LITTLE_ENDIAN);
    }

    public float[] normal(int tri, int corner) {
        return Octahedral.decode(buf.getInt(GpuLayout.SHADING * tri + 4 * corner));
    }

    public int material(int tri) {
        return buf.getInt(GpuLayout.SHADING * tri + 12);
    }

    public float[] tangent(int tri, int corner) {
        return Octahedral.decode(buf.getInt(GpuLayout.SHADING * tri + 16 + 4 * corner));
    }

    public int flags(int tri) {
        return buf.getInt(GpuLayout.SHADING * tri + 28);
    }

    public float bitangentSign(int tri, int corner) {
        return ((flags(tri) >>> (NEGATIVE_SIGN_SHIFT + corner)) & 1) != 0 ? -1f : 1f;
    }

    public float[] uv(int tri, int corner) {
        int at = GpuLayout.SHADING * tri + 32 + 8 * corner;
        return new float[] {buf.getFloat(at), buf.getFloat(at + 4)};
    }
}
