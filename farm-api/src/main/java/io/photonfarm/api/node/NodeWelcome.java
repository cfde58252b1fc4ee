package io.photonfarm.api.node;

/**
 * The coordinator's answer to a registration: the node's id and the timing it must keep.
 *
 * @param nodeId          the id to use in every later call; unique in the farm
 * @param leaseMillis     how long a lease lasts unless renewed, milliseconds; renew well before (a third of it)
 * @param heartbeatMillis how often to send a heartbeat, milliseconds
 * @param claimWaitMillis the longest a claim may wait for work (long poll), milliseconds
 */
public record NodeWelcome(String nodeId, long leaseMillis, long heartbeatMillis, long claimWaitMillis) {
    public NodeWelcome {
        if (nodeId == null || nodeId.isBlank() || leaseMillis < 1 || heartbeatMillis < 1 || claimWaitMillis < 0) {
            throw new IllegalArgumentException("node welcome " + nodeId + ": id must be set, lease and heartbeat >= 1 ms, "
                    + "claim wait >= 0 ms");
        }
    }
}
