package io.photonfarm.bvh;

import java.util.SplittableRandom;

/** Triangle soups as BVH input: bounds and centroids of random triangles. */
final class RandomBoxes {
    final float[] bounds;
    final float[] centroids;

    private RandomBoxes(int n) {
        bounds = new float[6 * n];
        centroids = new float[3 * n];
    }

    /** n random triangles with vertices near a uniform point of a cube of side {@code extent}. */
    static RandomBoxes triangles(int n, float extent, float size, long seed) {
        SplittableRandom rnd = new SplittableRandom(seed);
        RandomBoxes r = new RandomBoxes(n);
        float[] v = new float[9];
        for (int i = 0; i < n; i++) {
            for (int a = 0; a < 3; a++) {
                float c = (float) rnd.nextDouble() * extent;
                for (int k = 0; k < 3; k++) {
                    v[3 * k + a] = c + (float) (rnd.nextDouble() - 0.5) * size;
                }
            }
            r.set(i, v);
        }
        return r;
    }

    void set(int i, float[] v) {
        for (int a = 0; a < 3; a++) {
            float lo = Math.min(v[a], Math.min(v[3 + a], v[6 + a]));
            float hi = Math.max(v[a], Math.max(v[3 + a], v[6 + a]));
            bounds[6 * i + a] = lo;
            bounds[6 * i + 3 + a] = hi;
            centroids[3 * i + a] = (v[a] + v[3 + a] + v[6 + a]) / 3f;
        }
    }

    int count() {
        return centroids.length / 3;
    }
}
