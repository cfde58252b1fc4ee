package io.photonfarm.coordinator.schedule;

/** What became of a unit a node reported as failed. */
public enum FailOutcome {
    /** Queued again, for a node that has not failed it. */
    RETRYING,
    /** Given up: the unit and its job are failed with the node's message. */
    FAILED,
    /** The node no longer held the lease; nothing changed. */
    STALE
}
