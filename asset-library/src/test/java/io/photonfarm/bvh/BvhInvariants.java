package io.photonfarm.bvh;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

/** Structural checks every {@link Bvh} must pass, shared by the builder tests. */
final class BvhInvariants {
    private BvhInvariants() {
    }

    /**
     * Checks: root first, children adjacent and after their parent, child boxes inside parent boxes,
     * item boxes inside leaf boxes, every item in exactly one leaf, every node reachable once, leaf
     * sizes in 1..maxLeaf.
     */
    static void check(Bvh bvh, float[] itemBounds, int maxLeaf) {
        int n = itemBounds.length / 6;
        assertEquals(n, bvh.itemCount());
        if (n == 0) {
            assertEquals(0, bvh.nodeCount());
            return;
        }
        int[] seenItem = new int[n];
        int[] seenNode = new int[bvh.nodeCount()];
        int[] stack = new int[bvh.nodeCount() + 1];
        int top = 0;
        stack[top++] = 0;
        while (top > 0) {
            int node = stack[--top];
            seenNode[node]++;
            if (bvh.isLeaf(node)) {
                int count = bvh.nodeB()[node];
                assertTrue(count >= 1 && count <= maxLeaf, "leaf " + node + " holds " + count);
                for (int k = bvh.nodeA()[node]; k < bvh.nodeA()[node] + count; k++) {
                    int item = bvh.itemOrder()[k];
                    seenItem[item]++;
                    assertInside(itemBounds, 6 * item, bvh.nodeBounds(), 6 * node, "item " + item + " in leaf " + node);
                }
            } else {
                int child = bvh.nodeA()[node];
                assertTrue(child > node && child + 1 < bvh.nodeCount(), "children of " + node + " at " + child);
                for (int c = child; c <= child + 1; c++) {
                    assertInside(bvh.nodeBounds(), 6 * c, bvh.nodeBounds(), 6 * node, "node " + c + " in " + node);
                    stack[top++] = c;
                }
            }
        }
        for (int i = 0; i < n; i++) {
            assertEquals(1, seenItem[i], "item " + i + " appears in leaves");
        }
        for (int i = 0; i < bvh.nodeCount(); i++) {
            assertEquals(1, seenNode[i], "node " + i + " reached");
        }
    }

    private static void assertInside(float[] inner, int i, float[] outer, int o, String what) {
        for (int a = 0; a < 3; a++) {
            assertTrue(outer[o + a] <= inner[i + a] && inner[i + 3 + a] <= outer[o + 3 + a], what);
        }
    }
}
