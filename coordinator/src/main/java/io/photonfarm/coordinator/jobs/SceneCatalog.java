package io.photonfarm.coordinator.jobs;

import io.photonfarm.api.job.JobSpec;
import io.photonfarm.api.job.JobSpecException;
import io.photonfarm.coordinator.dataset.FrameJob;
import io.photonfarm.coordinator.dataset.RecipeFrame;
import io.photonfarm.recipe.BuiltinRecipes;
import io.photonfarm.recipe.draw.DrawnScene;
import io.photonfarm.scene.CameraSpec;
import io.photonfarm.scene.Scene;
import io.photonfarm.scene.builtin.BuiltinScenes;
import io.photonfarm.scene.io.AutoCamera;
import java.nio.charset.StandardCharsets;
import java.security.MessageDigest;
import java.security.NoSuchAlgorithmException;
import java.util.HexFormat;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.concurrent.ConcurrentHashMap;
import java.util.concurrent.ConcurrentMap;

/**
 * Resolves a job's scene reference to what planning needs: the scene's content hash and the camera
 * frames orbit around. The farm knows the built-in scenes ({@code builtin:NAME}), which nodes build
 * themselves, so only the name travels; and recipes ({@code recipe:NAME} built in, or
 * {@code recipe:inline} with the job's own), whose frames are each drawn from (recipe, seed, frame)
 * by nodes and by this catalogue alike. Resolution results are kept per reference.
 */
public final class SceneCatalog {
    /**
     * Bumped when a built-in scene's geometry or materials change, so that nodes which cached the old
     * one by hash build the new one.
     */
    private static final String BUILTIN_VERSION = "1";

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

    private final RecipeScenes recipes = new RecipeScenes();
    private final ConcurrentMap<String, String> namedRecipes = new ConcurrentHashMap<>();

    private final ConcurrentMap<String, ResolvedScene> resolved = new ConcurrentHashMap<>();
    /** The few scenes frames are being labelled with now; scenes can be large, so only a handful are kept. */
    private final Map<String, Scene> scenes = java.util.Collections.synchronizedMap(new LinkedHashMap<>(8, 0.75f, true) {
        @Override
        protected boolean removeEldestEntry(Map.Entry<String, Scene> eldest) {
            return size() > 4;
        }
    });

    /**
     * The scene itself, as nodes build it: what frame labelling reads ids, poses and geometry from.
     *
     * @throws JobSpecException naming {@code sceneRef} if the scene is unknown
     */
    public Scene scene(String sceneRef) {
        Scene cached = scenes.get(sceneRef);
        if (cached != null) {
            return cached;
        }
        if (sceneRef != null && sceneRef.startsWith(BuiltinScenes.PREFIX)) {
            Scene scene = BuiltinScenes.byName(sceneRef.substring(BuiltinScenes.PREFIX.length())).orElse(null);
            if (scene != null) {
                scenes.put(sceneRef, scene);
                return scene;
            }
        }
        throw unknown(sceneRef);
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
        String key = sceneRef + "@" + aspect;
        ResolvedScene cached = resolved.get(key);
        if (cached != null) {
            return cached;
        }
        ResolvedScene r = load(sceneRef, aspect);
        resolved.putIfAbsent(key, r);
        return r;
    }

    private static ResolvedScene load(String sceneRef, float aspect) {
        if (sceneRef != null && sceneRef.startsWith(BuiltinScenes.PREFIX)) {
            String name = sceneRef.substring(BuiltinScenes.PREFIX.length());
            Scene scene = BuiltinScenes.byName(name).orElse(null);
            if (scene != null) {
                CameraSpec camera = scene.camera().orElseGet(() -> AutoCamera.frame(scene.worldBounds(), aspect));
                return new ResolvedScene(sceneRef, sha256(sceneRef + "\n" + BUILTIN_VERSION), camera);
            }
        }
        throw unknown(sceneRef);
    }

    private static JobSpecException unknown(String sceneRef) {
        List<String> known = new java.util.ArrayList<>(BuiltinScenes.names().stream().map(n -> BuiltinScenes.PREFIX + n).toList());
        BuiltinRecipes.names().forEach(n -> known.add(BuiltinRecipes.PREFIX + n));
        known.add(JobSpec.INLINE_RECIPE);
        return new JobSpecException(List.of(new JobSpecException.Violation("sceneRef", String.valueOf(sceneRef),
                "one of " + String.join(", ", known))));
    }

    static String sha256(String text) {
        try {
            return HexFormat.of().formatHex(MessageDigest.getInstance("SHA-256").digest(text.getBytes(StandardCharsets.UTF_8)));
        } catch (NoSuchAlgorithmException e) {
            throw new IllegalStateException("SHA-256 is missing from this Java runtime", e);
        }
    }
}
