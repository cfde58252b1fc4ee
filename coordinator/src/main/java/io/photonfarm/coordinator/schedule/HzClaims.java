package io.photonfarm.coordinator.schedule;

import com.hazelcast.collection.IQueue;
import io.photonfarm.api.job.JobId;
import io.photonfarm.api.work.Assignment;
import io.photonfarm.api.work.WorkUnitKey;
import io.photonfarm.coordinator.schedule.HzUnitProcessors.Claim;
import io.photonfarm.coordinator.schedule.HzUnitProcessors.ClaimReply;
import java.util.ArrayList;
import java.util.LinkedHashSet;
import java.util.List;
import java.util.Map;
import java.util.Set;
import java.util.TreeSet;

/**
 * How a node gets work: jobs in claim order ({@link RunningJobs}), and within a job its queue's
 * order, taking up to the wanted number of keys from the queue in one call and claiming them all at
 * once (one entry processor per key, all in flight together). Queue entries are hints (see
 * {@link HzWorkStore}); the processor decides.
 */
final class HzClaims {
    private final HzWorkMaps maps;
    private final RunningJobs running;

    HzClaims(HzWorkMaps maps, RunningJobs running) {
        this.maps = maps;
        this.running = running;
    }

    List<Assignment> claim(String nodeId, long nowMillis, long leaseMillis, int maxUnits) {
        List<Assignment> claimed = new ArrayList<>(Math.min(maxUnits, 64));
        Set<String> present = null; // read only when a rare case needs it
        for (Map.Entry<JobId, JobState> job : running.inOrder()) {
            if (claimed.size() >= maxUnits) {
                break;
            }
            if (maps.excluded(job.getValue(), nodeId)) {
                present = present != null ? present : maps.nodes.present(nowMillis);
                failIfNoNodeMayRun(job.getKey(), job.getValue(), present);
                continue;
            }
            claimFrom(job.getKey(), job.getValue(), nodeId, nowMillis, leaseMillis, maxUnits, claimed);
        }
        return claimed;
    }

    /** Claims from one job's queue until {@code claimed} holds {@code maxUnits}, the queue is empty or the pops run out. */
    private void claimFrom(JobId jobId, JobState job, String nodeId, long nowMillis, long leaseMillis, int maxUnits,
            List<Assignment> claimed) {
        IQueue<WorkUnitKey> queue = maps.queue(jobId);
        List<WorkUnitKey> putBack = new ArrayList<>();
        List<String> eligible = null; // read only if this node meets a unit it failed before
        Claim claim = new Claim(nodeId, nowMillis, leaseMillis);
        try {
            int pops = 0;
            while (claimed.size() < maxUnits && pops < maps.policy.maxPopsPerClaim()) {
                List<WorkUnitKey> drained = new ArrayList<>();
                queue.drainTo(drained, Math.min(maxUnits - claimed.size(), maps.policy.maxPopsPerClaim() - pops));
                if (drained.isEmpty()) {
                    return;
                }
                pops += drained.size();
                // A key may sit in the queue twice; claim it once.
                Set<WorkUnitKey> keys = new LinkedHashSet<>(drained);
                Map<WorkUnitKey, ClaimReply> replies;
                try {
                    replies = keys.size() == 1
                            ? Map.of(drained.get(0), maps.units.executeOnKey(drained.get(0), claim))
                            : maps.onEachKey(keys, key -> claim);
                } catch (RuntimeException e) {
                    // The keys left the queue but the claims' fate is unknown: push them back, stale entries are harmless.
                    putBack.addAll(keys);
                    throw e;
                }
                for (WorkUnitKey key : keys) {
                    ClaimReply reply = replies.get(key);
                    switch (reply.verdict()) {
                        case CLAIMED -> claimed.add(new Assignment(reply.state().lease(), reply.state().unit()));
                        case NOT_QUEUED -> {
                            // A stale entry: the unit was claimed through a duplicate entry, or finished. Drop it.
                        }
                        case FAILED_HERE_BEFORE -> {
                            eligible = eligible != null ? eligible
                                    : List.of(maps.eligibleNodes(job, maps.nodes.present(nowMillis)));
                            if (reply.state().failedOnAll(eligible) && giveUp(key, jobId, eligible)) {
                                return;
                            }
                            putBack.add(key);
                        }
                    }
                }
            }
        } finally {
            if (!putBack.isEmpty()) {
                queue.addAll(putBack);
            }
        }
    }

    /** Fails a unit, and its job, if every node still eligible has failed it; returns whether it did. */
    private boolean giveUp(WorkUnitKey key, JobId jobId, List<String> eligible) {
        WorkState given = maps.units.executeOnKey(key, new HzUnitProcessors.GiveUp(eligible.toArray(String[]::new)));
        if (given == null) {
            return false;
        }
        maps.failJob(jobId, maps.whyGivenUp(given));
        running.invalidate();
        return true;
    }

    private void failIfNoNodeMayRun(JobId jobId, JobState job, Set<String> present) {
        if (present.stream().allMatch(n -> maps.excluded(job, n))) {
            maps.failJob(jobId, "no present node may run job " + jobId + ": each of " + new TreeSet<>(present)
                    + " failed " + maps.policy.maxFailuresPerNodeInJob() + " or more of its units; last error: "
                    + job.lastNodeError());
            running.invalidate();
        }
    }
}
