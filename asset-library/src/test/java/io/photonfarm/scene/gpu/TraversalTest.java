package io.photonfarm.scene.gpu;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

import io.photonfarm.scene.Scene;
import io.photonfarm.scene.builtin.BuiltinScenes;
import java.util.Arrays;
import java.util.SplittableRandom;
import org.junit.jupiter.api.Test;

/** The packed BVHs, traversed as the GPU does, find exactly the hits brute force finds. */
class TraversalTest {

    @Test
    void randomTriangleSoup() {
        compare(TestScenes.single(TestScenes.soup("soup", 5000, 10f, 0.4f, 11)), 3000, 1);
    }

    @Test
    void rotatedScaledAndMirroredInstances() {
        compare(TestScenes.instanced(12), 3000, 2);
    }

    @Test
    void manyInstancesBuiltin() {
        compare(BuiltinScenes.manyInstances(150), 2000, 3);
    }

    @Test
    void degenerateInputs() {
        compare(TestScenes.degenerate(), 3000, 4);
    }

    @Test
    void cornellBox() {
        compare(BuiltinScenes.cornellBox(), 2000, 5);
    }

    private static void compare(Scene scene, int rays, long seed) {
        PackedScene packed = ScenePacker.pack(scene, 2);
        ReferenceTracer tracer = new ReferenceTracer(packed);
        BruteForce truth = new BruteForce(scene);
        float[] wb = packed.header().worldBounds();
        SplittableRandom rnd = new SplittableRandom(seed);
        int hits = 0;
        int edgeCases = 0;
        int zeroAreaCases = 0;
        for (int r = 0; r < rays; r++) {
            float[] o = new float[3];
            float[] d = new float[3];
            for (int a = 0; a < 3; a++) {
                float pad = 0.2f * (wb[3 + a] - wb[a]) + 0.1f;
                o[a] = (float) rnd.nextDouble(wb[a] - pad, wb[3 + a] + pad);
            }
            if (r % 2 == 0 && truth.triangleCount() > 0) {
                // Aim at a random point of a random triangle so that most rays hit something.
                int k = rnd.nextInt(truth.triangleCount());
                double u = rnd.nextDouble();
                double v = rnd.nextDouble() * (1 - u);
                for (int a = 0; a < 3; a++) {
                    d[a] = (float) ((1 - u - v) * truth.vertex(k, 0, a) + u * truth.vertex(k, 1, a)
                            + v * truth.vertex(k, 2, a)) - o[a];
                }
            } else {
                for (int a = 0; a < 3; a++) {
                    d[a] = (float) rnd.nextGaussian();
                }
            }
            String ray = "ray " + r + " o=" + Arrays.toString(o) + " d=" + Arrays.toString(d);
            BruteForce.Hit expected = truth.trace(o, d, Float.POSITIVE_INFINITY);
            ReferenceTracer.Hit actual = tracer.trace(o, d, Float.POSITIVE_INFINITY);
            if (expected == null && actual == null) {
                continue;
            }
            int sceneInstance = -1;
            int meshTri = -1;
            BruteForce.Condition actualCondition = null;
            if (actual != null) {
                sceneInstance = packed.instances().getInt(GpuLayout.INSTANCE * actual.instance() + 148);
                int firstTri = packed.instances().getInt(GpuLayout.INSTANCE * actual.instance() + 156);
                meshTri = packed.sourceTriangle(actual.triangle());
                int triCount = scene.meshes().get(scene.instances().get(sceneInstance).mesh()).triangleCount();
                assertTrue(actual.triangle() >= firstTri && actual.triangle() < firstTri + triCount, ray);
                actualCondition = truth.condition(sceneInstance, meshTri, o, d);
            }
            if (expected != null) {
                hits++;
            }
            boolean sameTriangle = expected != null && actual != null
                    && sceneInstance == expected.sceneInstance() && meshTri == expected.meshTriangle();
            if (sameTriangle) {
                // t of a grazing ray is ill-conditioned: its tolerance grows with 1 / cos.
                double cos = Math.max(expected.condition().cos(), 1e-3);
                assertEquals(expected.t(), actual.t(), 1e-5 * Math.max(1f, expected.t()) / cos, ray);
                continue;
            }
            if (expected != null && actual != null
                    && Math.abs(expected.t() - actual.t()) <= 1e-5f * Math.max(1f, expected.t())) {
                continue; // coincident surfaces: duplicate triangles, or a hit on a shared edge
            }
            // Float rounding differs between world-space and object-space intersection; it may only
            // decide rays that pass within a hair of a triangle edge.
            BruteForce.Condition expectedCondition = expected == null ? null : expected.condition();
            boolean zeroArea = (expectedCondition != null && expectedCondition.zeroArea())
                    || (actualCondition != null && actualCondition.zeroArea());
            if (zeroArea) {
                zeroAreaCases++;
                continue; // whether a ray grazes a zero-area sliver is decided by rounding alone
            }
            double expectedEdge = expectedCondition == null ? Double.POSITIVE_INFINITY : expectedCondition.edge();
            double actualEdge = actualCondition == null ? Double.POSITIVE_INFINITY : actualCondition.edge();
            assertTrue(Math.min(expectedEdge, actualEdge) < 1,
                    ray + ": brute force " + expected + ", traversal " + actual + " (scene instance "
                            + sceneInstance + ", mesh triangle " + meshTri + ")");
            edgeCases++;
        }
        System.out.printf("%d of %d rays hit; decided by rounding: %d at an edge, %d on zero-area triangles%n",
                hits, rays, edgeCases, zeroAreaCases);
        assertTrue(edgeCases <= rays / 200, edgeCases + " edge cases");
        assertTrue(hits > rays / 4, "only " + hits + " of " + rays + " rays hit");
    }
}
