package io.photonfarm.api.work;

import io.photonfarm.api.job.JobId;

/**
 * Names one work unit: a sample range of a tile of a frame of a job. Printed as
 * {@code job/frame/tile/range}, e.g. {@code job-1/3/5/0}, in logs and error messages.
 *
 * @param jobId      the job
 * @param frame      the frame index, from 0
 * @param tileIndex  the tile index within the frame, row-major from the top-left tile, from 0
 * @param rangeIndex the sample range index within the tile, from 0
 */
public record WorkUnitKey(JobId jobId, int frame, int tileIndex, int rangeIndex) {
    public WorkUnitKey {
        if (jobId == null || frame < 0 || tileIndex < 0 || rangeIndex < 0) {
            throw new IllegalArgumentException("work unit " + jobId + "/" + frame + "/" + tileIndex + "/" + rangeIndex
                    + ": job must be set and indices >= 0");
        }
    }

    @Override
    public String toString() {
        return jobId + "/" + frame + "/" + tileIndex + "/" + rangeIndex;
    }
}
