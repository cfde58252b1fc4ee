package io.photonfarm.recipe.draw;

import io.photonfarm.scene.Instance;
import io.photonfarm.scene.Mesh;
import io.photonfarm.scene.Scene;
import org.joml.Vector3d;
import org.joml.Vector3f;

/**
 * An exact check, independent of the sampler's boxes, that two placed meshes do not interpenetrate:
 * no edge of either mesh crosses a triangle of the other (segment-triangle tests in double
 * precision on the world-space triangles), and no vertex of either lies inside the other (ray
 * parity; every procedural mesh is closed). Two closed meshes interpenetrate if and only if one of
 * these happens.
 */
final class Interpenetration {
    private Interpenetration() {
    }

    /** World-space triangles of an instance: 9 doubles per triangle. */
    static double[] world(Scene scene, Instance in) {
        Mesh m = scene.meshes().get(in.mesh());
        int[] idx = m.indices();
        float[] p = m.positions();
        double[] out = new double[idx.length * 3];
        Vector3f v = new Vector3f();
        for (int i = 0; i < idx.length; i++) {
            v.set(p[3 * idx[i]], p[3 * idx[i] + 1], p[3 * idx[i] + 2]);
            in.objectToWorld().transformPosition(v);
            out[3 * i] = v.x;
            out[3 * i + 1] = v.y;
            out[3 * i + 2] = v.z;
        }
        return out;
    }

    static double[] bounds(double[] tris) {
        double[] b = {Double.MAX_VALUE, Double.MAX_VALUE, Double.MAX_VALUE, -Double.MAX_VALUE, -Double.MAX_VALUE, -Double.MAX_VALUE};
        for (int i = 0; i < tris.length; i += 3) {
            for (int a = 0; a < 3; a++) {
                b[a] = Math.min(b[a], tris[i + a]);
                b[a + 3] = Math.max(b[a + 3], tris[i + a]);
            }
        }
        return b;
    }

    static boolean boundsOverlap(double[] a, double[] b) {
        return a[0] <= b[3] && b[0] <= a[3] && a[1] <= b[4] && b[1] <= a[4] && a[2] <= b[5] && b[2] <= a[5];
    }

    /** Whether the two closed triangle soups interpenetrate (see the class comment). */
    static boolean interpenetrate(double[] a, double[] b) {
        double[] ba = bounds(a);
        double[] bb = bounds(b);
        if (!boundsOverlap(ba, bb)) {
            return false;
        }
        return edgesCross(a, b, bb) || edgesCross(b, a, ba) || inside(a[0], a[1], a[2], b) || inside(b[0], b[1], b[2], a);
    }

    /** Whether an edge of a triangle of {@code a} within {@code bBounds} crosses a triangle of {@code b}. */
    private static boolean edgesCross(double[] a, double[] b, double[] bBounds) {
        for (int t = 0; t < a.length; t += 9) {
            double[] tb = bounds(java.util.Arrays.copyOfRange(a, t, t + 9));
            if (!boundsOverlap(tb, bBounds)) {
                continue;
            }
            for (int e = 0; e < 3; e++) {
                int i = t + 3 * e;
                int j = t + 3 * ((e + 1) % 3);
                for (int u = 0; u < b.length; u += 9) {
                    if (segmentHitsTriangle(a[i], a[i + 1], a[i + 2], a[j], a[j + 1], a[j + 2], b, u)) {
                        return true;
                    }
                }
            }
        }
        return false;
    }

    /** Segment p-q against triangle at {@code t} of {@code tris} (Moller-Trumbore, parameters in [0, 1]). */
    private static boolean segmentHitsTriangle(double px, double py, double pz, double qx, double qy, double qz, double[] tris,
            int t) {
        Vector3d v0 = new Vector3d(tris[t], tris[t + 1], tris[t + 2]);
        Vector3d e1 = new Vector3d(tris[t + 3], tris[t + 4], tris[t + 5]).sub(v0);
        Vector3d e2 = new Vector3d(tris[t + 6], tris[t + 7], tris[t + 8]).sub(v0);
        Vector3d d = new Vector3d(qx - px, qy - py, qz - pz);
        Vector3d h = new Vector3d(d).cross(e2);
        double det = e1.dot(h);
        if (Math.abs(det) < 1e-30) {
            return false;
        }
        Vector3d s = new Vector3d(px, py, pz).sub(v0);
        double u = s.dot(h) / det;
        if (u < 0 || u > 1) {
            return false;
        }
        Vector3d qv = new Vector3d(s).cross(e1);
        double v = d.dot(qv) / det;
        if (v < 0 || u + v > 1) {
            return false;
        }
        double tt = e2.dot(qv) / det;
        return tt >= 0 && tt <= 1;
    }

    /** Whether point p is inside the closed soup: crossings of a ray in a fixed, generic direction are odd. */
    private static boolean inside(double px, double py, double pz, double[] tris) {
        double far = 1e3;
        double qx = px + far * 0.5773;
        double qy = py + far * 0.6123;
        double qz = pz + far * 0.5401;
        int crossings = 0;
        for (int t = 0; t < tris.length; t += 9) {
            if (segmentHitsTriangle(px, py, pz, qx, qy, qz, tris, t)) {
                crossings++;
            }
        }
        return (crossings & 1) == 1;
    }
}
