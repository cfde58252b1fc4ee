package io.photonfarm.api.job;

import io.photonfarm.api.camera.CameraModel;
import java.util.ArrayList;
import java.util.EnumSet;
import java.util.HashSet;
import java.util.List;
import java.util.Set;

/**
 * What to render: a scene, how many frames of it, at what size and quality, and how to cut the work.
 * A spec is checked with {@link #validate(JobLimits)} before anything is planned from it; the record
 * itself accepts any values so that a bad request can be reported field by field.
 *
 * @param sceneRef       the scene (or recipe) to render, as a reference the coordinator resolves
 * @param frames         the number of frames, each drawn from the scene by its own seed
 * @param width          image width, in pixels
 * @param height         image height, in pixels
 * @param spp            samples per pixel of every frame
 * @param maxBounces     the most path segments after the camera ray
 * @param seed           the job seed every sample is derived from
 * @param tileSize       the edge of a square tile, in pixels; tiles on the right and bottom edges are smaller
 * @param samplesPerUnit samples per pixel in one work unit; the last unit of a tile gets the remainder
 * @param priority       0 (lowest) to {@link JobLimits#maxPriority()}; higher-priority jobs are served first
 * @param passes         label passes to write per frame, by {@link LabelPass} wire name
 * @param writers        annotation formats to write, by {@link AnnotationFormat} wire name
 * @param recipe         the job's own recipe as JSON text (canonical once the coordinator accepted it), with
 *                       {@code sceneRef} {@value #INLINE_RECIPE}; null for any other scene reference
 * @param camera         the simulated camera (lens distortion, sensor and ISP, depth sensor, refiners), or
 *                       null for an ideal pinhole camera and a clean sRGB image
 */
