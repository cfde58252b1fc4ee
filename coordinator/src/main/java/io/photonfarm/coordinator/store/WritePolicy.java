package io.photonfarm.coordinator.store;

/**
 * When a map's changes reach the database.
 *
 * @param delaySeconds 0: write-through, every change is in the database before the call that made it
 *                     returns; more: write-behind, changes are written in batches this many seconds later
 *                     (a change to the same key within the delay replaces the pending one), and a whole
 *                     cluster crashing loses at most the last {@code delaySeconds} of changes (one member
 *                     crashing loses none: its backups hold its pending writes)
 */
public record WritePolicy(int delaySeconds) {
    /** Every change is in the database when the call that made it returns. */
    public static final WritePolicy THROUGH = new WritePolicy(0);

    public WritePolicy {
        if (delaySeconds < 0) {
            throw new IllegalArgumentException("write delay " + delaySeconds + " s: must be >= 0");
        }
    }

    /** Changes written in batches {@code delaySeconds} (>= 1) after they happen. */
    public static WritePolicy behind(int delaySeconds) {
        if (delaySeconds < 1) {
            throw new IllegalArgumentException("write-behind delay " + delaySeconds + " s: must be >= 1");
        }
        return new WritePolicy(delaySeconds);
    }

    public boolean writeThrough() {
        return delaySeconds == 0;
    }
}
