package io.photonfarm.api.work;

/**
 * A node's claim on a work unit. The epoch grows by one every time the unit is leased, so a result
 * or renewal carrying an older epoch comes from a lease that was taken over and is refused.
 *
 * @param key             the unit
 * @param epoch           the lease's epoch, from 1
 * @param nodeId          the node holding the lease
 * @param expiresAtMillis when the lease lapses unless renewed, epoch milliseconds (UTC)
 */
public record Lease(WorkUnitKey key, long epoch, String nodeId, long expiresAtMillis) {
    public Lease {
        if (key == null || epoch < 1 || nodeId == null || nodeId.isBlank()) {
            throw new IllegalArgumentException("lease on " + key + " epoch " + epoch + " for node " + nodeId
                    + ": key and node must be set and epoch >= 1");
        }
    }
}
