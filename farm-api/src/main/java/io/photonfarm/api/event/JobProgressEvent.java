package io.photonfarm.api.event;

import io.photonfarm.api.job.JobId;

/**
 * A job's progress (type {@code job-progress}); sent at most a few times per second per job.
 *
 * @param units         the job's work units
 * @param done          units rendered
 * @param failed        units given up
 * @param frames        the job's frames
 * @param framesWritten frames assembled and written to the dataset
 */
public record JobProgressEvent(long atMillis, JobId jobId, String status, int units, int done, int failed, int frames,
        int framesWritten) implements FarmEvent {
    @Override
    public String type() {
        return "job-progress";
    }
}
