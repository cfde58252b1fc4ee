package io.photonfarm.coordinator.schedule;

import com.hazelcast.collection.IQueue;
import com.hazelcast.config.Config;
import com.hazelcast.config.IndexConfig;
import com.hazelcast.config.IndexType;
import com.hazelcast.config.MapConfig;
import com.hazelcast.config.QueueConfig;
import com.hazelcast.core.HazelcastInstance;
import com.hazelcast.flakeidgen.FlakeIdGenerator;
import com.hazelcast.map.IMap;
import com.hazelcast.query.Predicate;
import com.hazelcast.query.Predicates;
import io.photonfarm.api.job.JobId;
import io.photonfarm.api.work.Assignment;
import io.photonfarm.api.work.Lease;
import io.photonfarm.api.work.WorkUnit;
import io.photonfarm.api.work.WorkUnitKey;
import io.photonfarm.coordinator.schedule.HzJobProcessors.CountNodeFailure;
import io.photonfarm.coordinator.schedule.HzJobProcessors.FailJob;
import io.photonfarm.coordinator.schedule.HzJobProcessors.FinishJob;
import io.photonfarm.coordinator.schedule.HzJobProcessors.StatusCounter;
import io.photonfarm.coordinator.schedule.HzUnitProcessors.Claim;
import io.photonfarm.coordinator.schedule.HzUnitProcessors.ClaimReply;
import io.photonfarm.coordinator.schedule.HzUnitProcessors.Complete;
import io.photonfarm.coordinator.schedule.HzUnitProcessors.Fail;
import io.photonfarm.coordinator.schedule.HzUnitProcessors.FailReply;
import io.photonfarm.coordinator.schedule.HzUnitProcessors.GiveUp;
import io.photonfarm.coordinator.schedule.HzUnitProcessors.Renew;
import io.photonfarm.coordinator.schedule.HzUnitProcessors.RequeueIfExpired;
import java.util.ArrayList;
import java.util.Comparator;
import java.util.HashMap;
import java.util.HashSet;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.Set;
import java.util.TreeSet;
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
 *     when a member leaves) restores keys lost between a queue poll and its claim;</li>
 * <li>{@code jobs}: IMap of {@link JobState} by job id (priority, order, per-node failure counts);</li>
 * <li>{@code nodes}: IMap of the time each node last claimed, renewed or failed, epoch milliseconds.</li>
 * </ul>
 */
public final class HzWorkStore implements WorkStore, AutoCloseable {
    private static final System.Logger LOG = System.getLogger(HzWorkStore.class.getName());
    private static final Pattern NAMESPACE = Pattern.compile("[A-Za-z0-9][A-Za-z0-9_-]{0,63}");
    /** The path of the job id inside a stored {@link WorkState}, for queries and the index. */
    private static final String JOB_ATTRIBUTE = "unit.key.jobId.value";
    private static final int BATCH = 1_000;
    private static final int MAX_MESSAGE_CHARS = 2_000;

    private final HazelcastInstance hz;
    private final String namespace;
    private final SchedulingPolicy policy;
    private final IMap<WorkUnitKey, WorkState> units;
    private final IMap<JobId, JobState> jobs;
    private final HzNodePresence nodes;
    private final FlakeIdGenerator jobOrder;
    private final HzOrphanSweep orphanSweep;

    /**
     * @param namespace   prefix of every structure, so several stores can share a cluster
     * @param backupCount synchronous backups of every structure; 1 survives the loss of one member
     */
    public HzWorkStore(HazelcastInstance hz, String namespace, int backupCount, SchedulingPolicy policy) {
        if (!NAMESPACE.matcher(namespace).matches()) {
            throw new IllegalArgumentException("work store namespace '" + namespace + "': expected [A-Za-z0-9_-]{1,64}");
        }
        this.hz = hz;
        this.namespace = namespace;
        this.policy = policy;
        declare(hz.getConfig(), namespace, backupCount);
        this.units = hz.getMap(namespace + ".units");
        this.jobs = hz.getMap(namespace + ".jobs");
        this.nodes = new HzNodePresence(hz.getMap(namespace + ".nodes"), policy.nodeActiveMillis());
        this.jobOrder = hz.getFlakeIdGenerator(namespace + ".job-order");
        this.orphanSweep = new HzOrphanSweep(hz, namespace, this::requeueOrphans);
    }

