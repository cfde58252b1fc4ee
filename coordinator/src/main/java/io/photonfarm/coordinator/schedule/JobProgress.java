package io.photonfarm.coordinator.schedule;

import io.photonfarm.api.job.JobId;

/**
 * A snapshot of a job's units by status. The counts are taken partition by partition while the
 * farm runs, so they add up to {@code units} only when nothing moves.
 *
 * @param error why the job failed, or null
 */
public record JobProgress(JobId jobId, JobStatus status, int units, int queued, int leased, int done, int failed,
        String error) {
}
