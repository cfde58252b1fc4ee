package io.photonfarm.bvh;

import java.util.Arrays;

/** A deliberately simple object-median builder, the baseline the SAH build is compared with. */
final class MedianSplitBuilder {
    private MedianSplitBuilder() {
    }

    static Bvh build(float[] bounds, float[] centroids, int maxLeaf) {
        int n = centroids.length / 3;
        Integer[] order = new Integer[n];
        for (int i = 0; i < n; i++) {
            order[i] = i;
        }
        int cap = 2 * n - 1;
        float[] nb = new float[6 * cap];
        int[] na = new int[cap];
        int[] nbCount = new int[cap];
        int[] next = {1};
        node(0, 0, n, order, bounds, centroids, maxLeaf, nb, na, nbCount, next);
        int[] perm = new int[n];
        for (int i = 0; i < n; i++) {
            perm[i] = order[i];
        }
        int count = next[0];
        return new Bvh(Arrays.copyOf(nb, 6 * count), Arrays.copyOf(na, count), Arrays.copyOf(nbCount, count), perm);
    }

    private static void node(int slot, int begin, int end, Integer[] order, float[] bounds, float[] centroids,
                             int maxLeaf, float[] nb, int[] na, int[] nbCount, int[] next) {
        Aabb.setEmpty(nb, 6 * slot);
        float[] cb = new float[6];
        Aabb.setEmpty(cb, 0);
        for (int i = begin; i < end; i++) {
            Aabb.grow(nb, 6 * slot, bounds, 6 * order[i]);
            Aabb.growPoint(cb, 0, centroids, 3 * order[i]);
        }
        if (end - begin <= maxLeaf) {
            na[slot] = begin;
            nbCount[slot] = end - begin;
            return;
        }
        int axis = 0;
        for (int a = 1; a < 3; a++) {
            if (cb[3 + a] - cb[a] > cb[3 + axis] - cb[axis]) {
                axis = a;
            }
        }
        int ax = axis;
        Arrays.sort(order, begin, end, (p, q) -> Float.compare(centroids[3 * p + ax], centroids[3 * q + ax]));
        int mid = (begin + end) / 2;
        int child = next[0];
        next[0] += 2;
        na[slot] = child;
        nbCount[slot] = 0;
        node(child, begin, mid, order, bounds, centroids, maxLeaf, nb, na, nbCount, next);
        node(child + 1, mid, end, order, bounds, centroids, maxLeaf, nb, na, nbCount, next);
    }
}
