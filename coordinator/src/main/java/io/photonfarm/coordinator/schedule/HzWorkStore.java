package io.photonfarm.coordinator.schedule;

import com.hazelcast.collection.IQueue;
import com.hazelcast.config.Config;
import com.hazelcast.config.IndexConfig;
import com.hazelcast.config.IndexType;
import com.hazelcast.config.MapConfig;
import com.hazelcast.config.QueueConfig;
import com.hazelcast.core.HazelcastInstance;
import com.hazelcast.flakeidgen.FlakeIdGenerator;
import com.hazelcast.query.Predicate;
import com.hazelcast.query.Predicates;
import io.photonfarm.api.job.JobId;
import io.photonfarm.api.work.Assignment;
import io.photonfarm.api.work.Lease;
import io.photonfarm.api.work.WorkUnit;
import io.photonfarm.api.work.WorkUnitKey;
import io.photonfarm.coordinator.schedule.HzJobProcessors.CountNodeFailure;
import io.photonfarm.coordinator.schedule.HzJobProcessors.FinishJob;
import io.photonfarm.coordinator.schedule.HzUnitProcessors.Complete;
import io.photonfarm.coordinator.schedule.HzUnitProcessors.Fail;
import io.photonfarm.coordinator.schedule.HzUnitProcessors.FailReply;
import io.photonfarm.coordinator.schedule.HzUnitProcessors.Release;
import io.photonfarm.coordinator.schedule.HzUnitProcessors.Renew;
import io.photonfarm.coordinator.schedule.HzUnitProcessors.RequeueIfExpired;
import io.photonfarm.coordinator.store.Durability;
import io.photonfarm.coordinator.store.WritePolicy;
import java.util.ArrayList;
import java.util.Collection;
import java.util.Comparator;
import java.util.HashSet;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.Set;
import java.util.regex.Pattern;

/**
 * {@link WorkStore} on Hazelcast. Structures, all named {@code <namespace>.*}:
 * <ul>
 * <li>{@code units}: IMap of {@link WorkState} by unit key, changed only by the entry processors of
 *     {@link HzUnitProcessors}, indexed by status and job;</li>
 * <li>{@code work.<jobId>}: one IQueue of candidate unit keys per job. An entry is a hint, not a
 *     claim: the {@code Claim} processor skips a unit that is no longer QUEUED, so stale or duplicate
 *     entries are harmless, while a QUEUED unit missing from its queue would never run. Every
 *     transition back to QUEUED therefore pushes the key again, and {@link #requeueOrphans()} (run
 *     when a member leaves, and when a store starts) restores keys lost between a queue poll and its
 *     claim, or lost with the whole cluster: queues are never stored in the database;</li>
 * <li>{@code jobs}: IMap of {@link JobState} by job id (status, priority, order, per-node failure
 *     counts), changed only by the entry processors of {@link HzJobProcessors};</li>
 * <li>{@code nodes}: IMap of the time each node was last heard from, epoch milliseconds (not stored:
 *     after a restart every node is new again).</li>
 * </ul>
 *
 * <p>With {@link Durability} enabled, {@code jobs} is written through (rare changes that must never
 * be lost) and {@code units} as {@code unitWrites} says; see {@link #DEFAULT_UNIT_WRITES}. After every
 * member restarts on the same database, units and jobs load back as they were: DONE units stay done,
 * LEASED units keep their lease (renew or complete it with its epoch, or let the reaper requeue it),
 * and the queues are rebuilt from the QUEUED units of RUNNING and PAUSED jobs.
 */
public final class HzWorkStore implements WorkStore, AutoCloseable {
    private static final Pattern NAMESPACE = Pattern.compile("[A-Za-z0-9][A-Za-z0-9_-]{0,63}");
    private static final int BATCH = 1_000;
    private static final int MAX_MESSAGE_CHARS = 2_000;
    /** The safety-net lifetime of the local copy of the running jobs; events normally refresh it sooner. */
    private static final long RUNNING_JOBS_TTL_MILLIS = 1_000;
    /**
     * Unit changes are written behind, 1 s late. Every claim and every completion changes a unit, and
     * on a 2-core machine with embedded H2 write-through carried about 1,200-1,500 claim+complete
     * pairs per second (about 3,000 with H2's default 500 ms commit delay, which a killed process
     * loses anyway) against 8,000-14,000 in memory or written behind (measured with 4 threads on the store itself),
     * short of the farm's 5,000. The cost: if every member dies at once, the last second of unit
     * changes is lost, so a unit completed in it is rendered again (the frame ledger, written through,
     * still knows it was done and does not count it twice), and a lease granted in it is forgotten
     * (the unit is QUEUED again; the holder's completion is refused as stale). One member dying loses
     * nothing: its pending writes are backed up on the others.
     */
    public static final WritePolicy DEFAULT_UNIT_WRITES = WritePolicy.behind(1);

