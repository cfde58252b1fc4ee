package io.photonfarm.coordinator.jobs;

import io.photonfarm.api.job.JobSpec;
import io.photonfarm.api.job.JobSpecException;
import io.photonfarm.coordinator.dataset.RecipeFrame;
import io.photonfarm.recipe.BuiltinRecipes;
import io.photonfarm.recipe.ImageRefs;
import io.photonfarm.recipe.Recipe;
import io.photonfarm.recipe.RecipeException;
import io.photonfarm.recipe.RecipeJson;
import io.photonfarm.recipe.draw.DrawnFrame;
import io.photonfarm.recipe.draw.DrawnScene;
import io.photonfarm.recipe.draw.EnvironmentMaps;
import io.photonfarm.recipe.draw.RecipeSampler;
import io.photonfarm.recipe.draw.TextureImages;
import io.photonfarm.scene.procedural.ProceduralAssets;
import java.util.Collections;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;

/**
 * The coordinator's side of recipe jobs: resolves {@code recipe:NAME} and inline recipes to their
 * canonical text, and draws frames exactly as nodes do (the same {@link RecipeSampler}, a pure
 * function of recipe, seed and frame), for cameras, labels and meta.json. Keeps a few samplers
 * and drawn frames; safe for concurrent use.
 */
final class RecipeScenes {
    private final ProceduralAssets assets = new ProceduralAssets();
    private final EnvironmentMaps maps;
    private final TextureImages images;
    private final Map<String, RecipeSampler> samplers = Collections.synchronizedMap(lru(8));
    private final Map<String, DrawnScene> drawn = Collections.synchronizedMap(lru(16));

    private static <K, V> LinkedHashMap<K, V> lru(int capacity) {
        return new LinkedHashMap<>(16, 0.75f, true) {
            @Override
            protected boolean removeEldestEntry(Map.Entry<K, V> eldest) {
                return size() > capacity;
            }
        };
    }

    /**
     * @param maps   the environment maps recipes may name (uploaded assets)
     * @param images the photo sets recipes' textures may name (uploaded assets)
     */
    RecipeScenes(EnvironmentMaps maps, TextureImages images) {
        this.maps = maps;
        this.images = images;
    }

    static boolean isRecipe(String sceneRef) {
        return sceneRef != null && sceneRef.startsWith(BuiltinRecipes.PREFIX);
    }

    /**
     * The canonical text of a job's recipe: the inline one ({@code recipe:inline}) or a built-in one.
     *
     * @throws JobSpecException naming {@code recipe.<path>} for every problem of an inline recipe, or
     *                          {@code sceneRef} for an unknown recipe name
     */
    String canonicalText(String sceneRef, String inlineText) {
        Recipe recipe;
        if (JobSpec.INLINE_RECIPE.equals(sceneRef)) {
            try {
                recipe = RecipeJson.read(inlineText);
            } catch (RecipeException e) {
                throw new JobSpecException(e.violations().stream()
                        .map(v -> v.under("recipe"))
                        .map(v -> new JobSpecException.Violation(v.path(), "invalid", v.message())).toList());
            }
        } else {
            String name = sceneRef.substring(BuiltinRecipes.PREFIX.length());
            recipe = BuiltinRecipes.byName(name).orElseThrow(() -> new JobSpecException(List.of(new JobSpecException.Violation(
                    "sceneRef", sceneRef, "a built-in recipe (" + String.join(", ", BuiltinRecipes.names().stream()
                            .map(n -> BuiltinRecipes.PREFIX + n).toList()) + ") or " + JobSpec.INLINE_RECIPE))));
        }
        checkImages(recipe);
        return RecipeJson.write(recipe);
    }

    /**
     * Refuses image references that name no uploaded photo set, each by its path under {@code recipe}
     * (only inline recipes name images).
     */
    private void checkImages(Recipe recipe) {
        List<JobSpecException.Violation> bad = ImageRefs.of(recipe).entrySet().stream()
                .filter(e -> images.find(e.getValue()).isEmpty())
                .map(e -> new JobSpecException.Violation("recipe." + e.getKey(), e.getValue(),
                        "an uploaded photos asset (a PNG or JPEG, or a zip or tar of them)"))
                .toList();
        if (!bad.isEmpty()) {
            throw new JobSpecException(bad);
        }
    }

    RecipeSampler sampler(String canonicalText) {
        synchronized (samplers) {
            return samplers.computeIfAbsent(canonicalText,
                    t -> new RecipeSampler(RecipeJson.read(t), assets, maps, images));
        }
    }

    /** Frame {@code frame} of a job with {@code seed} drawn from the recipe of {@code canonicalText}. */
    DrawnScene draw(String canonicalText, long seed, int frame) {
        RecipeSampler s = sampler(canonicalText);
        String key = s.recipeHash() + "/" + seed + "/" + frame;
        DrawnScene hit = drawn.get(key);
        if (hit != null) {
            return hit;
        }
        DrawnScene d = s.draw(seed, frame);
        drawn.put(key, d);
        return d;
    }

    /**
     * The hash of the scene nodes build for a frame: the camera is not part of it, so the frames of a
     * sequence share one scene, unless its objects move (then every frame has its own).
     */
    String frameSceneHash(String canonicalText, long seed, int frame) {
        RecipeSampler s = sampler(canonicalText);
        String unit = s.objectsMove() ? "frame " + frame : String.valueOf(s.unitOf(frame));
        return BuiltinSceneSource.sha256("recipe\n" + s.recipeHash() + "\n" + seed + "\n" + unit + "\n"
                + RecipeSampler.GENERATOR_VERSION);
    }

    /** What meta.json records of a drawn frame. */
    static RecipeFrame record(DrawnFrame f) {
        List<RecipeFrame.PlacedObject> objects = f.objects().stream().map(o -> new RecipeFrame.PlacedObject(o.instance() + 1,
                o.name(), o.className(), o.look(), o.distractor(), o.stacked(), o.upsideDown(),
                o.motion() == null ? null : new RecipeFrame.Motion(new double[] {o.motion().vx(), 0, o.motion().vz()},
                        o.motion().spinDeg()),
                o.image() == null ? null : new RecipeFrame.Image(o.image().ref(), o.image().index(), o.image().name()))).toList();
        return new RecipeFrame(f.recipeHash(), f.sequence(), f.frameInSequence(), f.classes(), f.rareCases(), objects,
                Double.isNaN(f.lighting().sunElevationDeg()) ? null : f.lighting().sunElevationDeg(),
                Double.isNaN(f.lighting().sunAzimuthDeg()) ? null : f.lighting().sunAzimuthDeg(),
                f.lighting().environmentMap(), f.lighting().areaLights(), f.lighting().lightScale(), f.notRendered(),
                f.camera().motion());
    }
}
