package io.photonfarm.bvh;

import java.util.Arrays;
import java.util.concurrent.ForkJoinPool;

/**
 * Builds a {@link Bvh} over axis-aligned boxes with the binned surface area heuristic: at each node
 * the item centroids are sorted into {@link #BINS} equal bins per axis over the centroid bounds and
 * the best of the {@code 3 (BINS - 1)} bin boundaries is taken (Wald, "On fast Construction of
 * SAH-based Bounding Volume Hierarchies", IEEE Symposium on Interactive Ray Tracing 2007).
 *
 * <p>The same builder serves triangles (BLAS) and instances (TLAS): it only sees one box and one
 * centroid per item. Work is on primitive arrays, partitioning is in place, and there is no
 * recursion: each subtree is built from an explicit stack, and large subtrees become fork-join
 * tasks on a pool the builder owns (closed by {@link #close()}).
 *
 * <p>The result does not depend on the number of threads: every subtree writes into a node range
 * reserved from its item count alone, and the ranges are compacted in a fixed order at the end.
 */
public final class BvhBuilder implements AutoCloseable {

    /** Bins per axis (the layout contract asks for 16 to 32). */
    public static final int BINS = 32;
    /** Cost of visiting an interior node, relative to intersecting one item. */
    public static final float TRAVERSAL_COST = 1f;
    /** Cost of intersecting one item. */
    public static final float INTERSECTION_COST = 1f;
    /** Subtrees with at least this many items are built as their own fork-join task. */
    static final int PARALLEL_MIN_ITEMS = 16_384;

    private final int maxLeafSize;
    private final ForkJoinPool pool;

    /**
     * @param maxLeafSize largest number of items in a leaf, at least 1 (4 triangles / 2 instances per the layout)
     * @param threads     worker threads for large subtrees; 1 builds on the calling thread only
     */
    public BvhBuilder(int maxLeafSize, int threads) {
        if (maxLeafSize < 1) {
            throw new IllegalArgumentException("maxLeafSize must be >= 1, was " + maxLeafSize);
        }
        if (threads < 1) {
            throw new IllegalArgumentException("threads must be >= 1, was " + threads);
        }
        this.maxLeafSize = maxLeafSize;
        this.pool = threads > 1 ? new ForkJoinPool(threads) : null;
    }

    public int maxLeafSize() {
        return maxLeafSize;
    }

    /**
     * Builds the hierarchy. Input arrays are read only and may be shared between concurrent builds.
     *
     * @param itemBounds 6 floats per item (minX, minY, minZ, maxX, maxY, maxZ), finite, min <= max
     * @param centroids  3 floats per item, the point used to sort the item (normally its box centre)
     * @return the hierarchy; no nodes for zero items
     */
    public Bvh build(float[] itemBounds, float[] centroids) {
        if (centroids.length % 3 != 0 || itemBounds.length != 2 * centroids.length) {
            throw new IllegalArgumentException("need 6 bound floats and 3 centroid floats per item, got "
                    + itemBounds.length + " and " + centroids.length);
        }
        int n = centroids.length / 3;
        if (n == 0) {
            return new Bvh(new float[0], new int[0], new int[0], new int[0]);
        }
        int[] perm = new int[n];
        float[] items = new float[BuildArrays.STRIDE * n];
        float[] rootCentroidBounds = new float[6];
        float[] nodeBounds0 = new float[6];
        Aabb.setEmpty(nodeBounds0, 0);
        Aabb.setEmpty(rootCentroidBounds, 0);
        for (int i = 0; i < n; i++) {
            perm[i] = i;
            System.arraycopy(itemBounds, 6 * i, items, BuildArrays.STRIDE * i, 6);
            System.arraycopy(centroids, 3 * i, items, BuildArrays.STRIDE * i + BuildArrays.CENTROID, 3);
            Aabb.grow(nodeBounds0, 0, itemBounds, 6 * i);
            Aabb.growPoint(rootCentroidBounds, 0, centroids, 3 * i);
        }
        // A binary tree whose leaves hold at least one item has at most 2n - 1 nodes; each subtree
        // owns a range sized from its own item count (see SubtreeBuild), so tasks never collide.
        int capacity = 2 * n - 1;
        BuildArrays arrays = new BuildArrays(items, perm,
                new float[6 * capacity], new int[capacity], new int[capacity], maxLeafSize, pool != null);
        System.arraycopy(nodeBounds0, 0, arrays.nodeBounds(), 0, 6);
        SubtreeBuild root = new SubtreeBuild(arrays, 0, 0, n, 1, rootCentroidBounds);
        if (pool != null && n >= PARALLEL_MIN_ITEMS) {
            pool.invoke(root);
        } else {
            root.run();
        }
        return compact(arrays, 1 + 2 * root.interiorNodes());
    }

    /** Renumbers the reachable nodes densely, root first, keeping each child pair adjacent. */
    private static Bvh compact(BuildArrays in, int nodeCount) {
        float[] bounds = new float[6 * nodeCount];
        int[] a = new int[nodeCount];
        int[] b = new int[nodeCount];
        int[] stack = new int[64];
        int top = 0;
        stack[top++] = 0;
        stack[top++] = 0;
        int next = 1;
        while (top > 0) {
            int to = stack[--top];
            int from = stack[--top];
            System.arraycopy(in.nodeBounds(), 6 * from, bounds, 6 * to, 6);
            if (in.nodeB()[from] > 0) {
                a[to] = in.nodeA()[from];
                b[to] = in.nodeB()[from];
                continue;
            }
            int child = next;
            next += 2;
            a[to] = child;
            if (top + 4 > stack.length) {
                stack = Arrays.copyOf(stack, stack.length * 2);
            }
            stack[top++] = in.nodeA()[from] + 1;
            stack[top++] = child + 1;
            stack[top++] = in.nodeA()[from];
            stack[top++] = child;
        }
        if (next != nodeCount) {
            throw new IllegalStateException("BVH compaction reached " + next + " nodes, expected " + nodeCount);
        }
        return new Bvh(bounds, a, b, in.perm());
    }

    /** Shuts the worker pool down; builds still running finish first. */
    @Override
    public void close() {
        if (pool != null) {
            pool.shutdown();
        }
    }
}
