package io.photonfarm.coordinator.schedule;

import com.hazelcast.collection.IQueue;
import com.hazelcast.core.HazelcastInstance;
import com.hazelcast.map.EntryProcessor;
import com.hazelcast.map.IMap;
import com.hazelcast.query.Predicate;
import com.hazelcast.query.Predicates;
import io.photonfarm.api.job.JobId;
import io.photonfarm.api.work.WorkUnitKey;
import io.photonfarm.coordinator.schedule.HzJobProcessors.FailJob;
import io.photonfarm.coordinator.schedule.HzJobProcessors.StatusCounter;
import java.util.ArrayList;
import java.util.Collection;
import java.util.Comparator;
import java.util.HashMap;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Set;
import java.util.concurrent.CompletableFuture;
import java.util.concurrent.CompletionException;
import java.util.function.Function;

/** The Hazelcast structures of one work store namespace, and the small steps its parts share. */
final class HzWorkMaps {
    private static final System.Logger LOG = System.getLogger(HzWorkMaps.class.getName());
    /** The path of the job id inside a stored {@link WorkState}, for queries and the index. */
    static final String JOB_ATTRIBUTE = "unit.key.jobId.value";
    /** Planner order (frame, then sample range, then tile): queues rebuilt in it render frames in turn. */
    static final Comparator<WorkUnitKey> PLAN_ORDER = Comparator.comparingInt(WorkUnitKey::frame)
            .thenComparingInt(WorkUnitKey::rangeIndex).thenComparingInt(WorkUnitKey::tileIndex);

    final HazelcastInstance hz;
    final String namespace;
    final SchedulingPolicy policy;
    final IMap<WorkUnitKey, WorkState> units;
    final IMap<JobId, JobState> jobs;
    final HzNodePresence nodes;

    HzWorkMaps(HazelcastInstance hz, String namespace, SchedulingPolicy policy) {
        this.hz = hz;
        this.namespace = namespace;
        this.policy = policy;
        this.units = hz.getMap(namespace + ".units");
        this.jobs = hz.getMap(namespace + ".jobs");
        this.nodes = new HzNodePresence(hz.getMap(namespace + ".nodes"), policy.nodeActiveMillis());
    }

    IQueue<WorkUnitKey> queue(JobId jobId) {
        return hz.getQueue(namespace + ".work." + jobId.value());
    }

    static Predicate<WorkUnitKey, WorkState> ofJob(JobId jobId) {
        return Predicates.equal(JOB_ATTRIBUTE, jobId.value());
    }

    int[] countByStatus(JobId jobId) {
        return units.aggregate(new StatusCounter(), ofJob(jobId));
    }

    /**
     * Runs {@code processor} on every key, one operation per key with all of them in flight at once,
     * and waits for every reply. Not {@code executeOnKeys}: Hazelcast sends the whole key set to each
     * partition involved, which hashes every key again (n^2 key hashes for n keys in n partitions).
     *
     * @throws RuntimeException the first failure, unwrapped, once every operation has finished
     */
    <R> Map<WorkUnitKey, R> onEachKey(Collection<WorkUnitKey> keys,
            Function<WorkUnitKey, EntryProcessor<WorkUnitKey, WorkState, R>> processor) {
        Map<WorkUnitKey, CompletableFuture<R>> pending = new LinkedHashMap<>();
        for (WorkUnitKey key : keys) {
            pending.put(key, units.submitToKey(key, processor.apply(key)).toCompletableFuture());
        }
        Map<WorkUnitKey, R> replies = new LinkedHashMap<>();
        RuntimeException failure = null;
        for (Map.Entry<WorkUnitKey, CompletableFuture<R>> e : pending.entrySet()) {
            try {
                replies.put(e.getKey(), e.getValue().join());
            } catch (CompletionException ex) {
                RuntimeException cause = ex.getCause() instanceof RuntimeException r ? r : ex;
                failure = failure != null ? failure : cause;
            }
        }
        if (failure != null) {
            throw failure;
        }
        return replies;
    }

    /** Pushes the keys a bulk processor answered TRUE for back into their jobs' queues; returns how many. */
    int pushBack(Map<WorkUnitKey, Boolean> replies) {
        Map<JobId, List<WorkUnitKey>> byJob = new HashMap<>();
        replies.forEach((key, done) -> {
            if (Boolean.TRUE.equals(done)) {
                byJob.computeIfAbsent(key.jobId(), j -> new ArrayList<>()).add(key);
            }
        });
        int count = 0;
        for (Map.Entry<JobId, List<WorkUnitKey>> e : byJob.entrySet()) {
            e.getValue().sort(PLAN_ORDER);
            queue(e.getKey()).addAll(e.getValue());
            count += e.getValue().size();
        }
        return count;
    }

    void failJob(JobId jobId, String why) {
        if (Boolean.TRUE.equals(jobs.executeOnKey(jobId, new FailJob(why)))) {
            LOG.log(System.Logger.Level.WARNING, "job {0} failed: {1}", jobId, why);
        }
        queue(jobId).clear();
    }

    boolean excluded(JobState job, String nodeId) {
        return job.failuresOf(nodeId) >= policy.maxFailuresPerNodeInJob();
    }

    String[] eligibleNodes(JobState job, Set<String> present) {
        return present.stream().filter(n -> !excluded(job, n)).sorted().toArray(String[]::new);
    }

    String whyGivenUp(WorkState s) {
        String reason = s.failures() >= policy.maxFailuresPerUnit()
                ? "reached the limit of " + policy.maxFailuresPerUnit() + " failures"
                : "every present node has failed it";
        return "unit " + s.key() + " failed " + s.failures() + (s.failures() == 1 ? " time" : " times") + " on nodes "
                + s.failedOnNodes() + ", " + reason + "; last error: " + s.lastError();
    }
}