public record JobSpec(String sceneRef, int frames, int width, int height, int spp, int maxBounces, long seed,
        int tileSize, int samplesPerUnit, int priority, List<String> passes, List<String> writers, String recipe,
        CameraModel camera) {

    /** The scene reference of a job that carries its own recipe. */
    public static final String INLINE_RECIPE = "recipe:inline";
    /** The longest inline recipe accepted, in characters of JSON text. */
    public static final int MAX_RECIPE_CHARS = 256 * 1024;

    public JobSpec {
        passes = passes == null ? List.of() : List.copyOf(passes);
        writers = writers == null ? List.of() : List.copyOf(writers);
    }

    /** A spec of a scene or a named recipe (no inline recipe). */
    public JobSpec(String sceneRef, int frames, int width, int height, int spp, int maxBounces, long seed,
            int tileSize, int samplesPerUnit, int priority, List<String> passes, List<String> writers) {
        this(sceneRef, frames, width, height, spp, maxBounces, seed, tileSize, samplesPerUnit, priority, passes, writers, null,
                null);
    }

    /** This spec with {@code recipeText} as its inline recipe. */
    public JobSpec withRecipe(String recipeText) {
        return new JobSpec(sceneRef, frames, width, height, spp, maxBounces, seed, tileSize, samplesPerUnit, priority, passes,
                writers, recipeText, camera);
    }

    /** This spec with {@code model} as its camera model (null for the ideal camera). */
    public JobSpec withCamera(CameraModel model) {
        return new JobSpec(sceneRef, frames, width, height, spp, maxBounces, seed, tileSize, samplesPerUnit, priority, passes,
                writers, recipe, model);
    }

    /** A spec without labels. */
    public JobSpec(String sceneRef, int frames, int width, int height, int spp, int maxBounces, long seed,
            int tileSize, int samplesPerUnit, int priority) {
        this(sceneRef, frames, width, height, spp, maxBounces, seed, tileSize, samplesPerUnit, priority, List.of(), List.of());
    }

    /** Whether nodes render labels for this job: some pass or writer is asked for, or a depth sensor (simulated from them). */
    public boolean labels() {
        return !passes.isEmpty() || !writers.isEmpty() || (camera != null && camera.depthSensor() != null);
    }

    /** The passes asked for; call after {@link #validate}. */
    public Set<LabelPass> labelPasses() {
        Set<LabelPass> out = EnumSet.noneOf(LabelPass.class);
        passes.forEach(p -> out.add(LabelPass.byWireName(p).orElseThrow()));
        return out;
    }

    /** The writers asked for; call after {@link #validate}. */
    public Set<AnnotationFormat> annotationFormats() {
        Set<AnnotationFormat> out = EnumSet.noneOf(AnnotationFormat.class);
        writers.forEach(w -> out.add(AnnotationFormat.byWireName(w).orElseThrow()));
        return out;
    }

    /**
     * Checks every field against {@code limits}.
     *
     * @return this spec, for chaining
     * @throws JobSpecException listing every violated limit, each with its field, value and limit
     */
    public JobSpec validate(JobLimits limits) {
        List<JobSpecException.Violation> bad = new ArrayList<>();
        if (sceneRef == null || sceneRef.isBlank() || sceneRef.length() > limits.maxSceneRefLength()) {
            bad.add(new JobSpecException.Violation("sceneRef",
                    sceneRef == null ? "null" : sceneRef.isBlank() ? "'" + sceneRef + "'" : sceneRef.length() + " characters",
                    "1.." + limits.maxSceneRefLength() + " characters, not blank"));
        }
        if (INLINE_RECIPE.equals(sceneRef) && recipe == null) {
            bad.add(new JobSpecException.Violation("recipe", "missing", "a recipe object when sceneRef is " + INLINE_RECIPE));
        } else if (recipe != null && !INLINE_RECIPE.equals(sceneRef)) {
            bad.add(new JobSpecException.Violation("sceneRef", String.valueOf(sceneRef),
                    INLINE_RECIPE + " (or left out) when the job has its own recipe"));
        } else if (recipe != null && recipe.length() > MAX_RECIPE_CHARS) {
            bad.add(new JobSpecException.Violation("recipe", recipe.length() + " characters", "at most " + MAX_RECIPE_CHARS));
        }
        range(bad, "frames", frames, 1, limits.maxFrames());
        range(bad, "width", width, 1, limits.maxImageSize());
        range(bad, "height", height, 1, limits.maxImageSize());
        range(bad, "spp", spp, 1, limits.maxSpp());
        range(bad, "maxBounces", maxBounces, 0, limits.maxBounces());
        range(bad, "tileSize", tileSize, limits.minTileSize(), limits.maxTileSize());
        range(bad, "samplesPerUnit", samplesPerUnit, 1, limits.maxSpp());
        range(bad, "priority", priority, 0, limits.maxPriority());
        names(bad, "passes", passes, LabelPass.wireNames());
        names(bad, "writers", writers, AnnotationFormat.wireNames());
        if (camera != null) {
            camera.check("camera", bad);
        }
        // The unit count is only meaningful once its factors are; otherwise it would repeat their errors.
        if (bad.isEmpty() && workUnitCount() > limits.maxWorkUnits()) {
            bad.add(new JobSpecException.Violation("workUnits",
                    workUnitCount() + " (" + frames + " frames x " + tilesAcross() * (long) tilesDown() + " tiles x "
                            + rangesPerTile() + " sample ranges)",
                    "at most " + limits.maxWorkUnits() + "; raise tileSize or samplesPerUnit"));
        }
        if (!bad.isEmpty()) {
            throw new JobSpecException(bad);
        }
        return this;
    }

    /** Tiles per image row. */
    public int tilesAcross() {
        return ceilDiv(width, tileSize);
    }

    /** Tiles per image column. */
    public int tilesDown() {
        return ceilDiv(height, tileSize);
    }

    /** Sample ranges each tile is cut into. */
    public int rangesPerTile() {
        return ceilDiv(spp, samplesPerUnit);
    }

    /** Frames x tiles x sample ranges. */
    public long workUnitCount() {
        return (long) frames * tilesAcross() * tilesDown() * rangesPerTile();
    }

    private static int ceilDiv(int a, int b) {
        return (int) (((long) a + b - 1) / b);
    }

    private static void names(List<JobSpecException.Violation> bad, String field, List<String> given, List<String> known) {
        Set<String> seen = new HashSet<>();
        for (int i = 0; i < given.size(); i++) {
            String name = given.get(i);
            if (name == null || !known.contains(name)) {
                bad.add(new JobSpecException.Violation(field + "[" + i + "]", String.valueOf(name), "one of " + String.join(", ", known)));
            } else if (!seen.add(name)) {
                bad.add(new JobSpecException.Violation(field + "[" + i + "]", name, "each at most once"));
            }
        }
    }

    private static void range(List<JobSpecException.Violation> bad, String field, long value, long min, long max) {
        if (value < min || value > max) {
            bad.add(new JobSpecException.Violation(field, Long.toString(value), min + ".." + max));
        }
    }
}
