package io.photonfarm.scene.gpu;

import io.photonfarm.scene.Instance;
import io.photonfarm.scene.Mesh;
import io.photonfarm.scene.Scene;
import java.util.ArrayList;
import java.util.List;
import org.joml.Vector3f;

/** Every triangle of every instance in world space, intersected one by one: the ground truth. */
final class BruteForce {
    /**
     * World hit: scene instance index and triangle index within its mesh, and how well conditioned it
     * is (see {@link #condition}).
     */
    record Hit(float t, int sceneInstance, int meshTriangle, Condition condition) {
    }

    /**
     * @param edge the smallest barycentric coordinate of the ray's crossing of the triangle's plane,
     *             divided by the size float rounding can reach there; below 1, the rounding of another
     *             evaluation order may put the crossing on the other side of an edge
     * @param cos  |cos| of the angle between ray and triangle normal; t is ill-conditioned for grazing rays
     * @param zeroArea the triangle has no area in world space up to rounding (edge and cos are then 0)
     */
    record Condition(double edge, double cos, boolean zeroArea) {
    }

    private final float[] world;
    private final int[] sceneInstance;
    private final int[] meshTriangle;
    private final int[] instanceStart;

    BruteForce(Scene scene) {
        List<float[]> verts = new ArrayList<>();
        List<int[]> ids = new ArrayList<>();
        Vector3f p = new Vector3f();
        instanceStart = new int[scene.instances().size()];
        for (int i = 0; i < scene.instances().size(); i++) {
            instanceStart[i] = verts.size();
            Instance in = scene.instances().get(i);
            Mesh m = scene.meshes().get(in.mesh());
            for (int t = 0; t < m.triangleCount(); t++) {
                float[] v = new float[9];
                for (int c = 0; c < 3; c++) {
                    int at = 3 * m.indices()[3 * t + c];
                    in.objectToWorld().transformPosition(m.positions()[at], m.positions()[at + 1], m.positions()[at + 2], p);
                    v[3 * c] = p.x;
                    v[3 * c + 1] = p.y;
                    v[3 * c + 2] = p.z;
                }
                verts.add(v);
                ids.add(new int[] {i, t});
            }
        }
        world = new float[9 * verts.size()];
        sceneInstance = new int[verts.size()];
        meshTriangle = new int[verts.size()];
        for (int k = 0; k < verts.size(); k++) {
            System.arraycopy(verts.get(k), 0, world, 9 * k, 9);
            sceneInstance[k] = ids.get(k)[0];
            meshTriangle[k] = ids.get(k)[1];
        }
    }

    int triangleCount() {
        return sceneInstance.length;
    }

    /** World-space vertex {@code c} of triangle {@code k}, coordinate {@code a}. */
    float vertex(int k, int c, int a) {
        return world[9 * k + 3 * c + a];
    }

    Hit trace(float[] o, float[] d, float tMax) {
        float best = tMax;
        int bestK = -1;
        for (int k = 0; k < sceneInstance.length; k++) {
            int at = 9 * k;
            float t = ReferenceTracer.mollerTrumbore(o, d, world[at], world[at + 1], world[at + 2],
                    world[at + 3] - world[at], world[at + 4] - world[at + 1], world[at + 5] - world[at + 2],
                    world[at + 6] - world[at], world[at + 7] - world[at + 1], world[at + 8] - world[at + 2]);
            if (t > 0 && t < best) {
                best = t;
                bestK = k;
            }
        }
        return bestK < 0 ? null : new Hit(best, sceneInstance[bestK], meshTriangle[bestK], condition(bestK, o, d));
    }

    /** Conditioning of the ray against one scene instance's triangle. */
    Condition condition(int sceneInstanceIndex, int meshTriangleIndex, float[] o, float[] d) {
        return condition(instanceStart[sceneInstanceIndex] + meshTriangleIndex, o, d);
    }

    private Condition condition(int k, float[] o, float[] d) {
        double[] v = new double[9];
        for (int i = 0; i < 9; i++) {
            v[i] = world[9 * k + i];
        }
        double[] e1 = {v[3] - v[0], v[4] - v[1], v[5] - v[2]};
        double[] e2 = {v[6] - v[0], v[7] - v[1], v[8] - v[2]};
        double[] s = {o[0] - v[0], o[1] - v[1], o[2] - v[2]};
        double[] p = cross(new double[] {d[0], d[1], d[2]}, e2);
        double det = dot(e1, p);
        double[] q = cross(s, e1);
        double u = dot(s, p) / det;
        double w = (d[0] * q[0] + d[1] * q[1] + d[2] * q[2]) / det;
        double margin = Math.min(u, Math.min(w, 1 - u - w));
        double[] n = cross(e1, e2);
        if (!(Math.sqrt(dot(n, n)) > 1e-5 * Math.sqrt(dot(e1, e1) * dot(e2, e2))) || !Double.isFinite(margin)) {
            // Zero area up to the rounding of its float vertices (collinear or coincident corners):
            // whether a ray meets such a sliver is decided by rounding alone.
            return new Condition(0, 0, true);
        }
        double size = Math.sqrt(Math.sqrt(dot(n, n)));
        double dLen = Math.sqrt(d[0] * d[0] + d[1] * d[1] + d[2] * d[2]);
        double cos = Math.abs(dot(n, new double[] {d[0], d[1], d[2]})) / (Math.sqrt(dot(n, n)) * dLen);
        double reach = Math.sqrt(dot(s, s)) + dLen;
        // Float rounding of positions the size of the ray's reach, relative to the triangle's size,
        // grown for grazing rays; generous factors, the test only uses it to excuse rare rays.
        double slack = 1e-4 + 1e-6 * reach / size / Math.max(cos, 1e-2);
        return new Condition(margin / slack, cos, false);
    }

    private static double[] cross(double[] a, double[] b) {
        return new double[] {a[1] * b[2] - a[2] * b[1], a[2] * b[0] - a[0] * b[2], a[0] * b[1] - a[1] * b[0]};
    }

    private static double dot(double[] a, double[] b) {
        return a[0] * b[0] + a[1] * b[1] + a[2] * b[2];
    }
}