    private final String namespace;
    private final HzWorkMaps maps;
    private final RunningJobs running;
    private final HzClaims claims;
    private final HzJobControls controls;
    private final FlakeIdGenerator jobOrder;
    private final HzOrphanSweep orphanSweep;

    /** An in-memory store: state lives as long as some member does. */
    public HzWorkStore(HazelcastInstance hz, String namespace, int backupCount, SchedulingPolicy policy) {
        this(hz, namespace, backupCount, policy, Durability.none(), DEFAULT_UNIT_WRITES);
    }

    /**
     * @param namespace   prefix of every structure, so several stores can share a cluster
     * @param backupCount synchronous backups of every structure; 1 survives the loss of one member
     * @param durability  where units and jobs are stored, or {@link Durability#none()}; every member must
     *                    pass the same (Hazelcast refuses a conflicting map configuration)
     * @param unitWrites  when unit changes reach the database (ignored without durability)
     */
    public HzWorkStore(HazelcastInstance hz, String namespace, int backupCount, SchedulingPolicy policy,
            Durability durability, WritePolicy unitWrites) {
        if (!NAMESPACE.matcher(namespace).matches()) {
            throw new IllegalArgumentException("work store namespace '" + namespace + "': expected [A-Za-z0-9_-]{1,64}");
        }
        this.namespace = namespace;
        declare(hz.getConfig(), namespace, backupCount, durability, unitWrites);
        this.maps = new HzWorkMaps(hz, namespace, policy);
        this.running = new RunningJobs(maps.jobs, RUNNING_JOBS_TTL_MILLIS);
        this.claims = new HzClaims(maps, running);
        this.controls = new HzJobControls(maps, running, this::finishIfDone);
        this.jobOrder = hz.getFlakeIdGenerator(namespace + ".job-order");
        this.orphanSweep = new HzOrphanSweep(hz, namespace, this::requeueOrphans);
        // After a restart on a durable store the queues are empty; elsewhere this finds nothing missing.
        requeueOrphans();
    }

    /** Adds this store's structure configuration (backups, indexes, map stores); identical repeats are no-ops. */
    private static void declare(Config config, String namespace, int backupCount, Durability durability,
            WritePolicy unitWrites) {
        config.addMapConfig(durability.apply(new MapConfig(namespace + ".units").setBackupCount(backupCount)
                .addIndexConfig(new IndexConfig(IndexType.HASH, "status"))
                .addIndexConfig(new IndexConfig(IndexType.HASH, HzWorkMaps.JOB_ATTRIBUTE)),
                WorkUnitKey.class, WorkState.class, unitWrites));
        config.addMapConfig(durability.apply(new MapConfig(namespace + ".jobs").setBackupCount(backupCount),
                JobId.class, JobState.class, WritePolicy.THROUGH));
        config.addMapConfig(new MapConfig(namespace + ".nodes").setBackupCount(backupCount));
        config.addQueueConfig(new QueueConfig(namespace + ".work.*").setBackupCount(backupCount));
    }

    @Override
    public void addJob(JobId jobId, int priority, List<WorkUnit> list) {
        if (list.isEmpty()) {
            throw new IllegalArgumentException("adding job " + jobId + ": it has no work units");
        }
        for (WorkUnit unit : list) {
            if (!unit.key().jobId().equals(jobId)) {
                throw new IllegalArgumentException("adding job " + jobId + ": unit " + unit.key() + " belongs to another job");
            }
        }
        JobState previous = maps.jobs.putIfAbsent(jobId, JobState.running(priority, jobOrder.newId(), list.size()));
        if (previous != null) {
            throw new IllegalStateException("adding job " + jobId + ": it exists already (" + previous.status() + ")");
        }
        running.invalidate();
        IQueue<WorkUnitKey> queue = maps.queue(jobId);
        for (int from = 0; from < list.size(); from += BATCH) {
            Map<WorkUnitKey, WorkState> batch = new LinkedHashMap<>();
            for (WorkUnit unit : list.subList(from, Math.min(list.size(), from + BATCH))) {
                batch.put(unit.key(), WorkState.queued(unit));
            }
            maps.units.putAll(batch);
            queue.addAll(batch.keySet());
        }
        // The job is written through; its units must be in the database as soon, or a cluster crash
        // within the write-behind delay would leave a stored job without its units.
        maps.units.flush();
    }

