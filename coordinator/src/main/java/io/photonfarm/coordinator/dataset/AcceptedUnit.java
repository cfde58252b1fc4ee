package io.photonfarm.coordinator.dataset;

import io.photonfarm.api.work.WorkUnitKey;

/**
 * A work unit the scheduler marked done, with the lease epoch whose upload it accepted: the
 * spooled result of that epoch, and no other, goes into the frame.
 *
 * @param key   the unit
 * @param epoch the accepted lease's epoch, from 1
 */
public record AcceptedUnit(WorkUnitKey key, long epoch) {
    public AcceptedUnit {
        if (key == null || epoch < 1) {
            throw new IllegalArgumentException("accepted unit " + key + " epoch " + epoch + ": key must be set and epoch >= 1");
        }
    }

    @Override
    public String toString() {
        return key + "@" + epoch;
    }
}
