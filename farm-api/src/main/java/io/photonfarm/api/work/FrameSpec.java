package io.photonfarm.api.work;

import io.photonfarm.api.job.JobId;

/**
 * Everything a node needs besides the unit itself to render any unit of one frame. Identical for
 * every unit of the frame, so a node keeps the loaded scene (by {@code sceneHash}) across units.
 *
 * @param jobId      the job
 * @param frame      the frame index, from 0 (an input of every sample)
 * @param sceneRef   the scene as the job names it: {@code builtin:NAME}, {@code asset:HASH} for an uploaded mesh
 *                   asset (one object, see {@code AssetObject}; {@code scene:HASH}, a file loaded as it is, is still
 *                   understood), or {@code recipe:NAME} (a built-in recipe) or {@code recipe:inline} (the job's own)
 * @param sceneHash  a content hash of the scene (hex SHA-256): equal hashes mean the same scene, so a
 *                   node loads and builds it once; uploaded scenes are fetched by it from
 *                   {@code GET /api/v1/scenes/{sceneHash}}; for recipes, a hash of (recipe, seed, frame),
 *                   one per frame (or per sequence)
 * @param width      image width, pixels
 * @param height     image height, pixels
 * @param seed       the job seed (an input of every sample)
 * @param maxBounces the most path segments after the camera ray
 * @param camera     this frame's camera
 * @param labels     whether units also render labels: coverage counts, and the pixel-centre label
 *                   records from the unit whose sample range starts at 0
 * @param recipe     for recipe scenes, the recipe's canonical JSON text, from which the node draws the
 *                   frame's scene (a pure function of recipe, seed and frame); null otherwise
 */
public record FrameSpec(JobId jobId, int frame, String sceneRef, String sceneHash, int width, int height, long seed,
        int maxBounces, CameraPose camera, boolean labels, String recipe) {
    public FrameSpec {
        if (jobId == null || frame < 0 || sceneRef == null || sceneHash == null || camera == null) {
            throw new IllegalArgumentException("frame spec " + jobId + "/" + frame + ": job, scene, hash and camera "
                    + "must be set and frame >= 0");
        }
        if (width < 1 || height < 1 || maxBounces < 0) {
            throw new IllegalArgumentException("frame spec " + jobId + "/" + frame + ": size " + width + "x" + height
                    + " must be >= 1 and bounces " + maxBounces + " >= 0");
        }
    }

    /** A frame of a scene that is not drawn from a recipe. */
    public FrameSpec(JobId jobId, int frame, String sceneRef, String sceneHash, int width, int height, long seed,
            int maxBounces, CameraPose camera, boolean labels) {
        this(jobId, frame, sceneRef, sceneHash, width, height, seed, maxBounces, camera, labels, null);
    }

    /** A frame without labels. */
    public FrameSpec(JobId jobId, int frame, String sceneRef, String sceneHash, int width, int height, long seed,
            int maxBounces, CameraPose camera) {
        this(jobId, frame, sceneRef, sceneHash, width, height, seed, maxBounces, camera, false);
    }

    /**
     * The 32-bit seed the renderer's sampler takes, folded from the 64-bit job seed. Every node
     * must use this one function, or the same job would render differently on different nodes.
     */
    public int samplerSeed() {
        return (int) (seed ^ (seed >>> 32));
    }
}
