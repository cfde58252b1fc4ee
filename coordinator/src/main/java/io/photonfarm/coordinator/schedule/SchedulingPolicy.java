package io.photonfarm.coordinator.schedule;

/**
 * How hard the farm tries before giving up on work or on a node.
 *
 * @param maxFailuresPerUnit      a unit that failed this many times is given up (and its job failed)
 * @param maxFailuresPerNodeInJob a node that failed this many units of one job gets no more units of it
 * @param nodeActiveMillis        a node counts as present (eligible for retries) this long after it last
 *                                claimed, renewed or failed work, in milliseconds
 * @param maxPopsPerClaim         how many queue entries one claim may inspect per job before moving on
 *                                (bounds the work spent skipping stale entries and units the node failed)
 */
public record SchedulingPolicy(int maxFailuresPerUnit, int maxFailuresPerNodeInJob, long nodeActiveMillis,
        int maxPopsPerClaim) {

    public static final SchedulingPolicy DEFAULT = new SchedulingPolicy(5, 3, 60_000, 64);

    public SchedulingPolicy {
        if (maxFailuresPerUnit < 1 || maxFailuresPerNodeInJob < 1 || nodeActiveMillis < 1 || maxPopsPerClaim < 1) {
            throw new IllegalArgumentException("scheduling policy " + maxFailuresPerUnit + "/" + maxFailuresPerNodeInJob
                    + "/" + nodeActiveMillis + "/" + maxPopsPerClaim + ": every value must be >= 1");
        }
    }
}
