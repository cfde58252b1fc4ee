package io.photonfarm.coordinator.jobs;

import io.photonfarm.api.job.JobId;

/** A call named a job the farm does not know: HTTP 404. */
public final class UnknownJobException extends RuntimeException {
    private static final long serialVersionUID = 1L;

    public UnknownJobException(String jobId) {
        super("no job '" + jobId + "'");
    }

    public UnknownJobException(JobId jobId) {
        this(jobId.value());
    }
}
