package io.photonfarm.bvh;

/** Helpers on axis-aligned boxes stored as 6 consecutive floats (minX, minY, minZ, maxX, maxY, maxZ). */
final class Aabb {
    private Aabb() {
    }

    /** Writes an empty box (min = +inf, max = -inf), the identity of {@link #grow}. */
    static void setEmpty(float[] box, int at) {
        for (int a = 0; a < 3; a++) {
            box[at + a] = Float.POSITIVE_INFINITY;
            box[at + 3 + a] = Float.NEGATIVE_INFINITY;
        }
    }

    /** Grows box {@code dst[at..]} to contain box {@code src[from..]}. */
    static void grow(float[] dst, int at, float[] src, int from) {
        for (int a = 0; a < 3; a++) {
            dst[at + a] = Math.min(dst[at + a], src[from + a]);
            dst[at + 3 + a] = Math.max(dst[at + 3 + a], src[from + 3 + a]);
        }
    }

    /** Grows box {@code dst[at..]} to contain the point {@code p[from..from+3)}. */
    static void growPoint(float[] dst, int at, float[] p, int from) {
        for (int a = 0; a < 3; a++) {
            dst[at + a] = Math.min(dst[at + a], p[from + a]);
            dst[at + 3 + a] = Math.max(dst[at + 3 + a], p[from + a]);
        }
    }

    /** Surface area; 0 for an empty box. */
    static float area(float[] box, int at) {
        float dx = box[at + 3] - box[at];
        float dy = box[at + 4] - box[at + 1];
        float dz = box[at + 5] - box[at + 2];
        if (!(dx >= 0 && dy >= 0 && dz >= 0)) {
            return 0f;
        }
        return 2f * (dx * dy + dy * dz + dz * dx);
    }
}
