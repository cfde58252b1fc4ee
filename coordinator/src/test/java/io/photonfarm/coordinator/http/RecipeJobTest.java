package io.photonfarm.coordinator.http;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertNotNull;
import static org.junit.jupiter.api.Assertions.assertNull;
import static org.junit.jupiter.api.Assertions.assertTrue;

import com.fasterxml.jackson.databind.JsonNode;
import io.photonfarm.api.ApiError;
import io.photonfarm.api.job.JobSpecException;
import io.photonfarm.api.job.JobView;
import io.photonfarm.api.work.UnitOutcome;
import io.photonfarm.api.work.WorkGrant;
import io.photonfarm.recipe.BuiltinRecipes;
import io.photonfarm.recipe.RecipeJson;
import io.photonfarm.recipe.draw.DrawnScene;
import io.photonfarm.recipe.draw.EnvironmentMaps;
import io.photonfarm.recipe.draw.RecipeSampler;
import io.photonfarm.scene.procedural.ProceduralAssets;
import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Duration;
import java.util.ArrayList;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import org.junit.jupiter.api.AfterAll;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/** Jobs whose scene is a recipe, over HTTP, with the test playing the node. */
class RecipeJobTest {
    private static final Duration PATIENCE = Duration.ofSeconds(20);

    @TempDir
    static Path dataDir;
    static TestFarm farm;

    @BeforeAll
    static void start() {
        farm = TestFarm.start(dataDir);
    }

    @AfterAll
    static void stop() {
        if (farm != null) {
            farm.close();
        }
    }

    @Test
    void anInlineRecipesErrorsAreNamedByTheirPathUnderRecipe() {
        TestFarm.Reply r = farm.client("POST", "/api/v1/jobs", """
                {"recipe": {"version": 1, "objects": [{"asset": "procedural:box"}, {"asset": "procedural:can"},
                   {"asset": "procedural:domino", "count": {"min": 3, "max": 1}}, {"asset": "procedural:torus", "bogus": 1}]}}""");
        assertEquals(400, r.status(), r.text());
        ApiError e = r.error();
        JobSpecException.Violation v = e.violations().stream().filter(x -> x.field().startsWith("recipe.")).findFirst()
                .orElseThrow(() -> new AssertionError(r.text()));
        assertEquals("recipe.objects[3].bogus", v.field(), r.text());
        assertTrue(v.limit().startsWith("is not a known field"), v.limit());

        TestFarm.Reply count = farm.client("POST", "/api/v1/jobs", """
                {"recipe": {"version": 1, "objects": [{"asset": "procedural:box"}, {"asset": "procedural:can"},
                   {"asset": "procedural:domino", "count": {"min": 3, "max": 1}}]}}""");
        assertEquals(400, count.status());
        assertEquals("recipe.objects[2].count.max", count.error().violations().get(0).field(), count.text());
        assertEquals("must be >= min (min 3, max 1)", count.error().violations().get(0).limit());
    }

    @Test
    void aRecipeNeedsItsInlineRecipeAndNoOrbit() {
        TestFarm.Reply missing = farm.client("POST", "/api/v1/jobs", "{\"sceneRef\": \"recipe:inline\"}");
        assertEquals(400, missing.status());
        assertEquals("recipe", missing.error().violations().get(0).field());
        TestFarm.Reply unknown = farm.client("POST", "/api/v1/jobs", "{\"sceneRef\": \"recipe:teapots\"}");
        assertEquals(400, unknown.status());
        assertEquals("sceneRef", unknown.error().violations().get(0).field());
        TestFarm.Reply orbit = farm.client("POST", "/api/v1/jobs", "{\"sceneRef\": \"recipe:dominoes\", \"orbit\": {\"azimuthDeg\": 5}}");
        assertEquals(400, orbit.status());
        assertEquals("orbit", orbit.error().violations().get(0).field());
    }

