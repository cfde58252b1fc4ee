package io.photonfarm.scene.gpu;

import io.photonfarm.scene.Mesh;
import java.nio.ByteBuffer;
import java.util.Arrays;

/** Per-mesh work of the packer: BLAS input boxes, and the TRIANGLES and SHADING records. */
final class MeshPacker {
    private MeshPacker() {
    }

    /** Object-space box (6 floats) and vertex centroid (3 floats) of every triangle, for the BLAS build. */
    static void triangleBoxes(Mesh mesh, float[] bounds, float[] centroids) {
        float[] p = mesh.positions();
        int[] idx = mesh.indices();
        for (int t = 0; t < mesh.triangleCount(); t++) {
            int i0 = 3 * idx[3 * t];
            int i1 = 3 * idx[3 * t + 1];
            int i2 = 3 * idx[3 * t + 2];
            for (int a = 0; a < 3; a++) {
                float x = p[i0 + a];
                float y = p[i1 + a];
                float z = p[i2 + a];
                bounds[6 * t + a] = Math.min(x, Math.min(y, z));
                bounds[6 * t + 3 + a] = Math.max(x, Math.max(y, z));
                centroids[3 * t + a] = (x + y + z) * (1f / 3f);
            }
        }
    }

    /**
     * Appends the mesh's triangles in {@code order} (BLAS leaf order) to both buffers at their positions.
     *
     * @param order mesh triangle index for each stored position
     */
    static void write(Mesh mesh, int[] order, ByteBuffer triangles, ByteBuffer shading) {
        float[] p = mesh.positions();
        float[] nrm = mesh.normals();
        float[] uv = mesh.uvs();
        float[] tan = mesh.tangents();
        int[] idx = mesh.indices();
        int flags = uv != null ? GpuLayout.FLAG_HAS_UVS : 0;
        TangentFrames frames = uv != null && tan == null ? TangentFrames.derive(mesh) : null;
        float[] face = new float[3];
        float[] n = new float[9];
        float[] t = new float[12];
        float[] corner = new float[3];
        float[] tangent = new float[4];
        float[] triDpdu = new float[3];
        float[] triDpdv = new float[3];
        float[] e = new float[6];
        float[] zero = new float[3];
        int[] v = new int[3];
        int[] octTangents = new int[3];
        for (int tri : order) {
            v[0] = idx[3 * tri];
            v[1] = idx[3 * tri + 1];
            v[2] = idx[3 * tri + 2];
            faceNormal(p, v, face);
            for (int a = 0; a < 3; a++) {
                e[a] = p[3 * v[1] + a] - p[3 * v[0] + a];
                e[3 + a] = p[3 * v[2] + a] - p[3 * v[0] + a];
            }
            Std430.putVec4(triangles, p, 3 * v[0], 0f);
            Std430.putVec4(triangles, e, 0, 0f);
            Std430.putVec4(triangles, e, 3, 0f);

            for (int c = 0; c < 3; c++) {
                if (nrm == null || !normalize(nrm, 3 * v[c], n, 3 * c)) {
                    System.arraycopy(face, 0, n, 3 * c, 3);
                }
            }
            if (tan != null) {
                for (int c = 0; c < 3; c++) {
                    if (!normalize(tan, 4 * v[c], t, 4 * c)) {
                        System.arraycopy(n, 3 * c, corner, 0, 3);
                        // A zero mesh tangent: any unit vector perpendicular to the normal.
                        TangentFrames.orthogonalise(corner, zero, zero, 0, zero, zero, tangent);
                        System.arraycopy(tangent, 0, t, 4 * c, 3);
                    }
                    t[4 * c + 3] = tan[4 * v[c] + 3] < 0 ? -1f : 1f;
                }
            } else if (frames != null) {
                if (!TangentFrames.triangleDerivatives(p, uv, v[0], v[1], v[2], triDpdu, triDpdv)) {
                    Arrays.fill(triDpdu, 0f);
                    Arrays.fill(triDpdv, 0f);
                }
                for (int c = 0; c < 3; c++) {
                    System.arraycopy(n, 3 * c, corner, 0, 3);
                    TangentFrames.orthogonalise(corner, frames.dpdu, frames.dpdv, 3 * v[c], triDpdu, triDpdv, tangent);
                    System.arraycopy(tangent, 0, t, 4 * c, 4);
                }
            } else {
                Arrays.fill(t, 0f);
            }
            int triFlags = flags;
            for (int c = 0; c < 3; c++) {
                boolean isZero = t[4 * c] == 0 && t[4 * c + 1] == 0 && t[4 * c + 2] == 0;
                octTangents[c] = isZero ? 0 : Octahedral.encode(t[4 * c], t[4 * c + 1], t[4 * c + 2]);
                if (t[4 * c + 3] < 0) {
                    triFlags |= 1 << (ShadingRecords.NEGATIVE_SIGN_SHIFT + c);
                }
            }
            if (t[0] != 0 || t[1] != 0 || t[2] != 0) {
                triFlags |= ShadingRecords.HAS_TANGENTS;
            }
            // 80-byte record (offsets in ShadingRecords): float32 normals, each followed by one word
            // (material, flags, tangent 0); then tangents 1 and 2 and the uvs. Normals stay float
            // because the shading-normal label is read from them; tangents only orient normal-map
            // texels of 8 bits, far coarser than the octahedral tangents' 1e-4 rad.
            Std430.putVec3(shading, n, 0);
            shading.putInt(mesh.triangleMaterials()[tri]);
            Std430.putVec3(shading, n, 3);
            shading.putInt(triFlags);
            Std430.putVec3(shading, n, 6);
            shading.putInt(octTangents[0]);
            shading.putInt(octTangents[1]).putInt(octTangents[2]);
            if (uv != null) {
                shading.putFloat(uv[2 * v[2]]).putFloat(uv[2 * v[2] + 1]);
                Std430.putVec4(shading, uv[2 * v[0]], uv[2 * v[0] + 1], uv[2 * v[1]], uv[2 * v[1] + 1]);
            } else {
                shading.putFloat(0f).putFloat(0f);
                Std430.putVec4(shading, 0f, 0f, 0f, 0f);
            }
        }
    }

