package io.photonfarm.coordinator.schedule;

import io.photonfarm.api.job.JobId;
import io.photonfarm.api.work.Assignment;
import io.photonfarm.api.work.Lease;
import io.photonfarm.api.work.WorkUnit;
import io.photonfarm.api.work.WorkUnitKey;
import java.util.List;
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
     * Leases the next unit {@code nodeId} may render: from the highest-priority, oldest running job
     * that has not excluded the node, skipping units the node failed before. Also records that the
     * node is present (see {@link SchedulingPolicy#nodeActiveMillis()}).
     *
     * @param leaseMillis how long the lease lasts unless renewed, milliseconds
     * @return the unit and its lease, or empty if there is nothing for this node now
     */
    Optional<Assignment> claim(String nodeId, long nowMillis, long leaseMillis);

    /**
     * Extends a lease by its duration from {@code nowMillis}. A lease that lapsed but was not yet
     * requeued may still be renewed: nobody else holds the unit.
     *
     * @return the extended lease, or empty if {@code nodeId} does not hold the lease of {@code epoch}
     */
    Optional<Lease> renew(WorkUnitKey key, long epoch, String nodeId, long nowMillis);

    /** Marks a unit done if {@code nodeId} holds the lease of {@code epoch}; see {@link CompleteOutcome}. */
    CompleteOutcome complete(WorkUnitKey key, long epoch, String nodeId);

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

    /** The job's units counted by status, or empty for an unknown job. */
    Optional<JobProgress> progress(JobId jobId);

    /** A unit's stored state, or empty for an unknown unit. */
    Optional<WorkState> state(WorkUnitKey key);
}
