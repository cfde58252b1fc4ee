package io.photonfarm.coordinator.schedule;

/** Where a job is in its life, as far as scheduling goes. */
public enum JobStatus {
    /** Units are being handed out. */
    RUNNING,
    /** Every unit is done. */
    COMPLETED,
    /** A unit could not be rendered; no more units are handed out. */
    FAILED
}
