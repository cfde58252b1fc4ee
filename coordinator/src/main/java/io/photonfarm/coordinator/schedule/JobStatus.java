package io.photonfarm.coordinator.schedule;

/** Where a job is in its life, as far as scheduling goes. */
public enum JobStatus {
    /** Units are being handed out. */
    RUNNING,
    /** No units are handed out; leases already held may still renew, complete and fail. */
    PAUSED,
    /** Every unit is done; final. */
    COMPLETED,
    /** A unit could not be rendered; no more units are handed out; final. */
    FAILED,
    /** Stopped by a user; held leases are refused from then on; final. */
    CANCELLED;

    /**
     * Whether a user may move a job from this status to {@code next}: RUNNING to PAUSED and back,
     * RUNNING or PAUSED to CANCELLED. (COMPLETED and FAILED are reached by the farm, not by users.)
     */
    public boolean canBecome(JobStatus next) {
        return switch (this) {
            case RUNNING -> next == PAUSED || next == CANCELLED;
            case PAUSED -> next == RUNNING || next == CANCELLED;
            case COMPLETED, FAILED, CANCELLED -> false;
        };
    }

    /** Whether the job may still change: RUNNING or PAUSED. */
    public boolean active() {
        return this == RUNNING || this == PAUSED;
    }
}
