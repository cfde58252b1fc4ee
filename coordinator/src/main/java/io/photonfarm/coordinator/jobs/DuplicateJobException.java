package io.photonfarm.coordinator.jobs;

import io.photonfarm.api.job.JobId;

/** A submission named a job id another job already has: HTTP 409 (the request is valid, the id is taken). */
public final class DuplicateJobException extends IllegalStateException {
    private static final long serialVersionUID = 1L;

    public DuplicateJobException(JobId jobId) {
        super("submitting job '" + jobId + "': the id is taken by another job; choose another id or leave id out");
    }
}
