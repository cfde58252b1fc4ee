package io.photonfarm.coordinator.dataset;

import io.photonfarm.api.job.JobId;
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
 */
public record FrameJob(JobId jobId, int frame, int width, int height, int spp, long seed, CameraPose camera) {
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
