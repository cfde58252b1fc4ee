package io.photonfarm.coordinator.schedule;

/** The answer to a node reporting a unit as rendered. */
public enum CompleteOutcome {
    /**
     * The node held the current lease; the unit is done and its result counts. Repeating the same
     * completion (same epoch and node) answers ACCEPTED again, so a retried call never loses a result.
     */
    ACCEPTED,
    /** The lease was taken over, requeued or never existed; nothing changed and the result is dropped. */
    STALE,
    /** Another lease already completed the unit; the result is redundant and dropped. */
    ALREADY_DONE
}