    /** Adds this store's structure configuration (backups, indexes); identical repeats are no-ops. */
    private static void declare(Config config, String namespace, int backupCount) {
        config.addMapConfig(new MapConfig(namespace + ".units").setBackupCount(backupCount)
                .addIndexConfig(new IndexConfig(IndexType.HASH, "status"))
                .addIndexConfig(new IndexConfig(IndexType.HASH, JOB_ATTRIBUTE)));
        config.addMapConfig(new MapConfig(namespace + ".jobs").setBackupCount(backupCount));
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
        JobState previous = jobs.putIfAbsent(jobId, JobState.running(priority, jobOrder.newId(), list.size()));
        if (previous != null) {
            throw new IllegalStateException("adding job " + jobId + ": it exists already (" + previous.status() + ")");
        }
        IQueue<WorkUnitKey> queue = queue(jobId);
        for (int from = 0; from < list.size(); from += BATCH) {
            Map<WorkUnitKey, WorkState> batch = new LinkedHashMap<>();
            for (WorkUnit unit : list.subList(from, Math.min(list.size(), from + BATCH))) {
                batch.put(unit.key(), WorkState.queued(unit));
            }
            units.putAll(batch);
            queue.addAll(batch.keySet());
        }
    }

    @Override
    public Optional<Assignment> claim(String nodeId, long nowMillis, long leaseMillis) {
        requireNode(nodeId);
        if (leaseMillis < 1) {
            throw new IllegalArgumentException("claiming work for node " + nodeId + ": lease of " + leaseMillis
                    + " ms, must be >= 1");
        }
        nodes.seen(nodeId, nowMillis);
        Set<String> present = null; // read only when a rare case needs it
        for (Map.Entry<JobId, JobState> job : runningJobsInOrder()) {
            if (excluded(job.getValue(), nodeId)) {
                present = present != null ? present : nodes.present(nowMillis);
                failIfNoNodeMayRun(job.getKey(), job.getValue(), present);
                continue;
            }
            Optional<Assignment> assignment = claimFrom(job.getKey(), job.getValue(), nodeId, nowMillis, leaseMillis);
            if (assignment.isPresent()) {
                return assignment;
            }
        }
        return Optional.empty();
    }

    private Optional<Assignment> claimFrom(JobId jobId, JobState job, String nodeId, long nowMillis, long leaseMillis) {
        IQueue<WorkUnitKey> queue = queue(jobId);
        List<WorkUnitKey> putBack = new ArrayList<>();
        List<String> eligible = null; // read only if this node meets a unit it failed before
        try {
            for (int pops = 0; pops < policy.maxPopsPerClaim(); pops++) {
                WorkUnitKey key = queue.poll();
                if (key == null) {
                    return Optional.empty();
                }
                ClaimReply reply;
                try {
                    reply = units.executeOnKey(key, new Claim(nodeId, nowMillis, leaseMillis));
                } catch (RuntimeException e) {
                    // The key left the queue but the claim's fate is unknown: push it back, a stale entry is harmless.
                    putBack.add(key);
                    throw e;
                }
                switch (reply.verdict()) {
                    case CLAIMED -> {
                        return Optional.of(new Assignment(reply.state().lease(), reply.state().unit()));
                    }
                    case NOT_QUEUED -> {
                        // A stale entry: the unit was claimed through a duplicate entry, or finished. Drop it.
                    }
                    case FAILED_HERE_BEFORE -> {
                        eligible = eligible != null ? eligible : List.of(eligibleNodes(job, nodes.present(nowMillis)));
                        if (reply.state().failedOnAll(eligible) && giveUp(key, jobId, eligible)) {
                            return Optional.empty();
                        }
                        putBack.add(key);
                    }
                }
            }
            return Optional.empty();
        } finally {
            if (!putBack.isEmpty()) {
                queue.addAll(putBack);
            }
        }
    }

