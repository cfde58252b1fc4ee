package io.photonfarm.coordinator.schedule;

import com.hazelcast.map.EntryProcessor;
import io.photonfarm.api.work.Lease;
import io.photonfarm.api.work.WorkUnitKey;
import java.util.Arrays;
import java.util.Map;

/**
 * The transitions of a stored {@link WorkState}, each run by Hazelcast on the member owning the
 * unit's partition, one at a time per partition: check and change happen as one step, with no lock.
 *
 * <p>Each processor is deterministic in its fields and the entry (time comes in as a field, never
 * from a clock): Hazelcast re-runs it on the backup replica, which must end in the same state.
 * Processors are Java-serialized (Hazelcast's {@code EntryProcessor} is {@code Serializable}), so
 * their fields are primitives, strings and arrays only; replies and stored states use Compact.
 */
final class HzUnitProcessors {
    private HzUnitProcessors() {
    }

    /** What a claim attempt found. */
    enum ClaimVerdict {
        CLAIMED,
        /** A stale queue entry: the unit is leased, done or failed already. */
        NOT_QUEUED,
        /** The claiming node failed this unit before; it stays queued for others. */
        FAILED_HERE_BEFORE
    }

    record ClaimReply(ClaimVerdict verdict, WorkState state) {
    }

    record FailReply(FailOutcome outcome, WorkState state) {
    }

    /** Leases a QUEUED unit to a node, bumping the epoch. */
    record Claim(String nodeId, long nowMillis, long leaseMillis)
            implements EntryProcessor<WorkUnitKey, WorkState, ClaimReply> {
        @Override
        public ClaimReply process(Map.Entry<WorkUnitKey, WorkState> entry) {
            WorkState s = entry.getValue();
            if (s == null || s.status() != WorkStatus.QUEUED) {
                return new ClaimReply(ClaimVerdict.NOT_QUEUED, null);
            }
            if (s.hasFailedOn(nodeId)) {
                return new ClaimReply(ClaimVerdict.FAILED_HERE_BEFORE, s);
            }
            WorkState next = s.leasedTo(nodeId, nowMillis, leaseMillis);
            entry.setValue(next);
            return new ClaimReply(ClaimVerdict.CLAIMED, next);
        }
    }

    /** Gives a QUEUED unit up if every eligible node has failed it; replies with the new state or null. */
    record GiveUp(String[] eligibleNodes) implements EntryProcessor<WorkUnitKey, WorkState, WorkState> {
        @Override
        public WorkState process(Map.Entry<WorkUnitKey, WorkState> entry) {
            WorkState s = entry.getValue();
            if (s == null || s.status() != WorkStatus.QUEUED || !s.failedOnAll(Arrays.asList(eligibleNodes))) {
                return null;
            }
            WorkState next = s.givenUp();
            entry.setValue(next);
            return next;
        }
    }

    /** Extends the lease held by (epoch, node); replies with the new lease or null. */
    record Renew(long epoch, String nodeId, long nowMillis) implements EntryProcessor<WorkUnitKey, WorkState, Lease> {
        @Override
        public Lease process(Map.Entry<WorkUnitKey, WorkState> entry) {
            WorkState s = entry.getValue();
            if (s == null || !s.heldBy(epoch, nodeId)) {
                return null;
            }
            WorkState next = s.renewedAt(nowMillis);
            entry.setValue(next);
            return next.lease();
        }
    }

    /** Marks the unit held by (epoch, node) DONE; idempotent for that same lease. */
    record Complete(long epoch, String nodeId) implements EntryProcessor<WorkUnitKey, WorkState, CompleteOutcome> {
        @Override
        public CompleteOutcome process(Map.Entry<WorkUnitKey, WorkState> entry) {
            WorkState s = entry.getValue();
            if (s == null) {
                return CompleteOutcome.STALE;
            }
            if (s.status() == WorkStatus.DONE) {
                // The same lease completing again is a retry whose first answer was lost: answer it the same.
                return s.epoch() == epoch && nodeId.equals(s.nodeId())
                        ? CompleteOutcome.ACCEPTED : CompleteOutcome.ALREADY_DONE;
            }
            if (!s.heldBy(epoch, nodeId)) {
                return CompleteOutcome.STALE;
            }
            entry.setValue(s.done());
            return CompleteOutcome.ACCEPTED;
        }
    }

    /**
     * Records the failure of the unit held by (epoch, node): requeued for a retry, or FAILED once it
     * failed {@code maxFailures} times or on every node in {@code eligibleNodes}.
     */
    record Fail(long epoch, String nodeId, String message, String[] eligibleNodes, int maxFailures)
            implements EntryProcessor<WorkUnitKey, WorkState, FailReply> {
        @Override
        public FailReply process(Map.Entry<WorkUnitKey, WorkState> entry) {
            WorkState s = entry.getValue();
            if (s == null || !s.heldBy(epoch, nodeId)) {
                return new FailReply(FailOutcome.STALE, s);
            }
            WorkState retry = s.failedBy(nodeId, message, false);
            boolean giveUp = retry.failures() >= maxFailures || retry.failedOnAll(Arrays.asList(eligibleNodes));
            WorkState next = giveUp ? s.failedBy(nodeId, message, true) : retry;
            entry.setValue(next);
            return new FailReply(giveUp ? FailOutcome.FAILED : FailOutcome.RETRYING, next);
        }
    }

    /** Requeues the unit if its lease expired at or before {@code nowMillis}; replies TRUE if it did, else null. */
    record RequeueIfExpired(long nowMillis) implements EntryProcessor<WorkUnitKey, WorkState, Boolean> {
        @Override
        public Boolean process(Map.Entry<WorkUnitKey, WorkState> entry) {
            WorkState s = entry.getValue();
            if (s == null || s.status() != WorkStatus.LEASED || s.leaseExpiresAtMillis() > nowMillis) {
                return null;
            }
            entry.setValue(s.requeued());
            return Boolean.TRUE;
        }
    }

    /** Cancels a unit that is not final yet; replies TRUE if it did, else null. */
    record CancelUnit() implements EntryProcessor<WorkUnitKey, WorkState, Boolean> {
        @Override
        public Boolean process(Map.Entry<WorkUnitKey, WorkState> entry) {
            WorkState s = entry.getValue();
            if (s == null || (s.status() != WorkStatus.QUEUED && s.status() != WorkStatus.LEASED)) {
                return null;
            }
            entry.setValue(s.cancelled());
            return Boolean.TRUE;
        }
    }

    /**
     * Requeues the unit if {@code nodeId} holds a lease on it (any epoch: the node is handing back
     * everything it holds); no failure is counted. Replies TRUE if it did, else null.
     */
    record Release(String nodeId) implements EntryProcessor<WorkUnitKey, WorkState, Boolean> {
        @Override
        public Boolean process(Map.Entry<WorkUnitKey, WorkState> entry) {
            WorkState s = entry.getValue();
            if (s == null || s.status() != WorkStatus.LEASED || !nodeId.equals(s.nodeId())) {
                return null;
            }
            entry.setValue(s.requeued());
            return Boolean.TRUE;
        }
    }
}
