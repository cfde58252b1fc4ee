package io.photonfarm.coordinator.schedule;

import io.photonfarm.api.work.Lease;
import io.photonfarm.api.work.WorkUnit;
import io.photonfarm.api.work.WorkUnitKey;
import java.util.Arrays;
import java.util.Collection;
import java.util.List;
import java.util.Objects;

/**
 * The stored state of one work unit. Immutable: every transition returns a new state, and the
 * store applies it atomically where the entry lives.
 *
 * @param unit                 what to render
 * @param status               where the unit is in its life
 * @param epoch                the number of leases ever granted on the unit; the current lease's epoch
 * @param nodeId               the node holding the lease, that completed the unit (DONE), or whose failure
 *                             gave it up (FAILED); null while QUEUED
 * @param leaseExpiresAtMillis when the current lease lapses, epoch milliseconds; 0 unless LEASED
 * @param leaseMillis          the current lease's duration (renewals extend by it), milliseconds
 * @param attempts             leases granted so far
 * @param failures             failures reported by nodes so far
 * @param failedOn             the distinct nodes that reported a failure of this unit
 * @param lastError            the message of the latest failure, or null
 */
public record WorkState(WorkUnit unit, WorkStatus status, long epoch, String nodeId, long leaseExpiresAtMillis,
        long leaseMillis, int attempts, int failures, String[] failedOn, String lastError) {

    public WorkState {
        failedOn = failedOn == null ? new String[0] : failedOn.clone();
    }

    public static WorkState queued(WorkUnit unit) {
        return new WorkState(unit, WorkStatus.QUEUED, 0, null, 0, 0, 0, 0, new String[0], null);
    }

    public WorkUnitKey key() {
        return unit.key();
    }

    @Override
    public String[] failedOn() {
        return failedOn.clone();
    }

    public List<String> failedOnNodes() {
        return List.of(failedOn);
    }

    /** Whether {@code nodeId} holds the lease of this {@code epoch} right now. */
    public boolean heldBy(long epoch, String nodeId) {
        return status == WorkStatus.LEASED && this.epoch == epoch && nodeId.equals(this.nodeId);
    }

    public boolean hasFailedOn(String node) {
        return Arrays.asList(failedOn).contains(node);
    }

    /** Whether no node in {@code eligible} is left to retry on: each one failed this unit already. */
    public boolean failedOnAll(Collection<String> eligible) {
        return Arrays.asList(failedOn).containsAll(eligible);
    }

    public Lease lease() {
        return new Lease(unit.key(), epoch, nodeId, leaseExpiresAtMillis);
    }

    WorkState leasedTo(String node, long nowMillis, long durationMillis) {
        return new WorkState(unit, WorkStatus.LEASED, epoch + 1, node, nowMillis + durationMillis, durationMillis,
                attempts + 1, failures, failedOn, lastError);
    }

    WorkState renewedAt(long nowMillis) {
        return new WorkState(unit, status, epoch, nodeId, nowMillis + leaseMillis, leaseMillis, attempts, failures,
                failedOn, lastError);
    }

    /** Done; keeps the epoch and node so a repeated completion can be recognised. */
    WorkState done() {
        return new WorkState(unit, WorkStatus.DONE, epoch, nodeId, 0, leaseMillis, attempts, failures, failedOn,
                lastError);
    }

    /** Back in the queue after a lease lapsed; the epoch stays, the next lease bumps it. */
    WorkState requeued() {
        return new WorkState(unit, WorkStatus.QUEUED, epoch, null, 0, 0, attempts, failures, failedOn, lastError);
    }

    /** Records a node's failure; QUEUED for a retry, or FAILED if {@code giveUp}. */
    WorkState failedBy(String node, String message, boolean giveUp) {
        String[] nodes = hasFailedOn(node) ? failedOn : append(failedOn, node);
        return new WorkState(unit, giveUp ? WorkStatus.FAILED : WorkStatus.QUEUED, epoch, giveUp ? node : null, 0, 0,
                attempts, failures + 1, nodes, message);
    }

    /** Cancelled with its job; keeps epoch and node, so the holder's calls are refused as stale. */
    WorkState cancelled() {
        return new WorkState(unit, WorkStatus.CANCELLED, epoch, nodeId, 0, 0, attempts, failures, failedOn, lastError);
    }

    /** Given up without a new failure: every node still eligible has failed it before. */
    WorkState givenUp() {
        return new WorkState(unit, WorkStatus.FAILED, epoch, nodeId, 0, 0, attempts, failures, failedOn, lastError);
    }

    private static String[] append(String[] array, String value) {
        String[] longer = Arrays.copyOf(array, array.length + 1);
        longer[array.length] = value;
        return longer;
    }

    // Arrays compare by identity in a record's generated methods; compare them by content.
    @Override
    public boolean equals(Object o) {
        return o instanceof WorkState s && unit.equals(s.unit) && status == s.status && epoch == s.epoch
                && Objects.equals(nodeId, s.nodeId) && leaseExpiresAtMillis == s.leaseExpiresAtMillis
                && leaseMillis == s.leaseMillis && attempts == s.attempts && failures == s.failures
                && Arrays.equals(failedOn, s.failedOn) && Objects.equals(lastError, s.lastError);
    }

    @Override
    public int hashCode() {
        return Objects.hash(unit, status, epoch, nodeId, leaseExpiresAtMillis, attempts, failures,
                Arrays.hashCode(failedOn));
    }

    @Override
    public String toString() {
        return "WorkState[" + unit.key() + " " + status + " epoch " + epoch + " node " + nodeId + " expires "
                + leaseExpiresAtMillis + " attempts " + attempts + " failures " + failures + " on "
                + Arrays.toString(failedOn) + (lastError == null ? "" : " last error: " + lastError) + "]";
    }
}
