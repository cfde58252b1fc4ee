package io.photonfarm.bvh;

import java.util.ArrayList;
import java.util.Arrays;
import java.util.List;
import java.util.concurrent.RecursiveAction;

/**
 * Builds the subtree over items {@code perm[begin, end)} into node {@code slot} and the node range
 * reserved for its descendants.
 *
 * <p>Reservation: a subtree of m items has at most 2m - 2 descendants. A node whose descendants
 * start at {@code desc} puts its children at {@code desc} and {@code desc + 1}; the left child's
 * descendants (m_L items) start at {@code desc + 2}, the right child's at {@code desc + 2 m_L}.
 * Ranges therefore depend only on item counts, and parallel tasks write disjoint slots.
 */
final class SubtreeBuild extends RecursiveAction {
    private static final long serialVersionUID = 1L;
    private static final int BINS = BvhBuilder.BINS;

    private final transient BuildArrays arrays;
    private final int rootSlot;
    private final int rootBegin;
    private final int rootEnd;
    private final int rootDesc;
    private final float[] rootCentroidBounds;
    private int interiorNodes;

    // Scratch, per task: bin boxes and counts for the three axes, and the suffix sweep.
    private final int[] binCount = new int[3 * BINS];
    private final float[] binBox = new float[3 * BINS * 6];
    private final float[] rightArea = new float[BINS];
    private final int[] rightCount = new int[BINS];
    private final float[] scale = new float[3];
    private final float[] sweep = new float[6];
    /** Bins used for the current node: {@code BINS}, or 2 per item for small nodes (see {@link #split}). */
    private int bins;

    // Explicit work stack: 4 ints (slot, begin, end, desc) and 6 floats (centroid bounds) per entry.
    private int[] stackInts = new int[4 * 64];
    private float[] stackBounds = new float[6 * 64];
    private int stackSize;

    SubtreeBuild(BuildArrays arrays, int slot, int begin, int end, int desc, float[] centroidBounds) {
        this.arrays = arrays;
        this.rootSlot = slot;
        this.rootBegin = begin;
        this.rootEnd = end;
        this.rootDesc = desc;
        this.rootCentroidBounds = centroidBounds.clone();
    }

    /** Interior nodes written by this task and the tasks it forked; valid after {@link #run()}. */
    int interiorNodes() {
        return interiorNodes;
    }

    @Override
    protected void compute() {
        run();
    }

    /** Builds the subtree on the calling thread, forking large subtrees when the build is parallel. */
    void run() {
        List<SubtreeBuild> forked = new ArrayList<>();
        push(rootSlot, rootBegin, rootEnd, rootDesc, rootCentroidBounds);
        float[] cb = new float[6];
        float[] leftCb = new float[6];
        float[] rightCb = new float[6];
        while (stackSize > 0) {
            stackSize--;
            int slot = stackInts[4 * stackSize];
            int begin = stackInts[4 * stackSize + 1];
            int end = stackInts[4 * stackSize + 2];
            int desc = stackInts[4 * stackSize + 3];
            System.arraycopy(stackBounds, 6 * stackSize, cb, 0, 6);
            int mid = split(slot, begin, end, desc, cb, leftCb, rightCb);
            if (mid < 0) {
                arrays.nodeA()[slot] = begin;
                arrays.nodeB()[slot] = end - begin;
                continue;
            }
            interiorNodes++;
            arrays.nodeA()[slot] = desc;
            arrays.nodeB()[slot] = 0;
            int leftDesc = desc + 2;
            int rightDesc = desc + 2 * (mid - begin);
            if (arrays.parallel() && end - mid >= BvhBuilder.PARALLEL_MIN_ITEMS) {
                SubtreeBuild task = new SubtreeBuild(arrays, desc + 1, mid, end, rightDesc, rightCb);
                task.fork();
                forked.add(task);
            } else {
                push(desc + 1, mid, end, rightDesc, rightCb);
            }
            push(desc, begin, mid, leftDesc, leftCb);
        }
        for (SubtreeBuild task : forked) {
            task.join();
            interiorNodes += task.interiorNodes;
        }
    }

