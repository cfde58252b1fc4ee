package io.photonfarm.bvh;

import static org.junit.jupiter.api.Assertions.assertArrayEquals;
import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

import org.junit.jupiter.api.Test;

class BvhBuilderTest {

    @Test
    void randomSoupSatisfiesInvariants() {
        RandomBoxes soup = RandomBoxes.triangles(20_000, 10f, 0.3f, 1);
        try (BvhBuilder builder = new BvhBuilder(4, 2)) {
            Bvh bvh = builder.build(soup.bounds, soup.centroids);
            BvhInvariants.check(bvh, soup.bounds, 4);
        }
    }

    @Test
    void resultDoesNotDependOnThreadCount() {
        RandomBoxes soup = RandomBoxes.triangles(100_000, 10f, 0.2f, 2);
        Bvh one;
        Bvh two;
        try (BvhBuilder builder = new BvhBuilder(4, 1)) {
            one = builder.build(soup.bounds, soup.centroids);
        }
        try (BvhBuilder builder = new BvhBuilder(4, 3)) {
            two = builder.build(soup.bounds, soup.centroids);
        }
        assertArrayEquals(one.nodeBounds(), two.nodeBounds());
        assertArrayEquals(one.nodeA(), two.nodeA());
        assertArrayEquals(one.nodeB(), two.nodeB());
        assertArrayEquals(one.itemOrder(), two.itemOrder());
    }

    @Test
    void binnedSahIsNotWorseThanMedianSplit() {
        // Clustered input, where a median split wastes area and SAH should clearly win.
        RandomBoxes soup = RandomBoxes.triangles(30_000, 10f, 0.2f, 3);
        for (int i = 0; i < soup.count(); i += 3) {
            for (int a = 0; a < 3; a++) {
                soup.centroids[3 * i + a] *= 0.1f;
                soup.bounds[6 * i + a] *= 0.1f;
                soup.bounds[6 * i + 3 + a] *= 0.1f;
            }
        }
        Bvh sah;
        try (BvhBuilder builder = new BvhBuilder(4, 2)) {
            sah = builder.build(soup.bounds, soup.centroids);
        }
        Bvh median = MedianSplitBuilder.build(soup.bounds, soup.centroids, 4);
        BvhInvariants.check(median, soup.bounds, 4);
        double sahCost = sah.sahCost(BvhBuilder.TRAVERSAL_COST, BvhBuilder.INTERSECTION_COST);
        double medianCost = median.sahCost(BvhBuilder.TRAVERSAL_COST, BvhBuilder.INTERSECTION_COST);
        System.out.printf("SAH cost: binned %.2f, median split %.2f%n", sahCost, medianCost);
        assertTrue(sahCost <= 1.02 * medianCost, "binned " + sahCost + " vs median " + medianCost);
    }

    @Test
    void identicalCentroidsAreSplitByCount() {
        int n = 1000;
        float[] bounds = new float[6 * n];
        float[] centroids = new float[3 * n];
        for (int i = 0; i < n; i++) {
            // Same centroid, different sizes: no plane can separate them.
            float h = 0.001f * (i + 1);
            for (int a = 0; a < 3; a++) {
                bounds[6 * i + a] = 1f - h;
                bounds[6 * i + 3 + a] = 1f + h;
                centroids[3 * i + a] = 1f;
            }
        }
        try (BvhBuilder builder = new BvhBuilder(4, 2)) {
            Bvh bvh = builder.build(bounds, centroids);
            BvhInvariants.check(bvh, bounds, 4);
            assertTrue(depth(bvh) <= 12, "depth " + depth(bvh));
        }
    }

    @Test
    void zeroAreaItemsGiveABalancedTree() {
        int n = 4096;
        float[] bounds = new float[6 * n];
        float[] centroids = new float[3 * n];
        for (int i = 0; i < n; i++) {
            // Points along a line: every box has zero area, so every SAH cost is 0.
            for (int a = 0; a < 3; a++) {
                float p = a == 0 ? i * 0.01f : 0f;
                bounds[6 * i + a] = p;
                bounds[6 * i + 3 + a] = p;
                centroids[3 * i + a] = p;
            }
        }
        try (BvhBuilder builder = new BvhBuilder(4, 1)) {
            Bvh bvh = builder.build(bounds, centroids);
            BvhInvariants.check(bvh, bounds, 4);
            assertTrue(depth(bvh) <= 16, "depth " + depth(bvh));
        }
    }

    @Test
    void singleItemIsOneLeaf() {
        float[] bounds = {0, 0, 0, 1, 1, 1};
        float[] centroids = {0.5f, 0.5f, 0.5f};
        try (BvhBuilder builder = new BvhBuilder(2, 1)) {
            Bvh bvh = builder.build(bounds, centroids);
            assertEquals(1, bvh.nodeCount());
            assertEquals(0, bvh.nodeA()[0]);
            assertEquals(1, bvh.nodeB()[0]);
            assertArrayEquals(bounds, bvh.nodeBounds());
        }
    }

    @Test
    void noItemsGiveNoNodes() {
        try (BvhBuilder builder = new BvhBuilder(4, 1)) {
            assertEquals(0, builder.build(new float[0], new float[0]).nodeCount());
        }
    }

    @Test
    void tenThousandInstanceBoxesWithLeavesOfTwo() {
        RandomBoxes boxes = RandomBoxes.triangles(10_000, 100f, 2f, 4);
        try (BvhBuilder builder = new BvhBuilder(2, 2)) {
            BvhInvariants.check(builder.build(boxes.bounds, boxes.centroids), boxes.bounds, 2);
        }
    }

    @Test
    void millionTrianglesBuildQuickly() {
        RandomBoxes soup = RandomBoxes.triangles(1_000_000, 100f, 0.3f, 5);
        try (BvhBuilder builder = new BvhBuilder(4, Runtime.getRuntime().availableProcessors())) {
            builder.build(soup.bounds, soup.centroids);
            long t0 = System.nanoTime();
            Bvh bvh = builder.build(soup.bounds, soup.centroids);
            long nanos = System.nanoTime() - t0;
            System.out.printf("1M random triangles: %d nodes in %.0f ms%n", bvh.nodeCount(), nanos / 1e6);
            BvhInvariants.check(bvh, soup.bounds, 4);
        }
    }

    static int depth(Bvh bvh) {
        int[] d = new int[bvh.nodeCount()];
        int max = 0;
        for (int i = 0; i < bvh.nodeCount(); i++) {
            max = Math.max(max, d[i]);
            if (!bvh.isLeaf(i)) {
                d[bvh.nodeA()[i]] = d[i] + 1;
                d[bvh.nodeA()[i] + 1] = d[i] + 1;
            }
        }
        return max;
    }
}