    /** Unit face normal from the counter-clockwise winding; +y for a degenerate triangle (never hit). */
    private static void faceNormal(float[] p, int[] v, float[] out) {
        float ax = p[3 * v[1]] - p[3 * v[0]];
        float ay = p[3 * v[1] + 1] - p[3 * v[0] + 1];
        float az = p[3 * v[1] + 2] - p[3 * v[0] + 2];
        float bx = p[3 * v[2]] - p[3 * v[0]];
        float by = p[3 * v[2] + 1] - p[3 * v[0] + 1];
        float bz = p[3 * v[2] + 2] - p[3 * v[0] + 2];
        out[0] = ay * bz - az * by;
        out[1] = az * bx - ax * bz;
        out[2] = ax * by - ay * bx;
        if (!normalize(out, 0, out, 0)) {
            out[0] = 0f;
            out[1] = 1f;
            out[2] = 0f;
        }
    }

    /** Writes the unit vector of {@code src[from..from+3)} to {@code dst[to..]}; false (nothing written) when ~0. */
    private static boolean normalize(float[] src, int from, float[] dst, int to) {
        float x = src[from];
        float y = src[from + 1];
        float z = src[from + 2];
        double len = Math.sqrt((double) x * x + (double) y * y + (double) z * z);
        if (!(len > 1e-30) || !Double.isFinite(len)) {
            return false;
        }
        dst[to] = (float) (x / len);
        dst[to + 1] = (float) (y / len);
        dst[to + 2] = (float) (z / len);
        return true;
    }
}
