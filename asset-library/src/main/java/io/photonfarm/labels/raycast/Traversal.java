package io.photonfarm.labels.raycast;

import java.util.Arrays;

/**
 * One thread's scratch for a ray query: the two traversal stacks (instances, then one mesh's
 * triangles) and the closest hit found so far. Reused from ray to ray, so a query allocates nothing
 * but its answer.
 */
final class Traversal {
    int[] tlasNodes = new int[64];
    double[] tlasEntries = new double[64];
    int[] blasNodes = new int[64];
    double[] blasEntries = new double[64];

    double bestT;
    int instance;
    /** Leaf-order position of the hit triangle in its mesh's {@link TriangleBvh}. */
    int position;
    double b1;
    double b2;

    void reset(double tMax) {
        bestT = tMax;
        instance = -1;
        position = -1;
        b1 = 0;
        b2 = 0;
    }

    void growTlas() {
        tlasNodes = Arrays.copyOf(tlasNodes, 2 * tlasNodes.length);
        tlasEntries = Arrays.copyOf(tlasEntries, 2 * tlasEntries.length);
    }

    void growBlas() {
        blasNodes = Arrays.copyOf(blasNodes, 2 * blasNodes.length);
        blasEntries = Arrays.copyOf(blasEntries, 2 * blasEntries.length);
    }

    /** 1 / d with the renderer's guard against division by zero (a tiny value of the same sign instead). */
    static double safeInverse(double d) {
        final double tiny = 1e-300;
        return 1.0 / (Math.abs(d) > tiny ? d : (d >= 0 ? tiny : -tiny));
    }

    /**
     * Slab test of the box {@code b[at .. at + 6)} (min xyz, max xyz): the entry distance, or +inf when
     * the ray misses it within [0, tMax]. The far distance is widened by a few ulps so that rounding
     * never rejects a box whose triangle the (inclusive) triangle test would hit.
     */
    static double boxEntry(double[] b, int at, double ox, double oy, double oz, double ix, double iy, double iz,
            double tMax) {
        double ax = (b[at] - ox) * ix;
        double bx = (b[at + 3] - ox) * ix;
        double ay = (b[at + 1] - oy) * iy;
        double by = (b[at + 4] - oy) * iy;
        double az = (b[at + 2] - oz) * iz;
        double bz = (b[at + 5] - oz) * iz;
        double nx = ax < bx ? ax : bx;
        double fx = ax < bx ? bx : ax;
        double ny = ay < by ? ay : by;
        double fy = ay < by ? by : ay;
        double nz = az < bz ? az : bz;
        double fz = az < bz ? bz : az;
        double tn = nx > ny ? nx : ny;
        tn = tn > nz ? tn : nz;
        tn = tn > 0 ? tn : 0;
        double tf = fx < fy ? fx : fy;
        tf = (tf < fz ? tf : fz) * (1 + 1e-14);
        tf = tf < tMax ? tf : tMax;
        return tn <= tf ? tn : Double.POSITIVE_INFINITY;
    }
}