    @Override
    public List<Assignment> claim(String nodeId, long nowMillis, long leaseMillis, int maxUnits) {
        requireNode(nodeId);
        if (leaseMillis < 1 || maxUnits < 1) {
            throw new IllegalArgumentException("claiming work for node " + nodeId + ": lease of " + leaseMillis
                    + " ms and " + maxUnits + " units, both must be >= 1");
        }
        maps.nodes.seen(nodeId, nowMillis);
        return claims.claim(nodeId, nowMillis, leaseMillis, maxUnits);
    }

    @Override
    public Optional<Lease> renew(WorkUnitKey key, long epoch, String nodeId, long nowMillis) {
        requireNode(nodeId);
        maps.nodes.seen(nodeId, nowMillis);
        return Optional.ofNullable(maps.units.executeOnKey(key, new Renew(epoch, nodeId, nowMillis)));
    }

    @Override
    public CompleteOutcome complete(WorkUnitKey key, long epoch, String nodeId) {
        requireNode(nodeId);
        CompleteOutcome outcome = maps.units.executeOnKey(key, new Complete(epoch, nodeId));
        if (outcome == CompleteOutcome.ACCEPTED) {
            finishIfDone(key.jobId());
        }
        return outcome;
    }

    @Override
    public Map<WorkUnitKey, CompleteOutcome> completeAll(String nodeId, Map<WorkUnitKey, Long> epochs) {
        requireNode(nodeId);
        if (epochs.isEmpty()) {
            return Map.of();
        }
        Map<WorkUnitKey, CompleteOutcome> outcomes = maps.onEachKey(epochs.keySet(),
                key -> new Complete(epochs.get(key), nodeId));
        Set<JobId> finished = new HashSet<>();
        outcomes.forEach((key, outcome) -> {
            if (outcome == CompleteOutcome.ACCEPTED) {
                finished.add(key.jobId());
            }
        });
        finished.forEach(this::finishIfDone);
        return outcomes;
    }

    @Override
    public FailOutcome fail(WorkUnitKey key, long epoch, String nodeId, String message, long nowMillis) {
        requireNode(nodeId);
        String error = message == null || message.isBlank() ? "(no message)"
                : message.length() <= MAX_MESSAGE_CHARS ? message : message.substring(0, MAX_MESSAGE_CHARS) + "...";
        maps.nodes.seen(nodeId, nowMillis);
        JobState job = maps.jobs.get(key.jobId());
        String[] eligible = job == null ? new String[0] : maps.eligibleNodes(job, maps.nodes.present(nowMillis));
        FailReply reply = maps.units.executeOnKey(key,
                new Fail(epoch, nodeId, error, eligible, maps.policy.maxFailuresPerUnit()));
        if (reply.outcome() == FailOutcome.STALE) {
            return FailOutcome.STALE;
        }
        maps.jobs.executeOnKey(key.jobId(), new CountNodeFailure(nodeId, error));
        // This member's next claim must see the count at once, not when the map event arrives.
        running.invalidate();
        if (reply.outcome() == FailOutcome.RETRYING) {
            maps.queue(key.jobId()).offer(key);
        } else {
            maps.failJob(key.jobId(), maps.whyGivenUp(reply.state()));
            running.invalidate();
        }
        return reply.outcome();
    }

    @Override
    public int requeueExpired(long nowMillis) {
        Predicate<WorkUnitKey, WorkState> expired = Predicates.and(Predicates.equal("status", WorkStatus.LEASED.name()),
                Predicates.lessEqual("leaseExpiresAtMillis", nowMillis));
        int count = maps.pushBack(maps.units.executeOnEntries(new RequeueIfExpired(nowMillis), expired));
        // Also the safety net for a job whose last completion did not get to finish it.
        for (Map.Entry<JobId, JobState> job : running.inOrder()) {
            finishIfDone(job.getKey());
        }
        return count;
    }

    @Override
    public int release(String nodeId, long nowMillis) {
        requireNode(nodeId);
        Predicate<WorkUnitKey, WorkState> held = Predicates.and(Predicates.equal("status", WorkStatus.LEASED.name()),
                Predicates.equal("nodeId", nodeId));
        int count = maps.pushBack(maps.units.executeOnEntries(new Release(nodeId), held));
        maps.nodes.forget(nodeId);
        return count;
    }

