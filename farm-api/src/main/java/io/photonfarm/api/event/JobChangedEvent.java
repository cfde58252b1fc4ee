package io.photonfarm.api.event;

import io.photonfarm.api.job.JobId;

/**
 * A job changed state (type {@code job-changed}): submitted, paused, resumed, cancelled, priority
 * changed, completed or failed.
 *
 * @param change  what happened, in lower case: submitted, paused, resumed, cancelled, priority, completed, failed
 * @param status  the job's status afterwards
 * @param message for a failure, the node's error; otherwise null
 */
public record JobChangedEvent(long atMillis, JobId jobId, String change, String status, String message)
        implements FarmEvent {
    @Override
    public String type() {
        return "job-changed";
    }
}
