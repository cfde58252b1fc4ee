package io.photonfarm.labels.raycast;

import io.photonfarm.bvh.Bvh;
import io.photonfarm.bvh.BvhBuilder;
import io.photonfarm.scene.Mesh;

/**
 * One mesh's triangles under a {@link Bvh} (the renderer's BLAS builder), in double precision for ray
 * casting: node boxes widened from the float boxes they were built on, and per triangle (in leaf
 * order) its first vertex and its two edges from it, 9 doubles.
 */
final class TriangleBvh {
    private final double[] nodeBounds;
    private final int[] nodeA;
    private final int[] nodeB;
    private final double[] tris;
    private final int[] triangleOf;

    private TriangleBvh(double[] nodeBounds, int[] nodeA, int[] nodeB, double[] tris, int[] triangleOf) {
        this.nodeBounds = nodeBounds;
        this.nodeA = nodeA;
        this.nodeB = nodeB;
        this.tris = tris;
        this.triangleOf = triangleOf;
    }

    static TriangleBvh of(Mesh mesh, BvhBuilder builder) {
        int n = mesh.triangleCount();
        float[] p = mesh.positions();
        int[] idx = mesh.indices();
        float[] boxes = new float[6 * n];
        float[] centroids = new float[3 * n];
        for (int t = 0; t < n; t++) {
            for (int a = 0; a < 3; a++) {
                float v0 = p[3 * idx[3 * t] + a];
                float v1 = p[3 * idx[3 * t + 1] + a];
                float v2 = p[3 * idx[3 * t + 2] + a];
                float lo = Math.min(v0, Math.min(v1, v2));
                float hi = Math.max(v0, Math.max(v1, v2));
                boxes[6 * t + a] = lo;
                boxes[6 * t + 3 + a] = hi;
                centroids[3 * t + a] = 0.5f * (lo + hi);
            }
        }
        Bvh bvh = builder.build(boxes, centroids);
        double[] bounds = new double[bvh.nodeBounds().length];
        for (int i = 0; i < bounds.length; i++) {
            bounds[i] = bvh.nodeBounds()[i];
        }
        int[] order = bvh.itemOrder();
        double[] tris = new double[9 * n];
        for (int k = 0; k < n; k++) {
            int t = order[k];
            int i0 = 3 * idx[3 * t];
            int i1 = 3 * idx[3 * t + 1];
            int i2 = 3 * idx[3 * t + 2];
            for (int a = 0; a < 3; a++) {
                double v0 = p[i0 + a];
                tris[9 * k + a] = v0;
                tris[9 * k + 3 + a] = p[i1 + a] - v0;
                tris[9 * k + 6 + a] = p[i2 + a] - v0;
            }
        }
        return new TriangleBvh(bounds, bvh.nodeA().clone(), bvh.nodeB().clone(), tris, order.clone());
    }

    boolean isEmpty() {
        return nodeA.length == 0;
    }

    /** The mesh's triangle index at leaf-order position {@code position}. */
    int triangle(int position) {
        return triangleOf[position];
    }

    /** Object-space edges e1, e2 of the triangle at leaf-order position {@code position}: {e1x, e1y, e1z, e2x, e2y, e2z}. */
    void edges(int position, double[] out) {
        System.arraycopy(tris, 9 * position + 3, out, 0, 6);
    }

    /**
     * Closest hit along an object-space ray (origin o, direction d, not necessarily unit: t is in the
     * units of the world ray it came from) with 0 < t < {@code q.bestT}. On a hit, updates {@code q}'s
     * best distance, position and barycentrics, sets its instance to {@code instance}, and answers true.
     */
    boolean trace(double ox, double oy, double oz, double dx, double dy, double dz, int instance, Traversal q) {
        if (isEmpty()) {
            return false;
        }
        double ix = Traversal.safeInverse(dx);
        double iy = Traversal.safeInverse(dy);
        double iz = Traversal.safeInverse(dz);
        if (Traversal.boxEntry(nodeBounds, 0, ox, oy, oz, ix, iy, iz, q.bestT) == Double.POSITIVE_INFINITY) {
            return false;
        }
        boolean found = false;
        int sp = 0;
        int node = 0;
        while (true) {
            if (nodeB[node] > 0) {
                int end = nodeA[node] + nodeB[node];
                for (int k = nodeA[node]; k < end; k++) {
                    if (hitTriangle(k, ox, oy, oz, dx, dy, dz, q)) {
                        q.instance = instance;
                        found = true;
                    }
                }
            } else {
                int l = nodeA[node];
                double tl = Traversal.boxEntry(nodeBounds, 6 * l, ox, oy, oz, ix, iy, iz, q.bestT);
                double tr = Traversal.boxEntry(nodeBounds, 6 * (l + 1), ox, oy, oz, ix, iy, iz, q.bestT);
                boolean hl = tl != Double.POSITIVE_INFINITY;
                boolean hr = tr != Double.POSITIVE_INFINITY;
                if (hl && hr) {
                    boolean leftFirst = tl <= tr;
                    if (sp == q.blasNodes.length) {
                        q.growBlas();
                    }
                    q.blasNodes[sp] = leftFirst ? l + 1 : l;
                    q.blasEntries[sp] = leftFirst ? tr : tl;
                    sp++;
                    node = leftFirst ? l : l + 1;
                    continue;
                } else if (hl || hr) {
                    node = hl ? l : l + 1;
                    continue;
                }
            }
            boolean popped = false;
            while (sp > 0) {
                sp--;
                if (q.blasEntries[sp] < q.bestT) {
                    node = q.blasNodes[sp];
                    popped = true;
                    break;
                }
            }
            if (!popped) {
                return found;
            }
        }
    }

    /**
     * Möller and Trumbore, "Fast, Minimum Storage Ray/Triangle Intersection" (1997), both faces,
     * edges inclusive (as the renderer's {@code triangle_hit}), in double precision.
     */
    private boolean hitTriangle(int k, double ox, double oy, double oz, double dx, double dy, double dz, Traversal q) {
        int b = 9 * k;
        double e1x = tris[b + 3];
        double e1y = tris[b + 4];
        double e1z = tris[b + 5];
        double e2x = tris[b + 6];
        double e2y = tris[b + 7];
        double e2z = tris[b + 8];
        double px = dy * e2z - dz * e2y;
        double py = dz * e2x - dx * e2z;
        double pz = dx * e2y - dy * e2x;
        double det = e1x * px + e1y * py + e1z * pz;
        if (det == 0) {
            return false;
        }
        double inv = 1 / det;
        double sx = ox - tris[b];
        double sy = oy - tris[b + 1];
        double sz = oz - tris[b + 2];
        double u = (sx * px + sy * py + sz * pz) * inv;
        if (u < 0 || u > 1) {
            return false;
        }
        double qx = sy * e1z - sz * e1y;
        double qy = sz * e1x - sx * e1z;
        double qz = sx * e1y - sy * e1x;
        double v = (dx * qx + dy * qy + dz * qz) * inv;
        if (v < 0 || u + v > 1) {
            return false;
        }
        double t = (e2x * qx + e2y * qy + e2z * qz) * inv;
        if (!(t > 0 && t < q.bestT)) {
            return false;
        }
        q.bestT = t;
        q.position = k;
        q.b1 = u;
        q.b2 = v;
        return true;
    }
}
