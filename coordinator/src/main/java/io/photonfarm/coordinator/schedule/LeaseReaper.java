package io.photonfarm.coordinator.schedule;

import java.time.InstantSource;

/**
 * Requeues expired leases at the time its clock tells. Schedule it at a fraction of the lease
 * duration; a lapsed lease then waits at most that long before another node may take the unit.
 */
public final class LeaseReaper implements Runnable {
    private final WorkStore store;
    private final InstantSource clock;

    public LeaseReaper(WorkStore store, InstantSource clock) {
        this.store = store;
        this.clock = clock;
    }

    /** @return how many units were requeued */
    public int reap() {
        return store.requeueExpired(clock.millis());
    }

    @Override
    public void run() {
        reap();
    }
}