    /** Fails a unit, and its job, if every node still eligible has failed it; returns whether it did. */
    private boolean giveUp(WorkUnitKey key, JobId jobId, List<String> eligible) {
        WorkState given = units.executeOnKey(key, new GiveUp(eligible.toArray(String[]::new)));
        if (given == null) {
            return false;
        }
        failJob(jobId, whyGivenUp(given));
        return true;
    }

    private void failIfNoNodeMayRun(JobId jobId, JobState job, Set<String> present) {
        if (present.stream().allMatch(n -> excluded(job, n))) {
            failJob(jobId, "no present node may run job " + jobId + ": each of " + new TreeSet<>(present)
                    + " failed " + policy.maxFailuresPerNodeInJob() + " or more of its units; last error: "
                    + job.lastNodeError());
        }
    }

    @Override
    public Optional<Lease> renew(WorkUnitKey key, long epoch, String nodeId, long nowMillis) {
        requireNode(nodeId);
        nodes.seen(nodeId, nowMillis);
        return Optional.ofNullable(units.executeOnKey(key, new Renew(epoch, nodeId, nowMillis)));
    }

    @Override
    public CompleteOutcome complete(WorkUnitKey key, long epoch, String nodeId) {
        requireNode(nodeId);
        CompleteOutcome outcome = units.executeOnKey(key, new Complete(epoch, nodeId));
        if (outcome == CompleteOutcome.ACCEPTED) {
            finishIfDone(key.jobId());
        }
        return outcome;
    }

    @Override
    public FailOutcome fail(WorkUnitKey key, long epoch, String nodeId, String message, long nowMillis) {
        requireNode(nodeId);
        String error = message == null || message.isBlank() ? "(no message)"
                : message.length() <= MAX_MESSAGE_CHARS ? message : message.substring(0, MAX_MESSAGE_CHARS) + "...";
        nodes.seen(nodeId, nowMillis);
        JobState job = jobs.get(key.jobId());
        String[] eligible = job == null ? new String[0] : eligibleNodes(job, nodes.present(nowMillis));
        FailReply reply = units.executeOnKey(key, new Fail(epoch, nodeId, error, eligible, policy.maxFailuresPerUnit()));
        if (reply.outcome() == FailOutcome.STALE) {
            return FailOutcome.STALE;
        }
        jobs.executeOnKey(key.jobId(), new CountNodeFailure(nodeId, error));
        if (reply.outcome() == FailOutcome.RETRYING) {
            queue(key.jobId()).offer(key);
        } else {
            failJob(key.jobId(), whyGivenUp(reply.state()));
        }
        return reply.outcome();
    }

    @Override
    public int requeueExpired(long nowMillis) {
        Predicate<WorkUnitKey, WorkState> expired = Predicates.and(Predicates.equal("status", WorkStatus.LEASED.name()),
                Predicates.lessEqual("leaseExpiresAtMillis", nowMillis));
        Map<WorkUnitKey, Boolean> requeued = units.executeOnEntries(new RequeueIfExpired(nowMillis), expired);
        Map<JobId, List<WorkUnitKey>> byJob = new HashMap<>();
        requeued.forEach((key, done) -> {
            if (Boolean.TRUE.equals(done)) {
                byJob.computeIfAbsent(key.jobId(), j -> new ArrayList<>()).add(key);
            }
        });
        int count = 0;
        for (Map.Entry<JobId, List<WorkUnitKey>> e : byJob.entrySet()) {
            queue(e.getKey()).addAll(e.getValue());
            count += e.getValue().size();
        }
        // Also the safety net for a job whose last completion did not get to finish it.
        for (Map.Entry<JobId, JobState> job : runningJobsInOrder()) {
            finishIfDone(job.getKey());
        }
        return count;
    }

