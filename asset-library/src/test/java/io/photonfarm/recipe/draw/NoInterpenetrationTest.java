package io.photonfarm.recipe.draw;

import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertTrue;

import io.photonfarm.recipe.BuiltinRecipes;
import io.photonfarm.recipe.Recipe;
import io.photonfarm.recipe.RecipeJson;
import io.photonfarm.scene.Instance;
import io.photonfarm.scene.Scene;
import io.photonfarm.scene.procedural.ProceduralAssets;
import java.util.ArrayList;
import java.util.List;
import org.junit.jupiter.api.Test;

/** Placed objects never interpenetrate, checked with exact triangle tests rather than the sampler's boxes. */
class NoInterpenetrationTest {

    /** Placed objects (annotated and distractors), world triangles each. */
    private static List<double[]> placedObjects(DrawnScene d) {
        List<double[]> out = new ArrayList<>();
        Scene scene = d.scene();
        for (DrawnFrame.DrawnObject o : d.frame().objects()) {
            Instance in = scene.instances().get(o.instance());
            out.add(Interpenetration.world(scene, in));
        }
        return out;
    }

    /**
     * Draws {@code frames} frames and counts object pairs that interpenetrate, pairs whose bounds come
     * within 1 cm (so the test is not vacuous), and stacked objects.
     */
    private static int[] check(Recipe recipe, int frames) {
        RecipeSampler s = new RecipeSampler(recipe, new ProceduralAssets(), EnvironmentMaps.NONE);
        int bad = 0;
        int near = 0;
        int stacked = 0;
        for (int k = 0; k < frames; k++) {
            DrawnScene d = s.draw(2024, k);
            stacked += (int) d.frame().objects().stream().filter(DrawnFrame.DrawnObject::stacked).count();
            List<double[]> objects = placedObjects(d);
            for (int i = 0; i < objects.size(); i++) {
                for (int j = i + 1; j < objects.size(); j++) {
                    if (Interpenetration.boundsOverlap(grown(Interpenetration.bounds(objects.get(i))),
                            Interpenetration.bounds(objects.get(j)))) {
                        near++;
                    }
                    if (Interpenetration.interpenetrate(objects.get(i), objects.get(j))) {
                        bad++;
                    }
                }
            }
        }
        return new int[] {bad, near, stacked};
    }

    private static double[] grown(double[] b) {
        double[] g = b.clone();
        for (int a = 0; a < 3; a++) {
            g[a] -= 0.01;
            g[a + 3] += 0.01;
        }
        return g;
    }

    @Test
    void dominoesOnATableNeverInterpenetrateOverAThousandDraws() {
        int[] r = check(BuiltinRecipes.byName("dominoes").orElseThrow(), 1000);
        assertTrue(r[0] == 0, r[0] + " interpenetrating pairs");
        assertTrue(r[1] > 100, "only " + r[1] + " pairs came close enough to test the triangles");
    }

    @Test
    void stackedShapesAndDistractorsNeverInterpenetrateOverAThousandDraws() {
        Recipe r = RecipeJson.read(RecipeJson.write(BuiltinRecipes.byName("shapes").orElseThrow())
                .replace("\"stackProbability\":0.2", "\"stackProbability\":0.5"));
        int[] out = check(r, 1000);
        assertTrue(out[0] == 0, out[0] + " interpenetrating pairs");
        assertTrue(out[1] > 100, "only " + out[1] + " pairs came close");
        assertTrue(out[2] > 100, "only " + out[2] + " objects were stacked");
    }

    @Test
    void objectsScatteredInAVolumeAtRandomOrientationsNeverInterpenetrate() {
        Recipe r = RecipeJson.read("""
                {"version": 1, "objects": [{"asset": "procedural:torus", "count": {"min": 3, "max": 5}},
                                           {"asset": "procedural:box", "count": {"min": 3, "max": 5}},
                                           {"asset": "procedural:domino", "count": {"min": 3, "max": 5}}],
                 "support": {"surface": "ground"},
                 "placement": {"mode": "volume", "minGap": 0.001, "maxAttempts": 2000,
                               "volume": {"min": [-0.15, 0.1, -0.15], "max": [0.15, 0.3, 0.15]}}}""");
        int[] out = check(r, 300);
        assertTrue(out[0] == 0, out[0] + " interpenetrating pairs");
        assertTrue(out[1] > 100, "only " + out[1] + " pairs came close");
    }

    @Test
    void theIndependentCheckDoesSeeInterpenetration() {
        // The check itself must not be blind: two dominoes 1 mm apart in x overlap; one far away does not.
        var model = new ProceduralAssets().model("procedural:domino", "domino_1_2").orElseThrow();
        SceneProbe probe = new SceneProbe(model.mesh());
        assertTrue(Interpenetration.interpenetrate(probe.at(0, 0, 0), probe.at(0.001f, 0, 0)));
        assertTrue(Interpenetration.interpenetrate(probe.at(0, 0, 0), probe.scaledAt(0.3f, 0, 0.003f, 0)), "small one inside");
        assertFalse(Interpenetration.interpenetrate(probe.at(0, 0, 0), probe.at(0.1f, 0, 0)));
    }

    /** One mesh placed by translation (and scale), as world triangles. */
    private record SceneProbe(io.photonfarm.scene.Mesh mesh) {
        double[] at(float x, float y, float z) {
            return scaledAt(1, x, y, z);
        }

        double[] scaledAt(float s, float x, float y, float z) {
            Scene scene = new Scene(List.of(mesh.withLandmarks(io.photonfarm.scene.Landmarks.NONE)),
                    List.of(io.photonfarm.scene.Material.diffuse("a", io.photonfarm.scene.Rgb.WHITE),
                            io.photonfarm.scene.Material.diffuse("b", io.photonfarm.scene.Rgb.WHITE)),
                    List.of(), List.of(new Instance(0, new org.joml.Matrix4f().translation(x, y, z).scale(s))),
                    java.util.Optional.empty(), io.photonfarm.scene.Environment.black());
            return Interpenetration.world(scene, scene.instances().get(0));
        }
    }
}
