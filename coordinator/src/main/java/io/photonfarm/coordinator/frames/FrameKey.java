package io.photonfarm.coordinator.frames;

import io.photonfarm.api.job.JobId;

/** Names one frame of one job; printed {@code job/frame}. */
public record FrameKey(JobId jobId, int frame) {
    public FrameKey {
        if (jobId == null || frame < 0) {
            throw new IllegalArgumentException("frame " + jobId + "/" + frame + ": job must be set and frame >= 0");
        }
    }

    @Override
    public String toString() {
        return jobId + "/" + frame;
    }
}
