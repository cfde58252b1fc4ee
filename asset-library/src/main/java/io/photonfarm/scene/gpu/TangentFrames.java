package io.photonfarm.scene.gpu;

import io.photonfarm.scene.Mesh;

/**
 * Per-vertex tangent sums derived from texture coordinates, for meshes with uvs but no tangents.
 *
 * <p>Each triangle adds its dP/du and dP/dv (object space) to its three vertices (E. Lengyel,
 * "Computing Tangent Space Basis Vectors for an Arbitrary Mesh", 2001). The packer then
 * orthogonalises the sum against each corner's normal. glTF's v axis points down the image while
 * its normal maps use +Y up, so the bitangent the shaders must reconstruct as
 * {@code w * cross(n, t)} is -dP/dv; the sign w is chosen against that (see the layout doc).
 */
final class TangentFrames {
    /** dP/du sums, 3 floats per vertex. */
    final float[] dpdu;
    /** dP/dv sums, 3 floats per vertex. */
    final float[] dpdv;

    private TangentFrames(int vertices) {
        dpdu = new float[3 * vertices];
        dpdv = new float[3 * vertices];
    }

    static TangentFrames derive(Mesh mesh) {
        float[] p = mesh.positions();
        float[] uv = mesh.uvs();
        int[] idx = mesh.indices();
        TangentFrames f = new TangentFrames(mesh.vertexCount());
        float[] dpduTri = new float[3];
        float[] dpdvTri = new float[3];
        for (int t = 0; t < mesh.triangleCount(); t++) {
            if (!triangleDerivatives(p, uv, idx[3 * t], idx[3 * t + 1], idx[3 * t + 2], dpduTri, dpdvTri)) {
                continue;
            }
            for (int c = 0; c < 3; c++) {
                int v = idx[3 * t + c];
                for (int a = 0; a < 3; a++) {
                    f.dpdu[3 * v + a] += dpduTri[a];
                    f.dpdv[3 * v + a] += dpdvTri[a];
                }
            }
        }
        return f;
    }

    /**
     * dP/du and dP/dv of one triangle from its edges and uv deltas; false when the uv mapping of the
     * triangle is degenerate (zero uv area) and there is nothing to add.
     */
    static boolean triangleDerivatives(float[] p, float[] uv, int i0, int i1, int i2, float[] dpdu, float[] dpdv) {
        float du1 = uv[2 * i1] - uv[2 * i0];
        float dv1 = uv[2 * i1 + 1] - uv[2 * i0 + 1];
        float du2 = uv[2 * i2] - uv[2 * i0];
        float dv2 = uv[2 * i2 + 1] - uv[2 * i0 + 1];
        float det = du1 * dv2 - du2 * dv1;
        if (!(Math.abs(det) > 1e-20f)) {
            return false;
        }
        float r = 1f / det;
        for (int a = 0; a < 3; a++) {
            float e1 = p[3 * i1 + a] - p[3 * i0 + a];
            float e2 = p[3 * i2 + a] - p[3 * i0 + a];
            dpdu[a] = (e1 * dv2 - e2 * dv1) * r;
            dpdv[a] = (e2 * du1 - e1 * du2) * r;
        }
        return Float.isFinite(dpdu[0] + dpdu[1] + dpdu[2] + dpdv[0] + dpdv[1] + dpdv[2]);
    }

    /**
     * The unit tangent and sign for a corner: {@code t} orthogonalised against unit normal {@code n}
     * (Gram-Schmidt), w = +1 when {@code cross(n, t)} points along -dP/dv, else -1. Falls back to
     * {@code fallbackDpdu/Dpdv} (the triangle's own) and then to any unit vector perpendicular to n.
     *
     * @param out x, y, z, w written to {@code out[0..4)}
     */
    static void orthogonalise(float[] n, float[] dpduSum, float[] dpdvSum, int at,
                              float[] fallbackDpdu, float[] fallbackDpdv, float[] out) {
        float[] u = dpduSum;
        float[] v = dpdvSum;
        int o = at;
        if (!project(n, u, o, out)) {
            u = fallbackDpdu;
            v = fallbackDpdv;
            o = 0;
            if (!project(n, u, o, out)) {
                anyPerpendicular(n, out);
                out[3] = 1f;
                return;
            }
        }
        // b = cross(n, t); the glTF bitangent is -dP/dv.
        float bx = n[1] * out[2] - n[2] * out[1];
        float by = n[2] * out[0] - n[0] * out[2];
        float bz = n[0] * out[1] - n[1] * out[0];
        float d = -(bx * v[o] + by * v[o + 1] + bz * v[o + 2]);
        out[3] = d < 0 ? -1f : 1f;
    }

    private static boolean project(float[] n, float[] t, int o, float[] out) {
        float dot = n[0] * t[o] + n[1] * t[o + 1] + n[2] * t[o + 2];
        float x = t[o] - n[0] * dot;
        float y = t[o + 1] - n[1] * dot;
        float z = t[o + 2] - n[2] * dot;
        float len = (float) Math.sqrt(x * x + y * y + z * z);
        if (!(len > 1e-20f) || !Float.isFinite(len)) {
            return false;
        }
        out[0] = x / len;
        out[1] = y / len;
        out[2] = z / len;
        return true;
    }

    private static void anyPerpendicular(float[] n, float[] out) {
        // Cross with the axis least aligned with n.
        float ax = Math.abs(n[0]);
        float ay = Math.abs(n[1]);
        float az = Math.abs(n[2]);
        float[] axis = ax <= ay && ax <= az ? new float[] {1, 0, 0} : ay <= az ? new float[] {0, 1, 0} : new float[] {0, 0, 1};
        float x = n[1] * axis[2] - n[2] * axis[1];
        float y = n[2] * axis[0] - n[0] * axis[2];
        float z = n[0] * axis[1] - n[1] * axis[0];
        float len = (float) Math.sqrt(x * x + y * y + z * z);
        out[0] = x / len;
        out[1] = y / len;
        out[2] = z / len;
    }
}
