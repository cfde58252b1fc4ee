package io.photonfarm.coordinator.jobs;

import com.fasterxml.jackson.annotation.JsonIgnoreProperties;
import com.fasterxml.jackson.databind.JsonNode;
import io.photonfarm.api.camera.CameraModel;
import io.photonfarm.api.job.JobSpec;
import java.util.List;

/**
 * A job as a client submits it ({@code POST /api/v1/jobs}): every field may be left out and takes
 * its default; unknown fields are refused (a misspelt "spp" must not silently render 16 samples).
 * Field names are those of {@link JobSpec}, so a violation names the field the client wrote.
 *
 * @param id    the job's id, or null for a generated one
 * @param orbit how far each frame's camera may swing around the scene's camera, or null for the default
 * @param passes  label passes by name, or null for the default set; [] for none
 * @param writers annotation formats by name, or null for the default set; [] for none
 * @param recipe  the job's own recipe (a JSON object, see recipe.schema.json), or null; with one, sceneRef
 *                is {@code recipe:inline} or left out
 * @param camera  the simulated camera (lens, sensor and ISP, depth sensor, refiners), or null for an ideal one
 */
@JsonIgnoreProperties(ignoreUnknown = false)
public record JobRequest(String id, String sceneRef, Integer frames, Integer width, Integer height, Integer spp,
        Integer maxBounces, Long seed, Integer tileSize, Integer samplesPerUnit, Integer priority, OrbitRequest orbit,
        List<String> passes, List<String> writers, JsonNode recipe, CameraModel camera) {

    /** A request without an inline recipe. */
    public JobRequest(String id, String sceneRef, Integer frames, Integer width, Integer height, Integer spp,
            Integer maxBounces, Long seed, Integer tileSize, Integer samplesPerUnit, Integer priority, OrbitRequest orbit,
            List<String> passes, List<String> writers) {
        this(id, sceneRef, frames, width, height, spp, maxBounces, seed, tileSize, samplesPerUnit, priority, orbit, passes,
                writers, null, null);
    }

    /** A request with an inline recipe and no camera model. */
    public JobRequest(String id, String sceneRef, Integer frames, Integer width, Integer height, Integer spp,
            Integer maxBounces, Long seed, Integer tileSize, Integer samplesPerUnit, Integer priority, OrbitRequest orbit,
            List<String> passes, List<String> writers, JsonNode recipe) {
        this(id, sceneRef, frames, width, height, spp, maxBounces, seed, tileSize, samplesPerUnit, priority, orbit, passes,
                writers, recipe, null);
    }

    /**
     * Camera variation between frames.
     *
     * @param azimuthDeg    largest swing about the vertical axis through the look-at point, degrees
     * @param elevationDeg  largest swing up or down, degrees
     * @param distanceScale largest factor the distance to the look-at point is scaled by (and divided by)
     */
    public record OrbitRequest(Double azimuthDeg, Double elevationDeg, Double distanceScale) {
    }

    /**
     * The defaults of every field left out. Labels are on by default (that is what synthetic data is
     * for): depth, range, camera normals, instance and semantic ids, coverage, and COCO annotations.
     */
    public static final JobSpec DEFAULTS = new JobSpec(null, 1, 256, 256, 16, 8, 1, 64, 4, 5,
            List.of("depth_z", "range", "normal_camera", "instance", "semantic", "coverage"), List.of("coco"));

    /**
     * The spec with defaults filled in; not yet validated. An inline recipe travels as its JSON text
     * (the catalogue checks it and makes it canonical); with one, a missing sceneRef is {@code recipe:inline}.
     */
    public JobSpec toSpec() {
        String ref = sceneRef == null && recipe != null ? JobSpec.INLINE_RECIPE : sceneRef;
        return new JobSpec(ref, or(frames, DEFAULTS.frames()), or(width, DEFAULTS.width()),
                or(height, DEFAULTS.height()), or(spp, DEFAULTS.spp()), or(maxBounces, DEFAULTS.maxBounces()),
                seed == null ? DEFAULTS.seed() : seed, or(tileSize, DEFAULTS.tileSize()),
                or(samplesPerUnit, Math.min(or(spp, DEFAULTS.spp()), DEFAULTS.samplesPerUnit())),
                or(priority, DEFAULTS.priority()), passes == null ? DEFAULTS.passes() : passes,
                writers == null ? DEFAULTS.writers() : writers, recipe == null || recipe.isNull() ? null : recipe.toString(),
                camera == null || camera.isIdeal() ? null : camera);
    }

    private static int or(Integer value, int fallback) {
        return value == null ? fallback : value;
    }
}