    @Override
    public JobState pause(JobId jobId) {
        return controls.pause(jobId);
    }

    @Override
    public JobState resume(JobId jobId) {
        return controls.resume(jobId);
    }

    @Override
    public JobState cancel(JobId jobId) {
        return controls.cancel(jobId);
    }

    @Override
    public JobState setPriority(JobId jobId, int priority) {
        return controls.setPriority(jobId, priority);
    }

    @Override
    public Optional<JobState> job(JobId jobId) {
        return Optional.ofNullable(maps.jobs.get(jobId));
    }

    @Override
    public List<JobId> jobIds() {
        List<Map.Entry<JobId, JobState>> all = new ArrayList<>(maps.jobs.entrySet());
        all.sort(Comparator.comparingLong(e -> e.getValue().order()));
        return all.stream().map(Map.Entry::getKey).toList();
    }

    @Override
    public Optional<JobProgress> progress(JobId jobId) {
        JobState job = maps.jobs.get(jobId);
        if (job == null) {
            return Optional.empty();
        }
        int[] c = maps.countByStatus(jobId);
        return Optional.of(new JobProgress(jobId, job.status(), job.units(), c[WorkStatus.QUEUED.ordinal()],
                c[WorkStatus.LEASED.ordinal()], c[WorkStatus.DONE.ordinal()], c[WorkStatus.FAILED.ordinal()],
                job.error()));
    }

    @Override
    public Optional<WorkState> state(WorkUnitKey key) {
        return Optional.ofNullable(maps.units.get(key));
    }

    @Override
    public Map<WorkUnitKey, WorkState> states(Collection<WorkUnitKey> keys) {
        if (keys.isEmpty()) {
            return Map.of();
        }
        return maps.units.getAll(keys instanceof Set<WorkUnitKey> set ? set : new HashSet<>(keys));
    }

    /**
     * Pushes every QUEUED unit of a RUNNING or PAUSED job that is missing from its job's queue back
     * into it, in planner order. A key goes missing when the member that polled it dies before
     * claiming it ({@link HzOrphanSweep} runs this on the oldest member whenever a member leaves), and
     * every key is missing after the whole cluster restarted on a durable store (each store runs this
     * when it starts). It reads whole queues: call it rarely.
     *
     * @return how many keys were pushed back
     */
    public int requeueOrphans() {
        int pushed = 0;
        Predicate<JobId, JobState> active = Predicates.in("status", JobStatus.RUNNING.name(), JobStatus.PAUSED.name());
        for (JobId jobId : maps.jobs.keySet(active)) {
            Set<WorkUnitKey> missing = new HashSet<>(maps.units.keySet(Predicates.and(
                    HzWorkMaps.ofJob(jobId), Predicates.equal("status", WorkStatus.QUEUED.name()))));
            IQueue<WorkUnitKey> queue = maps.queue(jobId);
            missing.removeAll(new HashSet<>(queue));
            List<WorkUnitKey> ordered = new ArrayList<>(missing);
            ordered.sort(HzWorkMaps.PLAN_ORDER);
            queue.addAll(ordered);
            pushed += missing.size();
        }
        return pushed;
    }

    @Override
    public void close() {
        orphanSweep.close();
        running.close();
    }

    private void finishIfDone(JobId jobId) {
        // The count reads every unit of the job; the empty queue makes it rare (only the last units get
        // here), and while one of its units is still leased (an indexed query) it cannot be done.
        if (!maps.queue(jobId).isEmpty()) {
            return;
        }
        if (!maps.units.keySet(Predicates.and(Predicates.equal("status", WorkStatus.LEASED.name()),
                HzWorkMaps.ofJob(jobId))).isEmpty()) {
            return;
        }
        JobState job = maps.jobs.get(jobId);
        if (job != null && job.status() == JobStatus.RUNNING
                && maps.countByStatus(jobId)[WorkStatus.DONE.ordinal()] == job.units()) {
            maps.jobs.executeOnKey(jobId, new FinishJob());
            running.invalidate();
        }
    }

    private static void requireNode(String nodeId) {
        if (nodeId == null || nodeId.isBlank()) {
            throw new IllegalArgumentException("node id must be set, got " + (nodeId == null ? "null" : "'" + nodeId + "'"));
        }
    }
}
