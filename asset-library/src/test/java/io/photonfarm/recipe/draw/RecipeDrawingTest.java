package io.photonfarm.recipe.draw;

import static org.junit.jupiter.api.Assertions.assertArrayEquals;
import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertNotEquals;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;

import io.photonfarm.recipe.BuiltinRecipes;
import io.photonfarm.recipe.Recipe;
import io.photonfarm.recipe.RecipeJson;
import io.photonfarm.scene.Environment;
import io.photonfarm.scene.Instance;
import io.photonfarm.scene.Scene;
import io.photonfarm.scene.procedural.ProceduralAssets;
import io.photonfarm.scene.CameraSpec;
import java.util.ArrayList;
import java.util.List;
import org.junit.jupiter.api.Test;

class RecipeDrawingTest {
    private static RecipeSampler sampler(String name) {
        return new RecipeSampler(BuiltinRecipes.byName(name).orElseThrow(), new ProceduralAssets(), EnvironmentMaps.NONE);
    }

    /** Scenes are equal when every array and value that reaches the renderer or the labels is equal. */
    static void assertSameScene(Scene a, Scene b, String what) {
        assertEquals(a.meshes(), b.meshes(), what + " meshes");
        assertEquals(a.materials(), b.materials(), what + " materials");
        assertEquals(a.textures().size(), b.textures().size(), what + " textures");
        for (int i = 0; i < a.textures().size(); i++) {
            assertArrayEquals(a.textures().get(i).rgba(), b.textures().get(i).rgba(), what + " texture " + i);
        }
        assertEquals(a.instances().size(), b.instances().size(), what + " instances");
        for (int i = 0; i < a.instances().size(); i++) {
            Instance x = a.instances().get(i);
            Instance y = b.instances().get(i);
            assertEquals(x.mesh(), y.mesh());
            assertEquals(x.name(), y.name());
            assertEquals(x.category(), y.category());
            assertArrayEquals(x.objectToWorld().get(new float[16]), y.objectToWorld().get(new float[16]), what + " transform " + i);
        }
        assertEquals(a.camera(), b.camera(), what + " camera");
        if (a.environment() instanceof Environment.Map m) {
            Environment.Map n = (Environment.Map) b.environment();
            assertArrayEquals(m.image().data(), n.image().data(), what + " environment");
            assertEquals(m.intensity(), n.intensity());
        } else {
            assertEquals(a.environment(), b.environment());
        }
    }

    @Test
    void drawingFrameKAloneGivesTheFrameKOfAWholeJob() {
        for (String name : BuiltinRecipes.names()) {
            RecipeSampler inSequence = sampler(name);
            List<DrawnScene> job = new ArrayList<>();
            for (int k = 0; k < 12; k++) {
                job.add(inSequence.draw(77, k));
            }
            for (int k : new int[] {0, 5, 11}) {
                DrawnScene alone = sampler(name).draw(77, k);
                assertSameScene(job.get(k).scene(), alone.scene(), name + " frame " + k);
                assertEquals(job.get(k).frame(), alone.frame());
            }
        }
    }

    @Test
    void framesAndSeedsDrawDifferentScenes() {
        RecipeSampler s = sampler("dominoes");
        assertNotEquals(s.draw(1, 3).frame().camera(), s.draw(1, 4).frame().camera());
        assertNotEquals(s.draw(1, 3).frame().camera(), s.draw(2, 3).frame().camera());
    }

    @Test
    void theRecordNamesEveryPlacedObjectWithItsInstanceAndClass() {
        DrawnScene d = sampler("shapes").draw(5, 9);
        for (DrawnFrame.DrawnObject o : d.frame().objects()) {
            Instance in = d.scene().instances().get(o.instance());
            assertEquals(o.name(), in.name());
            assertEquals(o.distractor() ? "" : o.className(), in.category());
        }
        assertEquals(d.frame().classes(), sampler("shapes").classes(5, 9));
    }

