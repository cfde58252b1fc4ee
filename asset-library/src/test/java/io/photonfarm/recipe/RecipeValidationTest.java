package io.photonfarm.recipe;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.util.List;
import org.junit.jupiter.api.Test;

class RecipeValidationTest {

    private static List<RecipeViolation> violationsOf(String json) {
        return assertThrows(RecipeException.class, () -> RecipeJson.read(json)).violations();
    }

    private static RecipeViolation at(List<RecipeViolation> v, String path) {
        return v.stream().filter(x -> x.path().equals(path)).findFirst()
                .orElseThrow(() -> new AssertionError("no violation at " + path + " in " + v));
    }

    @Test
    void aCountWhoseMaxIsBelowItsMinIsNamedByItsPathWithBothValues() {
        String json = """
                {"version": 1, "objects": [
                  {"asset": "procedural:box"}, {"asset": "procedural:can"},
                  {"asset": "procedural:domino", "count": {"min": 3, "max": 1}}]}""";
        List<RecipeViolation> v = violationsOf(json);
        assertEquals(1, v.size(), v.toString());
        assertEquals("objects[2].count.max must be >= min (min 3, max 1)", v.get(0).toString());
    }

    @Test
    void everyViolationIsReportedAtOnce() {
        String json = """
                {"version": 2, "classBalance": "fair",
                 "objects": [{"asset": "procedural:teapot"},
                             {"asset": "procedural:domino", "classes": ["domino_1_2", "domino_7_7", "domino_1_2"]}],
                 "camera": {"vfovDeg": {"min": 40, "max": 30}, "focalLengthMm": {"min": 35, "max": 35}},
                 "lighting": {"areaLights": {"kelvin": {"min": 500, "max": 6500}}},
                 "rareCases": [{"name": "Low Light", "frequency": 0}]}""";
        List<RecipeViolation> v = violationsOf(json);
        assertEquals("must be 1 (was 2)", at(v, "version").message());
        assertEquals("must be one of balanced, random (was 'fair')", at(v, "classBalance").message());
        assertTrue(at(v, "objects[0].asset").message().startsWith("must be one of procedural:domino"));
        assertTrue(at(v, "objects[1].classes[1]").message().startsWith("'domino_7_7' is not a class of procedural:domino"));
        assertEquals("'domino_1_2' is listed twice", at(v, "objects[1].classes[2]").message());
        assertEquals("must be >= min (min 40, max 30)", at(v, "camera.vfovDeg.max").message());
        assertEquals("may give vfovDeg or focalLengthMm, not both", at(v, "camera").message());
        assertEquals("must be in [1000, 40000] (was 500)", at(v, "lighting.areaLights.kelvin.min").message());
        assertTrue(at(v, "rareCases[0].name").message().startsWith("must be 1-64 characters of [a-z0-9_]"));
        assertEquals("must be in (0, 1] (was 0.0)", at(v, "rareCases[0].frequency").message());
        assertTrue(at(v, "rareCases[0]").message().startsWith("must change something"));
    }

    @Test
    void anUnknownFieldIsRefusedWithItsPathAndTheKnownFields() {
        List<RecipeViolation> v = violationsOf("""
                {"version": 1, "objects": [{"asset": "procedural:box", "count": {"min": 1, "mx": 2}}]}""");
        assertEquals(1, v.size());
        assertEquals("objects[0].count.mx", v.get(0).path());
        assertEquals("is not a known field (known here: max, min)", v.get(0).message());
    }

    @Test
    void aValueOfTheWrongTypeIsRefusedWithItsPath() {
        List<RecipeViolation> v = violationsOf("""
                {"version": 1, "objects": [{"asset": "procedural:box", "count": {"min": "three", "max": 2}}]}""");
        assertEquals("objects[0].count.min", v.get(0).path());
        assertTrue(v.get(0).message().startsWith("must be an integer"), v.get(0).message());
        List<RecipeViolation> frac = violationsOf("""
                {"version": 1, "objects": [{"asset": "procedural:box", "count": {"min": 1.5, "max": 2}}]}""");
        assertEquals("objects[0].count.min", frac.get(0).path());
    }

    @Test
    void aMissingVersionOrEmptyObjectListIsRefused() {
        List<RecipeViolation> v = violationsOf("{\"objects\": []}");
        assertEquals("is required (1)", at(v, "version").message());
        assertEquals("must list at least one object pool", at(v, "objects").message());
    }

    @Test
    void notJsonIsRefusedAtTheRoot() {
        List<RecipeViolation> v = violationsOf("{\"version\": 1,");
        assertEquals("", v.get(0).path());
        assertTrue(v.get(0).toString().startsWith("recipe is not valid JSON"));
    }

    @Test
    void volumeModeNeedsAVolumeWithMaxAboveMin() {
        List<RecipeViolation> v = violationsOf("""
                {"version": 1, "objects": [{"asset": "procedural:sphere"}],
                 "placement": {"mode": "volume", "volume": {"min": [0, 0, 0], "max": [1, 0, 1]}}}""");
        assertEquals("must be > min[1] (min 0.0, max 0.0)", at(v, "placement.volume.max[1]").message());
    }

    @Test
    void violationsCanBeReportedUnderTheFieldThatHoldsTheRecipe() {
        RecipeViolation v = new RecipeViolation("objects[2].count.max", "must be >= min (min 3, max 1)");
        assertEquals("recipe.objects[2].count.max must be >= min (min 3, max 1)", v.under("recipe").toString());
    }

    @Test
    void theBuiltinRecipesAreValidAndSurviveACanonicalRoundTrip() {
        for (String name : BuiltinRecipes.names()) {
            Recipe r = BuiltinRecipes.byName(name).orElseThrow();
            String canonical = RecipeJson.write(r);
            Recipe again = RecipeJson.read(canonical);
            assertEquals(r, again, name);
            assertEquals(canonical, RecipeJson.write(again), name);
            assertEquals(RecipeJson.hash(r), RecipeJson.hash(again), name);
        }
    }

    @Test
    void equalRecipesWrittenDifferentlyHaveEqualHashes() {
        Recipe a = RecipeJson.read("{\"version\": 1, \"objects\": [{\"asset\": \"procedural:box\", \"count\": {\"min\": 1, \"max\": 2}}]}");
        Recipe b = RecipeJson.read("{\"objects\": [{\"count\": {\"max\": 2, \"min\": 1}, \"asset\": \"procedural:box\"}], \"version\": 1}");
        assertEquals(RecipeJson.hash(a), RecipeJson.hash(b));
    }
}
