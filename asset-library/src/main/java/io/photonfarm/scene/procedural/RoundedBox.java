package io.photonfarm.scene.procedural;

import io.photonfarm.scene.builtin.MeshBuilder;
import java.util.HashMap;
import java.util.Map;
import org.joml.Vector3f;
import org.joml.Vector3fc;

/**
 * A closed box with rounded edges and corners, added to a {@link MeshBuilder}. Built as a
 * subdivided cube whose grid points p are mapped to {@code inner + r * normalize(p - inner)}, where
 * {@code inner} is p clamped to the box shrunk by r: flat faces stay flat, edges become quarter
 * cylinders and corners eighth spheres. Grid points are shared between faces, so the mesh is
 * watertight; normals are the analytic ones of the rounded surface.
 */
final class RoundedBox {
    private RoundedBox() {
    }

    /**
     * Adds the box centred at {@code centre} with half-extents {@code half} (metres) and edge radius
     * {@code radius} (0 < radius <= every half-extent), each rounded edge split in {@code segments}.
     *
     * @return the vertex index of grid point (i, j, k) is not exposed; returns the builder
     */
    static MeshBuilder add(MeshBuilder b, Vector3fc centre, Vector3fc half, float radius, int segments, int material) {
        if (!(radius > 0) || radius > half.x() || radius > half.y() || radius > half.z() || segments < 1) {
            throw new IllegalArgumentException("rounded box: radius " + radius + " must be in (0, min half-extent "
                    + Math.min(half.x(), Math.min(half.y(), half.z())) + "] and segments " + segments + " >= 1");
        }
        float[][] coords = new float[3][];
        for (int a = 0; a < 3; a++) {
            coords[a] = axisCoordinates(half.get(a), radius, segments);
        }
        Map<Long, Integer> vertexOf = new HashMap<>();
        int n = coords[0].length; // the same length on every axis
        for (int axis = 0; axis < 3; axis++) {
            int u = (axis + 1) % 3;
            int v = (axis + 2) % 3;
            for (int side = 0; side < 2; side++) {
                int fixed = side == 0 ? 0 : n - 1;
                for (int i = 0; i + 1 < n; i++) {
                    for (int j = 0; j + 1 < n; j++) {
                        int[] q = new int[4];
                        int[][] corners = {{i, j}, {i + 1, j}, {i + 1, j + 1}, {i, j + 1}};
                        for (int c = 0; c < 4; c++) {
                            int[] idx = new int[3];
                            idx[axis] = fixed;
                            idx[u] = corners[c][0];
                            idx[v] = corners[c][1];
                            q[c] = vertex(b, vertexOf, idx, coords, centre, half, radius, n);
                        }
                        float out = side == 0 ? -1 : 1;
                        addFacing(b, q[0], q[1], q[2], axis, out, material);
                        addFacing(b, q[0], q[2], q[3], axis, out, material);
                    }
                }
            }
        }
        return b;
    }

    /**
     * Grid coordinates along one axis: the rounded zones get points at r tan(theta) past the inner
     * box for theta evenly spaced in [0, 45] degrees, which puts the mapped points at even angles.
     */
    private static float[] axisCoordinates(float h, float r, int segments) {
        float[] c = new float[2 * (segments + 1)];
        for (int k = 0; k <= segments; k++) {
            float d = (float) (r * Math.tan(Math.PI / 4 * k / segments));
            c[segments - k] = -(h - r) - d;
            c[segments + 1 + k] = (h - r) + d;
        }
        c[0] = -h;
        c[c.length - 1] = h;
        return c;
    }

    private static int vertex(MeshBuilder b, Map<Long, Integer> vertexOf, int[] idx, float[][] coords, Vector3fc centre,
            Vector3fc half, float r, int n) {
        long key = ((long) idx[0] * n + idx[1]) * n + idx[2];
        Integer known = vertexOf.get(key);
        if (known != null) {
            return known;
        }
        Vector3f p = new Vector3f(coords[0][idx[0]], coords[1][idx[1]], coords[2][idx[2]]);
        Vector3f inner = new Vector3f();
        for (int a = 0; a < 3; a++) {
            float lim = half.get(a) - r;
            inner.setComponent(a, Math.max(-lim, Math.min(lim, p.get(a))));
        }
        Vector3f offset = new Vector3f(p).sub(inner);
        int outside = (offset.x != 0 ? 1 : 0) + (offset.y != 0 ? 1 : 0) + (offset.z != 0 ? 1 : 0);
        Vector3f normal;
        Vector3f pos;
        if (outside == 1) {
            // A flat face: keep the exact grid point and the exact axis normal.
            normal = new Vector3f(Math.signum(offset.x), Math.signum(offset.y), Math.signum(offset.z));
            pos = p;
        } else {
            normal = offset.normalize();
            pos = new Vector3f(normal).mul(r).add(inner);
        }
        // Texture coordinates: the two box axes across the dominant normal direction, scaled to the box.
        int dominant = Math.abs(normal.x) >= Math.abs(normal.y) && Math.abs(normal.x) >= Math.abs(normal.z) ? 0
                : Math.abs(normal.y) >= Math.abs(normal.z) ? 1 : 2;
        int ua = (dominant + 1) % 3;
        int va = (dominant + 2) % 3;
        float tu = 0.5f + pos.get(ua) / (2 * half.get(ua));
        float tv = 0.5f + pos.get(va) / (2 * half.get(va));
        int index = b.vertex(pos.x + centre.x(), pos.y + centre.y(), pos.z + centre.z(), normal.x, normal.y, normal.z, tu, tv);
        vertexOf.put(key, index);
        return index;
    }

    /** Adds triangle a, b, c wound so that its face normal has the sign {@code out} along {@code axis}. */
    private static void addFacing(MeshBuilder b, int i0, int i1, int i2, int axis, float out, int material) {
        float[] p = b.position(i0);
        float[] q = b.position(i1);
        float[] s = b.position(i2);
        Vector3f e1 = new Vector3f(q[0] - p[0], q[1] - p[1], q[2] - p[2]);
        Vector3f e2 = new Vector3f(s[0] - p[0], s[1] - p[1], s[2] - p[2]);
        Vector3f f = e1.cross(e2);
        if (f.get(axis) * out >= 0) {
            b.triangle(i0, i1, i2, material);
        } else {
            b.triangle(i0, i2, i1, material);
        }
    }
}
