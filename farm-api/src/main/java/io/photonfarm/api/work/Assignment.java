package io.photonfarm.api.work;

/**
 * What a node receives when it claims work: the unit to render and the lease to quote when it
 * renews, completes or fails it.
 */
public record Assignment(Lease lease, WorkUnit unit) {
    public Assignment {
        if (lease == null || unit == null || !lease.key().equals(unit.key())) {
            throw new IllegalArgumentException("assignment of " + (unit == null ? null : unit.key()) + " under lease on "
                    + (lease == null ? null : lease.key()) + ": both must be set and name the same unit");
        }
    }
}
