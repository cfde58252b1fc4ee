package io.photonfarm.recipe.draw;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

import io.photonfarm.recipe.BuiltinRecipes;
import io.photonfarm.recipe.Recipe;
import io.photonfarm.recipe.RecipeJson;
import io.photonfarm.scene.procedural.ProceduralAssets;
import java.util.Map;
import java.util.TreeMap;
import org.junit.jupiter.api.Test;

/**
 * Balanced mode over 1,000 drawn frames (drawing only, no rendering). Stated tolerance: every
 * class's count is within 2% of its expected count plus 3 objects (the Weyl sequence's discrepancy
 * over ~4,500 objects is a few objects; independent draws would be off by about 8% (one standard
 * deviation) per class at these counts).
 */
class ClassBalanceTest {
    private static final int FRAMES = 1000;

    private static Map<String, Integer> histogram(RecipeSampler s, long seed, int from) {
        Map<String, Integer> h = new TreeMap<>();
        for (int k = from; k < from + FRAMES; k++) {
            for (String c : s.classes(seed, k)) {
                h.merge(c, 1, Integer::sum);
            }
        }
        return h;
    }

    private static void assertBalanced(RecipeSampler s, Map<String, Integer> h) {
        int total = h.values().stream().mapToInt(Integer::intValue).sum();
        Map<String, Double> shares = s.expectedShares();
        assertEquals(shares.keySet(), h.keySet());
        for (Map.Entry<String, Double> e : shares.entrySet()) {
            double expected = e.getValue() * total;
            int got = h.get(e.getKey());
            assertTrue(Math.abs(got - expected) <= 0.02 * expected + 3,
                    e.getKey() + ": " + got + " objects, expected " + expected + " of " + total);
        }
    }

    @Test
    void theTwentyEightDominoClassesAreEquallyFrequentOverAThousandFrames() {
        RecipeSampler s = new RecipeSampler(BuiltinRecipes.byName("dominoes").orElseThrow(), new ProceduralAssets(),
                EnvironmentMaps.NONE);
        for (long seed : new long[] {1, 99}) {
            Map<String, Integer> h = histogram(s, seed, 0);
            assertEquals(28, h.size());
            assertBalanced(s, h);
            // Counts 3..6 are stratified too: every block of 4 frames holds each count once.
            int objects = h.values().stream().mapToInt(Integer::intValue).sum();
            assertEquals(FRAMES / 4 * (3 + 4 + 5 + 6), objects);
        }
    }

    @Test
    void weightedClassesMatchTheirWeightsOverAThousandFramesStartingAnywhere() {
        Recipe r = RecipeJson.read("""
                {"version": 1, "objects": [
                  {"asset": "procedural:domino", "classes": ["domino_0_1", "domino_2_3", "domino_6_6"],
                   "classWeights": {"domino_0_1": 1, "domino_2_3": 3, "domino_6_6": 6}, "count": {"min": 1, "max": 4}},
                  {"asset": "procedural:can", "count": {"min": 0, "max": 2}}]}""");
        RecipeSampler s = new RecipeSampler(r, new ProceduralAssets(), EnvironmentMaps.NONE);
        assertBalanced(s, histogram(s, 7, 0));
        assertBalanced(s, histogram(s, 7, 12_345));
        assertEquals(0.6 * 2.5 / 3.5, s.expectedShares().get("domino_6_6"), 1e-12);
    }

    @Test
    void theHistogramOfAFrameRangeIsThatOfItsDrawnScenes() {
        RecipeSampler s = new RecipeSampler(BuiltinRecipes.byName("shapes").orElseThrow(), new ProceduralAssets(),
                EnvironmentMaps.NONE);
        for (int k = 0; k < 10; k++) {
            assertEquals(s.classes(4, k), s.draw(4, k).frame().classes());
        }
    }
}
