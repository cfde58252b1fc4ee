package io.photonfarm.coordinator.work;

/**
 * The timing of the node protocol.
 *
 * @param leaseMillis        how long a lease lasts unless renewed; nodes renew at a third of it
 * @param heartbeatMillis    how often nodes send heartbeats
 * @param maxClaimWaitMillis the longest a claim may wait for work (long poll)
 * @param claimPollMillis    how often a waiting claim looks for work again
 * @param lostAfterMillis    silence after which a node counts as lost
 */
public record WorkTiming(long leaseMillis, long heartbeatMillis, long maxClaimWaitMillis, long claimPollMillis,
        long lostAfterMillis) {
    public static final WorkTiming DEFAULT = new WorkTiming(30_000, 2_000, 20_000, 100, 15_000);

    public WorkTiming {
        if (leaseMillis < 1 || heartbeatMillis < 1 || maxClaimWaitMillis < 0 || claimPollMillis < 1
                || lostAfterMillis <= heartbeatMillis) {
            throw new IllegalArgumentException("work timing: lease " + leaseMillis + " ms, heartbeat " + heartbeatMillis
                    + " ms, claim wait " + maxClaimWaitMillis + " ms, poll " + claimPollMillis + " ms, lost after "
                    + lostAfterMillis + " ms: durations >= 1 ms, lost-after longer than the heartbeat");
        }
    }
}
