package io.photonfarm.bvh;

/**
 * A flattened binary bounding volume hierarchy over {@code itemOrder.length} items, in the node
 * encoding of {@code docs/gpu-scene-layout.md} with indices local to this hierarchy.
 *
 * <p>Node {@code i} has the box {@code nodeBounds[6i .. 6i+6)} = (minX, minY, minZ, maxX, maxY, maxZ)
 * in the frame of the item bounds it was built from. It is a leaf when {@code nodeB[i] > 0}: it holds
 * the items at positions {@code [nodeA[i], nodeA[i] + nodeB[i])} of {@link #itemOrder()}. It is an
 * interior node when {@code nodeB[i] == 0}: its children are nodes {@code nodeA[i]} and
 * {@code nodeA[i] + 1}. Node 0 is the root; every child pair follows its parent.
 *
 * <p>The arrays are owned by this record and must not be changed.
 *
 * @param nodeBounds 6 floats per node
 * @param nodeA      first item position (leaf) or first child index (interior), per node
 * @param nodeB      item count (leaf) or 0 (interior), per node
 * @param itemOrder  the item permutation: position {@code k} in leaf order holds input item {@code itemOrder[k]}
 */
public record Bvh(float[] nodeBounds, int[] nodeA, int[] nodeB, int[] itemOrder) {

    public Bvh {
        if (nodeA.length != nodeB.length || nodeBounds.length != 6 * nodeA.length) {
            throw new IllegalArgumentException("inconsistent node arrays: " + nodeBounds.length + " bounds, "
                    + nodeA.length + " a, " + nodeB.length + " b");
        }
    }

    public int nodeCount() {
        return nodeA.length;
    }

    public int itemCount() {
        return itemOrder.length;
    }

    public boolean isLeaf(int node) {
        return nodeB[node] > 0;
    }

    /** Surface area of a node's box; 0 for an empty (inverted) box. */
    public float area(int node) {
        return Aabb.area(nodeBounds, 6 * node);
    }

    /**
     * The surface area heuristic cost of this tree (MacDonald and Booth 1990): the expected cost of
     * a random ray that hits the root box, {@code sum over interior nodes of traversalCost * A(n) / A(root)
     * + sum over leaves of intersectionCost * items(n) * A(n) / A(root)}.
     * Returns {@code intersectionCost * items} for a root of zero area, and 0 for an empty tree.
     */
    public double sahCost(double traversalCost, double intersectionCost) {
        if (nodeCount() == 0) {
            return 0;
        }
        double rootArea = area(0);
        if (!(rootArea > 0)) {
            return intersectionCost * itemCount();
        }
        double sum = 0;
        for (int n = 0; n < nodeCount(); n++) {
            double weight = area(n) / rootArea;
            sum += isLeaf(n) ? intersectionCost * nodeB[n] * weight : traversalCost * weight;
        }
        return sum;
    }
}
