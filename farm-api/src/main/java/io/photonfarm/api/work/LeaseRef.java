package io.photonfarm.api.work;

/** Names a lease: a unit and the epoch of the lease on it. */
public record LeaseRef(WorkUnitKey key, long epoch) {
    public LeaseRef {
        if (key == null || epoch < 1) {
            throw new IllegalArgumentException("lease reference " + key + " epoch " + epoch + ": key must be set, epoch >= 1");
        }
    }
}