    @Test
    void framesOfASequenceShareTheirObjectsWhileTheCameraMovesSmoothly() {
        Recipe base = BuiltinRecipes.byName("dominoes").orElseThrow();
        String json = RecipeJson.write(base).replaceFirst("\\{", "{\"sequence\": {\"framesPerSequence\": 5, "
                + "\"cameraSweepDeg\": {\"min\": 20, \"max\": 20}, \"shutterOpen\": 0, \"shutterClose\": 0.5},");
        RecipeSampler s = new RecipeSampler(RecipeJson.read(json), new ProceduralAssets(), EnvironmentMaps.NONE);
        DrawnScene first = s.draw(3, 5);
        List<Double> steps = new ArrayList<>();
        for (int k = 5; k < 10; k++) {
            DrawnScene d = s.draw(3, k);
            assertEquals(1, d.frame().sequence());
            assertEquals(k - 5, d.frame().frameInSequence());
            assertEquals(first.scene().meshes(), d.scene().meshes());
            assertEquals(first.frame().classes(), d.frame().classes());
            assertEquals(List.of(), d.frame().notRendered());
            assertEquals(0.5, d.frame().camera().motion().shutter(), 1e-12);
            if (k > 5) {
                CameraSpec previous = s.draw(3, k - 1).frame().camera();
                steps.add((double) previous.position().distance(d.frame().camera().position()));
                // The camera's motion during an exposure, carried on for a whole frame interval, is the next frame's camera.
                assertEquals(0, MotionMath.moved(previous, 1).distance(d.frame().camera().position()), 1e-5);
            }
        }
        // Equal azimuth steps at a fixed distance and elevation: equal chords.
        for (double step : steps) {
            assertEquals(steps.get(0), step, 1e-5);
            assertTrue(step > 0);
        }
        assertEquals(2, s.draw(3, 10).frame().sequence());
    }

    @Test
    void anOccluderInASequenceStandsStillSoEveryFrameOfTheSequenceIsOneScene() throws Exception {
        com.fasterxml.jackson.databind.ObjectMapper m = new com.fasterxml.jackson.databind.ObjectMapper();
        com.fasterxml.jackson.databind.node.ObjectNode tree = (com.fasterxml.jackson.databind.node.ObjectNode)
                m.readTree(RecipeJson.write(BuiltinRecipes.byName("dominoes").orElseThrow()));
        tree.set("sequence", m.readTree("{\"framesPerSequence\": 4, \"cameraSweepDeg\": {\"min\": 30, \"max\": 30}}"));
        tree.set("rareCases", m.readTree("[{\"name\": \"heavy_occlusion\", \"frequency\": 1, \"occluder\": true}]"));
        RecipeSampler s = new RecipeSampler(RecipeJson.read(m.writeValueAsString(tree)), new ProceduralAssets(),
                EnvironmentMaps.NONE);
        DrawnScene first = s.draw(3, 4);
        assertTrue(first.frame().rareCases().contains("heavy_occlusion"));
        for (int k = 5; k < 8; k++) {
            DrawnScene d = s.draw(3, k);
            assertEquals(first.scene().meshes(), d.scene().meshes(), "frame " + k);
            assertEquals(first.scene().instances(), d.scene().instances(), "frame " + k + ": the occluder did not move");
            assertTrue(!first.frame().camera().equals(d.frame().camera()), "the camera sweeps");
        }
    }

    @Test
    void rareCasesOccurAboutAsOftenAsTheirFrequency() {
        RecipeSampler s = sampler("dominoes");
        int low = 0;
        int frames = 2000;
        for (int k = 0; k < frames; k++) {
            if (s.rareCases(11, k).contains("low_light")) {
                low++;
            }
        }
        for (int k = 0; k < 20; k++) {
            assertEquals(s.rareCases(11, k), s.draw(11, k).frame().rareCases());
        }
        // Frequency 0.05 over 2,000 independent frames: mean 100, standard deviation about 9.7; 5 sigma either side.
        assertTrue(Math.abs(low - 100) < 50, "low_light in " + low + " of " + frames + " frames");
    }

    @Test
    void aFrameThatCannotBePlacedIsRefusedWithAClearError() {
        Recipe crowded = RecipeJson.read("""
                {"version": 1, "objects": [{"asset": "procedural:box", "count": {"min": 30, "max": 30}}],
                 "support": {"surface": "ground", "sizeX": 0.3, "sizeZ": 0.3}, "placement": {"maxAttempts": 50}}""");
        RecipeSampler s = new RecipeSampler(crowded, new ProceduralAssets(), EnvironmentMaps.NONE);
        PlacementException e = assertThrows(PlacementException.class, () -> s.draw(1, 0));
        assertTrue(e.getMessage().contains("of objects[0] in frame 0"), e.getMessage());
        assertTrue(e.getMessage().contains("in 50 attempts"), e.getMessage());
    }

    @Test
    void anEnvironmentMapTheLibraryDoesNotHaveIsNamed() {
        Recipe r = RecipeJson.read("""
                {"version": 1, "objects": [{"asset": "procedural:box"}], "lighting": {"environmentMap": {"ref": "asset:abc"}}}""");
        RecipeSampler s = new RecipeSampler(r, new ProceduralAssets(), EnvironmentMaps.NONE);
        IllegalArgumentException e = assertThrows(IllegalArgumentException.class, () -> s.draw(1, 0));
        assertEquals("lighting.environmentMap.ref: no environment map 'asset:abc' is available", e.getMessage());
    }
}
