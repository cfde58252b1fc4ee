package io.photonfarm.coordinator.schedule;

import io.photonfarm.api.job.JobId;
import io.photonfarm.api.work.Assignment;
import io.photonfarm.api.work.Lease;
import io.photonfarm.api.work.WorkUnit;
import io.photonfarm.api.work.WorkUnitKey;
import java.util.Collection;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import java.util.Optional;

/**
 * The farm's work units and their leases. Every method is safe to call concurrently from any
 * coordinator; each transition is atomic per unit and checks the lease epoch, so a node that lost
 * its lease can neither renew nor complete the unit. Times are epoch milliseconds passed in by the
 * caller (who reads an injected clock), never read inside the store.
 */
public interface WorkStore {

    /**
     * Adds a job's units, all QUEUED.
     *
     * @param priority 0 (lowest) and up; units of higher-priority jobs are claimed first
     * @throws IllegalStateException if the job was added before
     */
    void addJob(JobId jobId, int priority, List<WorkUnit> units);

    /**
     * Leases up to {@code maxUnits} units {@code nodeId} may render, in claim order: the
     * highest-priority, oldest RUNNING job that has not excluded the node first, and within a job
     * the order the units were planned in (so a batch is consecutive units of one job where it can
     * be), skipping units the node failed before. Units of PAUSED, CANCELLED and finished jobs are
     * not handed out. Also records that the node is present (see {@link SchedulingPolicy#nodeActiveMillis()}).
     *
     * @param leaseMillis how long each lease lasts unless renewed, milliseconds
     * @param maxUnits    the most units to lease, >= 1
     * @return the units and their leases, in claim order; empty if there is nothing for this node now
     */
    List<Assignment> claim(String nodeId, long nowMillis, long leaseMillis, int maxUnits);

    /** {@link #claim(String, long, long, int)} of one unit. */
    default Optional<Assignment> claim(String nodeId, long nowMillis, long leaseMillis) {
        return claim(nodeId, nowMillis, leaseMillis, 1).stream().findFirst();
    }

    /**
     * Extends a lease by its duration from {@code nowMillis}. A lease that lapsed but was not yet
     * requeued may still be renewed: nobody else holds the unit.
     *
     * @return the extended lease, or empty if {@code nodeId} does not hold the lease of {@code epoch}
     */
    Optional<Lease> renew(WorkUnitKey key, long epoch, String nodeId, long nowMillis);

    /**
     * Marks a unit done if {@code nodeId} holds the lease of {@code epoch}; see {@link CompleteOutcome}.
     * A lease on a unit of a CANCELLED job is STALE; one of a PAUSED job still completes.
     */
    CompleteOutcome complete(WorkUnitKey key, long epoch, String nodeId);

    /**
     * {@link #complete} of several units held by one node: each unit is checked and changed on its
     * own, atomically and against its own epoch, exactly as {@code complete} would; only the calls
     * to the store are shared.
     *
     * @param epochs the lease epoch the node quotes for each unit
     * @return the outcome of every unit of {@code epochs}
     */
    default Map<WorkUnitKey, CompleteOutcome> completeAll(String nodeId, Map<WorkUnitKey, Long> epochs) {
        Map<WorkUnitKey, CompleteOutcome> outcomes = new HashMap<>();
        epochs.forEach((key, epoch) -> outcomes.put(key, complete(key, epoch, nodeId)));
        return outcomes;
    }

    /**
     * Reports that {@code nodeId} could not render the unit it holds. The unit is retried on a node
     * that has not failed it, or given up (failing its job with {@code message}) once it failed on
     * every present, non-excluded node or {@link SchedulingPolicy#maxFailuresPerUnit()} times. A node
     * that failed {@link SchedulingPolicy#maxFailuresPerNodeInJob()} units of a job gets no more of them.
     *
     * @param message the node's error, shown to the user if the job fails
     */
    FailOutcome fail(WorkUnitKey key, long epoch, String nodeId, String message, long nowMillis);

    /**
     * Requeues every unit whose lease expired at or before {@code nowMillis}; their holders' later
     * renewals and completions are then refused. Call it periodically (see {@link LeaseReaper}).
     *
     * @return how many units were requeued
     */
    int requeueExpired(long nowMillis);

    /**
     * A node leaving cleanly hands back every lease it holds: those units are QUEUED again at once,
     * with no failure counted (the holder's later calls with those epochs are refused as stale), and
     * the node no longer counts as present.
     *
     * @param nowMillis when the node left, epoch milliseconds
     * @return how many units were handed back
     */
    int release(String nodeId, long nowMillis);

    /**
     * Stops handing out the units of a RUNNING job; leases already held may still renew, complete
     * and fail. A claim that raced with the pause on another coordinator may still lease one more
     * batch (see {@link RunningJobs}).
     *
     * @return the job's new state
     * @throws java.util.NoSuchElementException for an unknown job
     * @throws IllegalStateException naming the job and its status if it is not RUNNING
     */
    JobState pause(JobId jobId);

    /**
     * Hands out a PAUSED job's units again.
     *
     * @return the job's new state (COMPLETED may follow at once if its last units finished while paused)
     * @throws java.util.NoSuchElementException for an unknown job
     * @throws IllegalStateException naming the job and its status if it is not PAUSED
     */
    JobState resume(JobId jobId);

    /**
     * Cancels a RUNNING or PAUSED job: its units that are not DONE or FAILED become CANCELLED, and
     * leases held on them are refused from then on (renewals empty, completions and failures STALE).
     *
     * @return the job's new state
     * @throws java.util.NoSuchElementException for an unknown job
     * @throws IllegalStateException naming the job and its status if it is neither RUNNING nor PAUSED
     */
    JobState cancel(JobId jobId);

    /**
     * Changes the priority of a RUNNING or PAUSED job; claims everywhere follow within the time an
     * event takes to reach the other coordinators.
     *
     * @param priority 0 (lowest) and up
     * @return the job's new state
     * @throws java.util.NoSuchElementException for an unknown job
     * @throws IllegalStateException naming the job and its status if it is neither RUNNING nor PAUSED
     */
    JobState setPriority(JobId jobId, int priority);

    /** A job's scheduling state, or empty for an unknown job. */
    Optional<JobState> job(JobId jobId);

    /** Every job the store knows, finished ones included, oldest first. */
    List<JobId> jobIds();

    /** The job's units counted by status, or empty for an unknown job. */
    Optional<JobProgress> progress(JobId jobId);

    /** A unit's stored state, or empty for an unknown unit. */
    Optional<WorkState> state(WorkUnitKey key);

    /** The stored states of several units, in one read where the store can; unknown units are absent. */
    default Map<WorkUnitKey, WorkState> states(Collection<WorkUnitKey> keys) {
        Map<WorkUnitKey, WorkState> found = new HashMap<>();
        for (WorkUnitKey key : keys) {
            state(key).ifPresent(s -> found.put(key, s));
        }
        return found;
    }
}