    private void push(int slot, int begin, int end, int desc, float[] cb) {
        if (4 * (stackSize + 1) > stackInts.length) {
            stackInts = Arrays.copyOf(stackInts, stackInts.length * 2);
            stackBounds = Arrays.copyOf(stackBounds, stackBounds.length * 2);
        }
        stackInts[4 * stackSize] = slot;
        stackInts[4 * stackSize + 1] = begin;
        stackInts[4 * stackSize + 2] = end;
        stackInts[4 * stackSize + 3] = desc;
        System.arraycopy(cb, 0, stackBounds, 6 * stackSize, 6);
        stackSize++;
    }

    /**
     * Decides whether node {@code slot} (its box already written) is split; if so partitions its
     * items, writes both children's boxes at {@code desc, desc + 1} and their centroid bounds into
     * {@code leftCb, rightCb}, and returns the first item of the right child. Returns -1 for a leaf.
     */
    private int split(int slot, int begin, int end, int desc, float[] cb, float[] leftCb, float[] rightCb) {
        int n = end - begin;
        if (n == 1) {
            return -1;
        }
        // Below 16 items, 32 bins are mostly empty while clearing and sweeping them dominates
        // the build time (there are about as many small nodes as items); 2 bins per item suffice.
        bins = Math.min(BINS, 2 * n);
        boolean anyAxis = false;
        for (int axis = 0; axis < 3; axis++) {
            float extent = cb[3 + axis] - cb[axis];
            scale[axis] = extent > 0 ? bins / extent : 0f;
            anyAxis |= extent > 0;
        }
        if (!anyAxis) {
            // All centroids coincide: no plane separates them, so split by count.
            return n <= arrays.maxLeafSize() ? -1 : splitByCount(begin, end, desc, leftCb, rightCb);
        }
        fillBins(begin, end, cb);
        // Best boundary over all axes: minimise A_L n_L + A_R n_R; on ties prefer the more balanced
        // split so that zero-area items (where every cost is 0) still give a shallow tree.
        int bestAxis = -1;
        int bestBin = -1;
        float bestCost = Float.POSITIVE_INFINITY;
        int bestImbalance = Integer.MAX_VALUE;
        for (int axis = 0; axis < 3; axis++) {
            if (scale[axis] == 0f) {
                continue;
            }
            int base = axis * BINS;
            Aabb.setEmpty(sweep, 0);
            int count = 0;
            for (int k = bins - 1; k >= 1; k--) {
                Aabb.grow(sweep, 0, binBox, 6 * (base + k));
                count += binCount[base + k];
                rightArea[k] = Aabb.area(sweep, 0);
                rightCount[k] = count;
            }
            Aabb.setEmpty(sweep, 0);
            count = 0;
            for (int k = 1; k < bins; k++) {
                Aabb.grow(sweep, 0, binBox, 6 * (base + k - 1));
                count += binCount[base + k - 1];
                int right = rightCount[k];
                if (count == 0 || right == 0) {
                    continue;
                }
                float cost = Aabb.area(sweep, 0) * count + rightArea[k] * right;
                int imbalance = Math.abs(count - right);
                if (cost < bestCost || (cost == bestCost && imbalance < bestImbalance)) {
                    bestCost = cost;
                    bestImbalance = imbalance;
                    bestAxis = axis;
                    bestBin = k;
                }
            }
        }
        float parentArea = Aabb.area(arrays.nodeBounds(), 6 * slot);
        if (n <= arrays.maxLeafSize()) {
            float leafCost = BvhBuilder.INTERSECTION_COST * n;
            float splitCost = BvhBuilder.TRAVERSAL_COST + BvhBuilder.INTERSECTION_COST * bestCost / parentArea;
            if (!(parentArea > 0) || bestAxis < 0 || leafCost <= splitCost) {
                return -1;
            }
        }
        if (bestAxis < 0) {
            return splitByCount(begin, end, desc, leftCb, rightCb);
        }
        int mid = partition(begin, end, bestAxis, bestBin, cb[bestAxis], leftCb, rightCb);
        if (mid == begin || mid == end) {
            // Cannot happen with consistent bin indices; kept so a rounding surprise degrades gracefully.
            return splitByCount(begin, end, desc, leftCb, rightCb);
        }
        float[] nodes = arrays.nodeBounds();
        Aabb.setEmpty(nodes, 6 * desc);
        Aabb.setEmpty(nodes, 6 * (desc + 1));
        int base = bestAxis * BINS;
        for (int k = 0; k < bins; k++) {
            Aabb.grow(nodes, 6 * (k < bestBin ? desc : desc + 1), binBox, 6 * (base + k));
        }
        return mid;
    }