    @Test
    void aDominoJobsFramesCarryTheRecipeTheirDrawnCameraAndTheirOwnSceneAndItsDatasetRecordsWhatWasDrawn()
            throws IOException {
        JobView v = farm.submit("""
                {"id": "pips", "sceneRef": "recipe:dominoes", "passes": [], "writers": [], "frames": 3, "width": 16,
                 "height": 16, "tileSize": 16, "spp": 1, "samplesPerUnit": 1, "seed": 9}""");
        assertEquals(3, v.units());
        assertNull(v.spec().recipe(), "a named recipe is not copied into the spec");
        TestNode node = farm.node("recipe-node");
        List<WorkGrant> grants = new ArrayList<>();
        for (List<WorkGrant> g = node.claim(64); !g.isEmpty(); g = node.claim(64)) {
            grants.addAll(g);
        }
        assertEquals(3, grants.size());
        String recipe = RecipeJson.write(BuiltinRecipes.byName("dominoes").orElseThrow());
        RecipeSampler sampler = new RecipeSampler(RecipeJson.read(recipe), new ProceduralAssets(), EnvironmentMaps.NONE);
        Map<Integer, String> hashes = new HashMap<>();
        for (WorkGrant g : grants) {
            int k = g.frame().frame();
            assertEquals(recipe, g.frame().recipe(), "the frame carries the canonical recipe");
            DrawnScene d = sampler.draw(9, k);
            assertEquals((double) d.frame().camera().position().x(), g.frame().camera().position().x());
            assertEquals((double) d.frame().camera().lookAt().z(), g.frame().camera().lookAt().z());
            hashes.put(k, g.frame().sceneHash());
            assertEquals("ACCEPTED", node.complete(g, 0.5).as(UnitOutcome.class).outcome());
        }
        assertEquals(3, hashes.values().stream().distinct().count(), "every frame has its own scene hash");

        TestFarm.await("job pips to complete", PATIENCE, () -> farm.job("pips").status().equals("COMPLETED"));
        Path job = farm.coordinator.datasetRoot().resolve("jobs/pips");
        Map<String, Long> counted = new HashMap<>();
        for (int k = 0; k < 3; k++) {
            JsonNode meta = farm.json.readTree(job.resolve(String.format("frames/%06d/meta.json", k)).toFile());
            JsonNode rec = meta.path("recipe");
            assertTrue(rec.isObject(), "meta.json of frame " + k + " records the recipe's draw: " + meta);
            List<String> classes = new ArrayList<>();
            rec.path("classes").forEach(c -> classes.add(c.asText()));
            assertEquals(sampler.draw(9, k).frame().classes(), classes);
            assertTrue(rec.path("rareCases").isArray());
            assertEquals(sampler.draw(9, k).frame().objects().size(), rec.path("objects").size());
            classes.forEach(c -> counted.merge(c, 1L, Long::sum));
        }
        TestFarm.await("stats.json of job pips", PATIENCE, () -> Files.exists(job.resolve("stats.json")));
        JsonNode stats = farm.json.readTree(job.resolve("stats.json").toFile());
        Map<String, Long> histogram = new HashMap<>();
        stats.path("classHistogram").fields().forEachRemaining(e -> histogram.put(e.getKey(), e.getValue().asLong()));
        assertEquals(counted, histogram, "stats.json's histogram is that of the frames' meta.json");
        assertEquals(3, stats.path("frames").asInt());
        assertNotNull(stats.path("expectedShares").get("domino_0_0"));
    }

    @Test
    void anInlineRecipeIsStoredCanonicalAndDrawsItsFrames() {
        JobView v = farm.submit("""
                {"id": "inline", "passes": [], "writers": [], "frames": 1, "width": 16, "height": 16, "tileSize": 16,
                 "spp": 1, "samplesPerUnit": 1,
                 "recipe": {"objects": [{"count": {"max": 2, "min": 2}, "asset": "procedural:can"}], "version": 1}}""");
        assertEquals("recipe:inline", v.spec().sceneRef());
        String canonical = RecipeJson.write(RecipeJson.read(v.spec().recipe()));
        assertEquals(canonical, v.spec().recipe());
        TestNode node = farm.node("inline-node");
        List<WorkGrant> g = node.claim(8, 2_000);
        assertEquals(1, g.size());
        assertEquals(canonical, g.get(0).frame().recipe());
    }
}
