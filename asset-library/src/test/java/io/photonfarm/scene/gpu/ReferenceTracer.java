package io.photonfarm.scene.gpu;

import java.nio.ByteBuffer;

/**
 * Closest-hit ray casting over the packed buffers, the way the GLSL traversal does it: TLAS from
 * {@code header.tlasRoot}, each instance's {@code worldToObject} applied to the ray (direction not
 * renormalised, so t is the same in both spaces), the shared BLAS from {@code blasRoot}, and
 * Möller-Trumbore on {@code Tri} (v0, e1, e2). Float arithmetic throughout. Tests only.
 */
final class ReferenceTracer {
    /**
     * @param t        ray parameter of the hit (world units of the ray direction)
     * @param instance index in the INSTANCES buffer
     * @param triangle index in the TRIANGLES buffer
     */
    record Hit(float t, int instance, int triangle) {
    }

    private final ByteBuffer nodes;
    private final ByteBuffer tris;
    private final ByteBuffer instances;
    private final SceneHeader header;
    private final int[] stack = new int[1024];

    ReferenceTracer(PackedScene scene) {
        this.nodes = scene.nodes();
        this.tris = scene.triangles();
        this.instances = scene.instances();
        this.header = scene.header();
    }

    /** The closest hit with t in (0, tMax), or null. */
    Hit trace(float[] o, float[] d, float tMax) {
        if (header.instanceCount() == 0) {
            return null;
        }
        float bestT = tMax;
        int bestInstance = -1;
        int bestTri = -1;
        float[] oo = new float[3];
        float[] od = new float[3];
        float[] tBest = new float[1];
        int top = 0;
        stack[top++] = header.tlasRoot();
        while (top > 0) {
            int node = stack[--top];
            if (!hitsBox(node, o, d, bestT)) {
                continue;
            }
            int a = nodes.getInt(32 * node + 12);
            int b = nodes.getInt(32 * node + 28);
            if (b == 0) {
                stack[top++] = a;
                stack[top++] = a + 1;
                continue;
            }
            for (int inst = a; inst < a + b; inst++) {
                int base = GpuLayout.INSTANCE * inst + 48;
                for (int r = 0; r < 3; r++) {
                    int row = base + 16 * r;
                    float m0 = instances.getFloat(row);
                    float m1 = instances.getFloat(row + 4);
                    float m2 = instances.getFloat(row + 8);
                    float m3 = instances.getFloat(row + 12);
                    oo[r] = m0 * o[0] + m1 * o[1] + m2 * o[2] + m3;
                    od[r] = m0 * d[0] + m1 * d[1] + m2 * d[2];
                }
                int blasRoot = instances.getInt(GpuLayout.INSTANCE * inst + 144);
                tBest[0] = bestT;
                int hit = traceBlas(blasRoot, oo, od, tBest, top);
                if (hit >= 0) {
                    bestTri = hit;
                    bestInstance = inst;
                    bestT = tBest[0];
                }
            }
        }
        return bestInstance < 0 ? null : new Hit(bestT, bestInstance, bestTri);
    }

    /**
     * Closest triangle in one BLAS with t below {@code tBest[0]}: its index (and its t in tBest[0]),
     * or -1. Uses the stack above {@code base}, as a GPU traversal nested in the TLAS loop would.
     */
    private int traceBlas(int root, float[] o, float[] d, float[] tBest, int base) {
        int top = base;
        stack[top++] = root;
        int best = -1;
        float bestT = tBest[0];
        while (top > base) {
            int node = stack[--top];
            if (!hitsBox(node, o, d, bestT)) {
                continue;
            }
            int a = nodes.getInt(32 * node + 12);
            int b = nodes.getInt(32 * node + 28);
            if (b == 0) {
                stack[top++] = a;
                stack[top++] = a + 1;
                continue;
            }
            for (int tri = a; tri < a + b; tri++) {
                float t = intersect(tri, o, d);
                if (t > 0 && t < bestT) {
                    bestT = t;
                    best = tri;
                }
            }
        }
        tBest[0] = bestT;
        return best;
    }

    /** Slab test against node's box for t in [0, tMax]. */
    private boolean hitsBox(int node, float[] o, float[] d, float tMax) {
        int at = 32 * node;
        float t0 = 0f;
        float t1 = tMax;
        for (int axis = 0; axis < 3; axis++) {
            float inv = 1f / d[axis];
            float lo = (nodes.getFloat(at + 4 * axis) - o[axis]) * inv;
            float hi = (nodes.getFloat(at + 16 + 4 * axis) - o[axis]) * inv;
            if (lo > hi) {
                float s = lo;
                lo = hi;
                hi = s;
            }
            // Written so that NaN (0 * inf on a slab plane) leaves the interval unchanged.
            t0 = lo > t0 ? lo : t0;
            t1 = hi < t1 ? hi : t1;
            if (t0 > t1) {
                return false;
            }
        }
        return true;
    }

    /** Möller-Trumbore; t, or -1 for a miss. */
    private float intersect(int tri, float[] o, float[] d) {
        int at = GpuLayout.TRI * tri;
        float v0x = tris.getFloat(at);
        float v0y = tris.getFloat(at + 4);
        float v0z = tris.getFloat(at + 8);
        float e1x = tris.getFloat(at + 16);
        float e1y = tris.getFloat(at + 20);
        float e1z = tris.getFloat(at + 24);
        float e2x = tris.getFloat(at + 32);
        float e2y = tris.getFloat(at + 36);
        float e2z = tris.getFloat(at + 40);
        return mollerTrumbore(o, d, v0x, v0y, v0z, e1x, e1y, e1z, e2x, e2y, e2z);
    }

    /** Möller and Trumbore, "Fast, minimum storage ray/triangle intersection", JGT 1997. t or -1. */
    static float mollerTrumbore(float[] o, float[] d, float v0x, float v0y, float v0z,
                                float e1x, float e1y, float e1z, float e2x, float e2y, float e2z) {
        float px = d[1] * e2z - d[2] * e2y;
        float py = d[2] * e2x - d[0] * e2z;
        float pz = d[0] * e2y - d[1] * e2x;
        float det = e1x * px + e1y * py + e1z * pz;
        if (det == 0f || !Float.isFinite(det)) {
            return -1f;
        }
        float inv = 1f / det;
        float sx = o[0] - v0x;
        float sy = o[1] - v0y;
        float sz = o[2] - v0z;
        float u = (sx * px + sy * py + sz * pz) * inv;
        if (u < 0f || u > 1f) {
            return -1f;
        }
        float qx = sy * e1z - sz * e1y;
        float qy = sz * e1x - sx * e1z;
        float qz = sx * e1y - sy * e1x;
        float v = (d[0] * qx + d[1] * qy + d[2] * qz) * inv;
        if (v < 0f || u + v > 1f) {
            return -1f;
        }
        return (e2x * qx + e2y * qy + e2z * qz) * inv;
    }
}