    private int binOf(float c, float min, float scale) {
        // NaN (from 0 * inf when the extent is subnormal) casts to 0, the right bin for c == min.
        return Math.min((int) ((c - min) * scale), bins - 1);
    }

    private void fillBins(int begin, int end, float[] cb) {
        for (int axis = 0; axis < 3; axis++) {
            for (int k = axis * BINS; k < axis * BINS + bins; k++) {
                binCount[k] = 0;
                Aabb.setEmpty(binBox, 6 * k);
            }
        }
        float[] items = arrays.items();
        for (int i = begin; i < end; i++) {
            int o = BuildArrays.STRIDE * i;
            float x0 = items[o];
            float y0 = items[o + 1];
            float z0 = items[o + 2];
            float x1 = items[o + 3];
            float y1 = items[o + 4];
            float z1 = items[o + 5];
            for (int axis = 0; axis < 3; axis++) {
                float s = scale[axis];
                if (s == 0f) {
                    continue;
                }
                int bin = axis * BINS + binOf(items[o + BuildArrays.CENTROID + axis], cb[axis], s);
                binCount[bin]++;
                int b = 6 * bin;
                binBox[b] = Math.min(binBox[b], x0);
                binBox[b + 1] = Math.min(binBox[b + 1], y0);
                binBox[b + 2] = Math.min(binBox[b + 2], z0);
                binBox[b + 3] = Math.max(binBox[b + 3], x1);
                binBox[b + 4] = Math.max(binBox[b + 4], y1);
                binBox[b + 5] = Math.max(binBox[b + 5], z1);
            }
        }
    }

    /**
     * Hoare partition in place: items in bins below {@code splitBin} first, moving only misplaced
     * pairs. Returns the first position of the right side.
     */
    private int partition(int begin, int end, int axis, int splitBin, float min, float[] leftCb, float[] rightCb) {
        float[] items = arrays.items();
        int c = BuildArrays.CENTROID;
        float s = scale[axis];
        Aabb.setEmpty(leftCb, 0);
        Aabb.setEmpty(rightCb, 0);
        int i = begin;
        int j = end - 1;
        while (true) {
            while (i <= j && binOf(items[BuildArrays.STRIDE * i + c + axis], min, s) < splitBin) {
                Aabb.growPoint(leftCb, 0, items, BuildArrays.STRIDE * i + c);
                i++;
            }
            while (i <= j && binOf(items[BuildArrays.STRIDE * j + c + axis], min, s) >= splitBin) {
                Aabb.growPoint(rightCb, 0, items, BuildArrays.STRIDE * j + c);
                j--;
            }
            if (i > j) {
                return i;
            }
            // i < j here: item i belongs right and item j left.
            swap(i, j);
            Aabb.growPoint(leftCb, 0, items, BuildArrays.STRIDE * i + c);
            Aabb.growPoint(rightCb, 0, items, BuildArrays.STRIDE * j + c);
            i++;
            j--;
        }
    }

    private void swap(int i, int j) {
        float[] items = arrays.items();
        int oi = BuildArrays.STRIDE * i;
        int oj = BuildArrays.STRIDE * j;
        for (int k = 0; k < BuildArrays.STRIDE; k++) {
            float t = items[oi + k];
            items[oi + k] = items[oj + k];
            items[oj + k] = t;
        }
        int[] perm = arrays.perm();
        int t = perm[i];
        perm[i] = perm[j];
        perm[j] = t;
    }

    /** Splits at the middle item (items keep their order) and computes both children's boxes. */
    private int splitByCount(int begin, int end, int desc, float[] leftCb, float[] rightCb) {
        int mid = begin + (end - begin) / 2;
        childBounds(begin, mid, desc, leftCb);
        childBounds(mid, end, desc + 1, rightCb);
        return mid;
    }

    private void childBounds(int begin, int end, int node, float[] centroidBounds) {
        Aabb.setEmpty(arrays.nodeBounds(), 6 * node);
        Aabb.setEmpty(centroidBounds, 0);
        for (int i = begin; i < end; i++) {
            int o = BuildArrays.STRIDE * i;
            Aabb.grow(arrays.nodeBounds(), 6 * node, arrays.items(), o);
            Aabb.growPoint(centroidBounds, 0, arrays.items(), o + BuildArrays.CENTROID);
        }
    }
}