    @Override
    public Optional<JobProgress> progress(JobId jobId) {
        JobState job = jobs.get(jobId);
        if (job == null) {
            return Optional.empty();
        }
        int[] c = countByStatus(jobId);
        return Optional.of(new JobProgress(jobId, job.status(), job.units(), c[WorkStatus.QUEUED.ordinal()],
                c[WorkStatus.LEASED.ordinal()], c[WorkStatus.DONE.ordinal()], c[WorkStatus.FAILED.ordinal()],
                job.error()));
    }

    @Override
    public Optional<WorkState> state(WorkUnitKey key) {
        return Optional.ofNullable(units.get(key));
    }

    /**
     * Pushes every QUEUED unit of a running job that is missing from its job's queue back into it.
     * A key goes missing when the member that polled it dies before claiming it; {@link HzOrphanSweep}
     * runs this on the oldest member whenever a member leaves. It reads whole queues: call it rarely.
     *
     * @return how many keys were pushed back
     */
    public int requeueOrphans() {
        int pushed = 0;
        for (Map.Entry<JobId, JobState> job : runningJobsInOrder()) {
            JobId jobId = job.getKey();
            Set<WorkUnitKey> missing = new HashSet<>(units.keySet(Predicates.and(
                    Predicates.equal(JOB_ATTRIBUTE, jobId.value()), Predicates.equal("status", WorkStatus.QUEUED.name()))));
            IQueue<WorkUnitKey> queue = queue(jobId);
            missing.removeAll(new HashSet<>(queue));
            queue.addAll(missing);
            pushed += missing.size();
        }
        return pushed;
    }

    @Override
    public void close() {
        orphanSweep.close();
    }

    private void finishIfDone(JobId jobId) {
        // The count reads every unit of the job; the empty queue makes it rare (only the last units get here).
        if (!queue(jobId).isEmpty()) {
            return;
        }
        JobState job = jobs.get(jobId);
        if (job != null && job.status() == JobStatus.RUNNING
                && countByStatus(jobId)[WorkStatus.DONE.ordinal()] == job.units()) {
            jobs.executeOnKey(jobId, new FinishJob());
        }
    }

    private void failJob(JobId jobId, String why) {
        if (Boolean.TRUE.equals(jobs.executeOnKey(jobId, new FailJob(why)))) {
            LOG.log(System.Logger.Level.WARNING, "job {0} failed: {1}", jobId, why);
        }
        queue(jobId).clear();
    }

    private String whyGivenUp(WorkState s) {
        String reason = s.failures() >= policy.maxFailuresPerUnit()
                ? "reached the limit of " + policy.maxFailuresPerUnit() + " failures"
                : "every present node has failed it";
        return "unit " + s.key() + " failed " + s.failures() + (s.failures() == 1 ? " time" : " times") + " on nodes "
                + s.failedOnNodes() + ", " + reason + "; last error: " + s.lastError();
    }

    private List<Map.Entry<JobId, JobState>> runningJobsInOrder() {
        List<Map.Entry<JobId, JobState>> running = new ArrayList<>(
                jobs.entrySet(Predicates.equal("status", JobStatus.RUNNING.name())));
        running.sort(Comparator.comparing((Map.Entry<JobId, JobState> e) -> -e.getValue().priority())
                .thenComparingLong(e -> e.getValue().order()));
        return running;
    }

    private boolean excluded(JobState job, String nodeId) {
        return job.failuresOf(nodeId) >= policy.maxFailuresPerNodeInJob();
    }

    private String[] eligibleNodes(JobState job, Set<String> present) {
        return present.stream().filter(n -> !excluded(job, n)).sorted().toArray(String[]::new);
    }

    private int[] countByStatus(JobId jobId) {
        return units.aggregate(new StatusCounter(), Predicates.equal(JOB_ATTRIBUTE, jobId.value()));
    }

    private IQueue<WorkUnitKey> queue(JobId jobId) {
        return hz.getQueue(namespace + ".work." + jobId.value());
    }

    private static void requireNode(String nodeId) {
        if (nodeId == null || nodeId.isBlank()) {
            throw new IllegalArgumentException("node id must be set, got " + (nodeId == null ? "null" : "'" + nodeId + "'"));
        }
    }
}
