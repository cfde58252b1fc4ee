package io.photonfarm.bvh;

/**
 * The arrays one build shares between its subtree tasks. Tasks write disjoint ranges of
 * {@code items} and {@code perm} (their items) and of the node arrays (their reserved node range).
 *
 * @param items {@link #STRIDE} floats per item in partition order: box (6 floats), then centroid (3).
 *              Items are moved, not just their indices, so that every pass reads memory in order.
 * @param perm  the input index of the item at each position
 */
record BuildArrays(float[] items, int[] perm,
                   float[] nodeBounds, int[] nodeA, int[] nodeB, int maxLeafSize, boolean parallel) {
    /** Floats per item in {@link #items()}. */
    static final int STRIDE = 9;
    /** Offset of the centroid within an item. */
    static final int CENTROID = 6;
}
