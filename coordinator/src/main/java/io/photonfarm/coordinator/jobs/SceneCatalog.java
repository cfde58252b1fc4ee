package io.photonfarm.coordinator.jobs;

import io.photonfarm.api.asset.SceneEntry;
import io.photonfarm.api.job.JobSpec;
import io.photonfarm.api.job.JobSpecException;
import io.photonfarm.coordinator.dataset.FrameJob;
import io.photonfarm.coordinator.dataset.RecipeFrame;
import io.photonfarm.recipe.BuiltinRecipes;
import io.photonfarm.recipe.draw.DrawnScene;
import io.photonfarm.scene.CameraSpec;
import io.photonfarm.scene.Scene;
import java.util.ArrayList;
import java.util.List;
import java.util.concurrent.ConcurrentHashMap;
import java.util.concurrent.ConcurrentMap;

/**
 * Resolves a job's scene reference to what planning needs (the scene's content hash and the camera
 * frames orbit around) and to the scene labelling reads, through the {@link SceneSource}s the farm
 * has: the built-in scenes always, uploaded assets where the coordinator has an asset library. And
 * recipes ({@code recipe:NAME} built in, or {@code recipe:inline} with the job's own), whose frames
 * are each drawn from (recipe, seed, frame) by nodes and by this catalogue alike.
 */
public final class SceneCatalog {
    /**
     * What planning needs from a scene.
     *
     * @param sceneHash the scene's hash, or for a recipe the recipe's (each frame's scene has its own)
     * @param camera    the camera frames orbit around (for a recipe, frame 0's drawn camera)
     * @param recipe    a recipe's canonical JSON text; null for other scenes
     */
    public record ResolvedScene(String sceneRef, String sceneHash, CameraSpec camera, String recipe) {
        public ResolvedScene(String sceneRef, String sceneHash, CameraSpec camera) {
            this(sceneRef, sceneHash, camera, null);
        }
    }

    private final List<SceneSource> sources;
    private final RecipeScenes recipes;
    private final ConcurrentMap<String, String> namedRecipes = new ConcurrentHashMap<>();

    /** The built-in scenes only. */
    public SceneCatalog() {
        this(List.of(new BuiltinSceneSource()));
    }

    /** @param sources asked in order; the first that owns a reference answers for it */
    public SceneCatalog(List<SceneSource> sources) {
        this(sources, io.photonfarm.recipe.draw.EnvironmentMaps.NONE);
    }

    /**
     * @param sources asked in order; the first that owns a reference answers for it
     * @param maps    the environment maps recipes may name
     */
    public SceneCatalog(List<SceneSource> sources, io.photonfarm.recipe.draw.EnvironmentMaps maps) {
        this(sources, maps, io.photonfarm.recipe.draw.TextureImages.NONE);
    }

    /**
     * @param sources asked in order; the first that owns a reference answers for it
     * @param maps    the environment maps recipes may name
     * @param images  the photo sets recipes' image textures may name
     */
    public SceneCatalog(List<SceneSource> sources, io.photonfarm.recipe.draw.EnvironmentMaps maps,
            io.photonfarm.recipe.draw.TextureImages images) {
        this.sources = List.copyOf(sources);
        this.recipes = new RecipeScenes(maps, images);
    }

    /**
     * The scene itself, as nodes build it, with its labels: what frame labelling reads ids, poses and geometry from.
     *
     * @throws JobSpecException naming {@code sceneRef} if the scene is unknown
     */
    public Scene scene(String sceneRef) {
        return source(sceneRef).scene(sceneRef);
    }

    /**
     * The scene frame {@code frame.frame()} is labelled with: for recipe jobs drawn from the recipe the
     * label request carries, by the job seed and the frame; otherwise the job's one scene.
     */
    public Scene scene(FrameJob frame) {
        FrameJob.LabelRequest r = frame.labels();
        if (RecipeScenes.isRecipe(r.sceneRef())) {
            return recipes.draw(r.recipe(), frame.seed(), frame.frame()).scene();
        }
        return scene(r.sceneRef());
    }

