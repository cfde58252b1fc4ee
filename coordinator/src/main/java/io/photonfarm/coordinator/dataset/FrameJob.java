package io.photonfarm.coordinator.dataset;

import io.photonfarm.api.camera.CameraModel;
import io.photonfarm.api.job.AnnotationFormat;
import io.photonfarm.api.job.JobId;
import io.photonfarm.api.job.LabelPass;
import java.util.EnumSet;
import java.util.Set;
import io.photonfarm.api.work.CameraPose;

/**
 * The frame a {@link FrameAssembler} assembles: what it needs to check the tile results and
 * describe the frame in {@code meta.json}.
 *
 * @param jobId  the job
 * @param frame  the frame index, from 0
 * @param width  image width, pixels
 * @param height image height, pixels
 * @param spp    samples every pixel must have received
 * @param seed   the job seed (recorded so the frame can be re-rendered bit-identically)
 * @param camera the frame's camera
 * @param labels what labels to write, or null for a frame without labels
 * @param recipe what the job's recipe drew for this frame (for meta.json), or null when the scene is not a recipe
 * @param cameraModel the job's simulated camera (sensor, ISP, depth sensor, refiners), or null for the ideal one
 */
public record FrameJob(JobId jobId, int frame, int width, int height, int spp, long seed, CameraPose camera,
                       LabelRequest labels, RecipeFrame recipe, CameraModel cameraModel) {

    /** A frame of the ideal camera. */
    public FrameJob(JobId jobId, int frame, int width, int height, int spp, long seed, CameraPose camera,
            LabelRequest labels, RecipeFrame recipe) {
        this(jobId, frame, width, height, spp, seed, camera, labels, recipe, null);
    }

    /** A frame whose scene is not drawn from a recipe. */
    public FrameJob(JobId jobId, int frame, int width, int height, int spp, long seed, CameraPose camera,
            LabelRequest labels) {
        this(jobId, frame, width, height, spp, seed, camera, labels, null);
    }

    /**
     * The labels a frame's job asks for.
     *
     * @param sceneRef the job's scene, whose ids and geometry the annotations come from
     * @param passes   per-pixel passes to write
     * @param writers  annotation formats to write
     * @param recipe   for recipe jobs, the recipe's canonical text (each frame's scene is drawn from it); else null
     */
    public record LabelRequest(String sceneRef, Set<LabelPass> passes, Set<AnnotationFormat> writers, String recipe) {
        public LabelRequest(String sceneRef, Set<LabelPass> passes, Set<AnnotationFormat> writers) {
            this(sceneRef, passes, writers, null);
        }

        public LabelRequest {
            passes = passes.isEmpty() ? EnumSet.noneOf(LabelPass.class) : EnumSet.copyOf(passes);
            writers = writers.isEmpty() ? EnumSet.noneOf(AnnotationFormat.class) : EnumSet.copyOf(writers);
        }
    }

    /** A frame without labels. */
    public FrameJob(JobId jobId, int frame, int width, int height, int spp, long seed, CameraPose camera) {
        this(jobId, frame, width, height, spp, seed, camera, null);
    }

    /** Whether the frame's units carry labels. */
    public boolean hasLabels() {
        return labels != null;
    }

    public FrameJob {
        if (jobId == null || camera == null || frame < 0 || frame >= DatasetLayout.MAX_FRAMES) {
            throw new IllegalArgumentException("frame " + jobId + "/" + frame + ": job and camera must be set and frame in 0.."
                    + (DatasetLayout.MAX_FRAMES - 1));
        }
        if (width < 1 || height < 1 || spp < 1) {
            throw new IllegalArgumentException("frame " + jobId + "/" + frame + ": size " + width + "x" + height
                    + " and spp " + spp + " must be >= 1");
        }
    }

    @Override
    public String toString() {
        return jobId + "/" + frame;
    }
}
