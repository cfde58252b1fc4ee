package io.photonfarm.coordinator.schedule;

/** Where a work unit is in its life. */
public enum WorkStatus {
    /** Waiting for a node. */
    QUEUED,
    /** A node holds a lease on it. */
    LEASED,
    /** A result was accepted; final. */
    DONE,
    /** Given up after failing on every eligible node or too many times; final. */
    FAILED,
    /** Its job was cancelled; a lease held on it is refused; final. */
    CANCELLED
}