    /**
     * Resolves a job's scene: a scene reference, or a recipe (named, or inline in {@code inlineRecipe}).
     *
     * @param aspect image width / height, for placing a camera when the scene has none
     * @throws JobSpecException naming {@code sceneRef}, or {@code recipe.PATH} for an invalid inline recipe
     */
    public ResolvedScene resolve(String sceneRef, String inlineRecipe, long seed, float aspect) {
        if (!RecipeScenes.isRecipe(sceneRef)) {
            return resolve(sceneRef, aspect);
        }
        String text = recipes.canonicalText(sceneRef, inlineRecipe);
        try {
            DrawnScene first = recipes.draw(text, seed, 0);
            return new ResolvedScene(sceneRef, recipes.sampler(text).recipeHash(), first.frame().camera(), text);
        } catch (IllegalArgumentException | IllegalStateException e) {
            // A recipe that validates can still fail to draw (objects that never fit, a missing map).
            throw new JobSpecException(List.of(new JobSpecException.Violation(
                    JobSpec.INLINE_RECIPE.equals(sceneRef) ? "recipe" : "sceneRef", "frame 0", e.getMessage())));
        }
    }

    /** The canonical text of a recipe job's recipe (kept per reference: built-in recipes never change). */
    public String recipeText(JobSpec spec) {
        if (JobSpec.INLINE_RECIPE.equals(spec.sceneRef())) {
            return spec.recipe();
        }
        return namedRecipes.computeIfAbsent(spec.sceneRef(), ref -> recipes.canonicalText(ref, null));
    }

    /** Frame {@code frame} of a recipe job (canonical recipe text), drawn as nodes draw it. */
    public DrawnScene drawn(String recipe, long seed, int frame) {
        return recipes.draw(recipe, seed, frame);
    }

    /** The hash of the scene nodes build for a recipe frame (frames of a sequence share it). */
    public String frameSceneHash(String recipe, long seed, int frame) {
        return recipes.frameSceneHash(recipe, seed, frame);
    }

    /** What meta.json records of a recipe frame. */
    public RecipeFrame recipeFrame(String recipe, long seed, int frame) {
        return RecipeScenes.record(recipes.draw(recipe, seed, frame).frame());
    }

    /** The sampler of a recipe (canonical text), for statistics over a job's frames. */
    public io.photonfarm.recipe.draw.RecipeSampler sampler(String recipe) {
        return recipes.sampler(recipe);
    }

    /**
     * @param aspect image width / height, for placing a camera when the scene has none
     * @throws JobSpecException naming {@code sceneRef} if the scene is unknown
     */
    public ResolvedScene resolve(String sceneRef, float aspect) {
        return source(sceneRef).resolve(sceneRef, aspect);
    }

    /** Every scene a job can name now, source by source. */
    public List<SceneEntry> entries() {
        List<SceneEntry> all = new ArrayList<>();
        sources.forEach(s -> all.addAll(s.entries()));
        BuiltinRecipes.names().forEach(n -> all.add(new SceneEntry(BuiltinRecipes.PREFIX + n, n, "recipe", null)));
        return all;
    }

    private SceneSource source(String sceneRef) {
        if (sceneRef != null) {
            for (SceneSource s : sources) {
                if (s.owns(sceneRef)) {
                    return s;
                }
            }
        }
        List<String> accepted = new ArrayList<>(sources.stream().map(SceneSource::forms).toList());
        BuiltinRecipes.names().forEach(n -> accepted.add(BuiltinRecipes.PREFIX + n));
        accepted.add(JobSpec.INLINE_RECIPE);
        throw unknown(sceneRef, String.join(", ", accepted));
    }

    /** The 400 of a reference that names no scene: {@code sceneRef}, its value, and what would be accepted. */
    public static JobSpecException unknown(String sceneRef, String accepted) {
        return new JobSpecException(List.of(new JobSpecException.Violation("sceneRef", String.valueOf(sceneRef),
                "one of " + accepted)));
    }
}
