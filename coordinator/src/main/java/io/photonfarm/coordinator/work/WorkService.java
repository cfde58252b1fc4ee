package io.photonfarm.coordinator.work;

import io.photonfarm.api.event.JobChangedEvent;
import io.photonfarm.api.event.NodeEvent;
import io.photonfarm.api.job.JobId;
import io.photonfarm.api.job.JobSpec;
import io.photonfarm.api.node.Heartbeat;
import io.photonfarm.api.node.HeartbeatReply;
import io.photonfarm.api.node.NodeHello;
import io.photonfarm.api.node.NodeWelcome;
import io.photonfarm.api.tile.MalformedTileResultException;
import io.photonfarm.api.tile.TileResultCodec;
import io.photonfarm.api.work.Assignment;
import io.photonfarm.api.work.ClaimReply;
import io.photonfarm.api.work.FailReport;
import io.photonfarm.api.work.Lease;
import io.photonfarm.api.work.LeaseRef;
import io.photonfarm.api.work.RenewReply;
import io.photonfarm.api.work.RenewRequest;
import io.photonfarm.api.work.ResultBatch;
import io.photonfarm.api.work.ResultBatchReply;
import io.photonfarm.api.work.UnitOutcome;
import io.photonfarm.api.work.WorkGrant;
import io.photonfarm.api.work.WorkUnitKey;
import io.photonfarm.coordinator.events.EventBus;
import io.photonfarm.coordinator.jobs.JobCatalog;
import io.photonfarm.coordinator.jobs.JobRecord;
import io.photonfarm.coordinator.jobs.ProgressNotifier;
import io.photonfarm.coordinator.jobs.UnknownJobException;
import io.photonfarm.coordinator.nodes.NodeRecord;
import io.photonfarm.coordinator.nodes.NodeRegistry;
import io.photonfarm.coordinator.nodes.UnitSizer;
import io.photonfarm.coordinator.schedule.CompleteOutcome;
import io.photonfarm.coordinator.schedule.FailOutcome;
import io.photonfarm.coordinator.schedule.WorkState;
import io.photonfarm.coordinator.schedule.WorkStatus;
import io.photonfarm.coordinator.schedule.WorkStore;
import java.io.IOException;
import java.io.UncheckedIOException;
import java.time.InstantSource;
import java.util.ArrayList;
import java.util.HashMap;
import java.util.HashSet;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Set;
import java.util.concurrent.CompletableFuture;
import java.util.concurrent.ScheduledExecutorService;
import java.util.concurrent.TimeUnit;

/**
 * The node work protocol, free of HTTP: registration, heartbeats, claims (with long poll),
 * renewals, results and failures. Every transition of a unit goes through the {@link WorkStore},
 * which checks lease epochs; this class adds validation of what nodes send and the order in which
 * results are stored (see {@link FrameOutput}).
 */
public final class WorkService {
    private static final System.Logger LOG = System.getLogger(WorkService.class.getName());

    private final WorkStore store;
    private final JobCatalog jobs;
    private final NodeRegistry nodes;
    private final FrameOutput output;
    private final EventBus events;
    private final InstantSource clock;
    private final ScheduledExecutorService timer;
    private final WorkTiming timing;
    private final UnitSizer sizer;
    private final ResultCheck resultCheck;
    private final long maxResultBytes;
    private final ProgressNotifier progress;

    public WorkService(WorkStore store, JobCatalog jobs, NodeRegistry nodes, FrameOutput output, EventBus events,
            InstantSource clock, ScheduledExecutorService timer, WorkTiming timing, UnitSizer sizer, long maxTilePixels,
            ProgressNotifier progress) {
        this.store = store;
        this.jobs = jobs;
        this.nodes = nodes;
        this.output = output;
        this.events = events;
        this.clock = clock;
        this.timer = timer;
        this.timing = timing;
        this.sizer = sizer;
        this.resultCheck = new ResultCheck(maxTilePixels);
        this.maxResultBytes = TileResultCodec.OVERHEAD_BYTES + maxTilePixels * 3 * Long.BYTES;
        this.progress = progress;
    }

    /** The largest encoded tile result a node may upload, bytes. */
    public long maxResultBytes() {
        return maxResultBytes;
    }

    public NodeWelcome register(NodeHello hello) {
        NodeRecord r = nodes.register(hello, clock.millis());
        LOG.log(System.Logger.Level.INFO, "node {0} registered: {1} on {2}", r.nodeId(), hello.name(), hello.device().name());
        events.publish(new NodeEvent(clock.millis(), "joined", r.nodeId(), hello.name(), hello.device().name()));
        return new NodeWelcome(r.nodeId(), timing.leaseMillis(), timing.heartbeatMillis(), timing.maxClaimWaitMillis());
    }

    public HeartbeatReply heartbeat(String nodeId, Heartbeat beat) {
        return new HeartbeatReply(nodes.heartbeat(nodeId, beat, clock.millis())
                .orElseThrow(() -> new UnknownNodeException(nodeId)));
    }

    /**
     * Leases work to a node, waiting up to {@code waitMillis} (capped by the timing) for some to appear.
     *
     * @param maxUnits the node's own cap on units in this claim; 0 or less for none
     */
    public CompletableFuture<ClaimReply> claim(String nodeId, long waitMillis, int maxUnits) {
        NodeRecord node = nodes.get(nodeId).orElseThrow(() -> new UnknownNodeException(nodeId));
        if (node.left()) {
            throw new UnknownNodeException(nodeId);
        }
        long deadline = clock.millis() + Math.max(0, Math.min(waitMillis, timing.maxClaimWaitMillis()));
        CompletableFuture<ClaimReply> reply = new CompletableFuture<>();
        attemptClaim(nodeId, maxUnits, deadline, reply);
        return reply;
    }

    private void attemptClaim(String nodeId, int maxUnits, long deadline, CompletableFuture<ClaimReply> reply) {
        try {
            List<WorkGrant> grants = claimNow(nodeId, maxUnits);
            long now = clock.millis();
            if (!grants.isEmpty() || now >= deadline) {
                reply.complete(new ClaimReply(grants));
            } else {
                timer.schedule(() -> attemptClaim(nodeId, maxUnits, deadline, reply),
                        Math.min(timing.claimPollMillis(), deadline - now), TimeUnit.MILLISECONDS);
            }
        } catch (RuntimeException e) {
            reply.completeExceptionally(e);
        }
    }

    private List<WorkGrant> claimNow(String nodeId, int maxUnits) {
        long now = clock.millis();
        List<Assignment> first = store.claim(nodeId, now, timing.leaseMillis(), 1);
        if (first.isEmpty()) {
            return List.of();
        }
        List<WorkGrant> grants = new ArrayList<>();
        grants.add(grant(first.get(0)));
        JobSpec spec = job(first.get(0).unit().key()).spec();
        long unitSamples = (long) spec.tileSize() * spec.tileSize() * spec.samplesPerUnit();
        int wanted = sizer.unitsFor(nodes.samplesPerSecond(nodeId), unitSamples, maxUnits);
        if (wanted > 1) {
            for (Assignment a : store.claim(nodeId, now, timing.leaseMillis(), wanted - 1)) {
                grants.add(grant(a));
            }
        }
        return grants;
    }

    private WorkGrant grant(Assignment a) {
        JobRecord job = job(a.unit().key());
        return new WorkGrant(a, jobs.frame(job, a.unit().key().frame()));
    }

    public RenewReply renew(String nodeId, RenewRequest request) {
        long now = clock.millis();
        List<Lease> renewed = new ArrayList<>();
        List<WorkUnitKey> lost = new ArrayList<>();
        for (LeaseRef ref : request.leases()) {
            store.renew(ref.key(), ref.epoch(), nodeId, now).ifPresentOrElse(renewed::add, () -> lost.add(ref.key()));
        }
        return new RenewReply(renewed, lost);
    }

    /**
     * Takes a node's result for a unit.
     *
     * @throws StaleLeaseException if the node no longer holds the lease of {@code epoch} (nothing is written)
     * @throws MalformedTileResultException if the bytes are not a tile result of exactly this unit
     */
    public UnitOutcome complete(String nodeId, WorkUnitKey key, long epoch, byte[] encoded) {
        JobRecord job = job(key);
        UnitOutcome answered = admit(job, nodeId, key, epoch, encoded);
        if (answered != null) {
            return answered;
        }
        spool(List.of(new FrameOutput.Result(key, epoch, encoded)));
        return settle(job, nodeId, key, epoch);
    }

    /**
     * Takes several results of a node in one request. Each unit is checked, stored and answered
     * exactly as {@link #complete} would, on its own: a stale lease, a malformed result or an
     * unknown job refuses that unit only. The results to keep are spooled together (one force per
     * frame) before any of them is marked done.
     *
     * @throws UncheckedIOException if spooling failed: none of the units not yet done is marked done, retry them all
     */
    public ResultBatchReply completeAll(String nodeId, ResultBatch batch) {
        List<ResultBatch.Result> results = batch.results();
        int n = results.size();
        ResultBatchReply.BatchOutcome[] outcomes = new ResultBatchReply.BatchOutcome[n];
        JobRecord[] jobsOf = new JobRecord[n];
        boolean[] checked = new boolean[n];
        Set<WorkUnitKey> keys = new HashSet<>();
        for (int i = 0; i < n; i++) {
            WorkUnitKey key = results.get(i).lease().key();
            try {
                jobsOf[i] = job(key);
                resultCheck.check(jobsOf[i], key, results.get(i).encoded());
                checked[i] = true;
                keys.add(key);
            } catch (RuntimeException e) {
                outcomes[i] = refusal(key, results.get(i).lease().epoch(), e);
            }
        }
        // One read of every unit's state, and below one completion step per partition and one ledger step
        // per frame, instead of three calls to the cluster per unit.
        Map<WorkUnitKey, WorkState> before = store.states(keys);
        List<FrameOutput.Result> keep = new ArrayList<>(n);
        List<Integer> kept = new ArrayList<>(n);
        for (int i = 0; i < n; i++) {
            if (!checked[i]) {
                continue;
            }
            WorkUnitKey key = results.get(i).lease().key();
            long epoch = results.get(i).lease().epoch();
            try {
                UnitOutcome answered = admit(jobsOf[i], nodeId, key, epoch, before.get(key));
                if (answered != null) {
                    outcomes[i] = new ResultBatchReply.BatchOutcome(key, epoch, 200, answered.outcome(), null);
                } else {
                    keep.add(new FrameOutput.Result(key, epoch, results.get(i).encoded()));
                    kept.add(i);
                }
            } catch (RuntimeException e) {
                outcomes[i] = refusal(key, epoch, e);
            }
        }
        if (!keep.isEmpty()) {
            spool(keep);
        }
        settleAll(nodeId, results, kept, jobsOf, outcomes);
        return new ResultBatchReply(List.of(outcomes));
    }

    /**
     * {@link #settle} of the spooled units of a batch: the first result for each unit is completed in
     * one store call with the others; a unit the batch repeats (a node bug) is settled on its own after.
     */
    private void settleAll(String nodeId, List<ResultBatch.Result> results, List<Integer> kept, JobRecord[] jobsOf,
            ResultBatchReply.BatchOutcome[] outcomes) {
        Map<WorkUnitKey, Long> epochs = new LinkedHashMap<>();
        List<Integer> together = new ArrayList<>();
        List<Integer> repeated = new ArrayList<>();
        for (int i : kept) {
            LeaseRef lease = results.get(i).lease();
            if (epochs.putIfAbsent(lease.key(), lease.epoch()) == null) {
                together.add(i);
            } else {
                repeated.add(i);
            }
        }
        Map<WorkUnitKey, CompleteOutcome> completed = epochs.isEmpty() ? Map.of() : store.completeAll(nodeId, epochs);
        Map<JobId, List<LeaseRef>> accepted = new LinkedHashMap<>();
        Map<JobId, JobRecord> acceptedJobs = new HashMap<>();
        for (int i : together) {
            LeaseRef lease = results.get(i).lease();
            CompleteOutcome outcome = completed.getOrDefault(lease.key(), CompleteOutcome.STALE);
            switch (outcome) {
                case ACCEPTED -> {
                    accepted.computeIfAbsent(jobsOf[i].jobId(), j -> new ArrayList<>()).add(lease);
                    acceptedJobs.putIfAbsent(jobsOf[i].jobId(), jobsOf[i]);
                }
                case ALREADY_DONE -> output.discard(lease.key(), lease.epoch());
                case STALE -> output.discard(lease.key(), lease.epoch());
            }
            outcomes[i] = outcome == CompleteOutcome.STALE
                    ? refusal(lease.key(), lease.epoch(), stale(nodeId, lease.key(), lease.epoch()))
                    : new ResultBatchReply.BatchOutcome(lease.key(), lease.epoch(), 200, outcome.name(), null);
        }
        accepted.forEach((jobId, leases) -> {
            output.acceptedAll(acceptedJobs.get(jobId), leases);
            progress.touched(jobId);
        });
        for (int i : repeated) {
            LeaseRef lease = results.get(i).lease();
            try {
                outcomes[i] = new ResultBatchReply.BatchOutcome(lease.key(), lease.epoch(), 200,
                        settle(jobsOf[i], nodeId, lease.key(), lease.epoch()).outcome(), null);
            } catch (StaleLeaseException e) {
                outcomes[i] = refusal(lease.key(), lease.epoch(), e);
            }
        }
    }

    /** A unit of a batch refused as its single upload would have been, or the exception if it is not a refusal. */
    private static ResultBatchReply.BatchOutcome refusal(WorkUnitKey key, long epoch, RuntimeException e) {
        if (e instanceof StaleLeaseException) {
            return new ResultBatchReply.BatchOutcome(key, epoch, 409, "STALE", e.getMessage());
        }
        if (e instanceof MalformedTileResultException) {
            return new ResultBatchReply.BatchOutcome(key, epoch, 400, "MALFORMED", e.getMessage());
        }
        if (e instanceof UnknownJobException) {
            return new ResultBatchReply.BatchOutcome(key, epoch, 404, "UNKNOWN_JOB", e.getMessage());
        }
        throw e;
    }

    /**
     * Checks a result before it is stored: returns the answer if there is nothing to store (the
     * same lease repeating a completion that was accepted, or another epoch done already), null if
     * it must be spooled and settled.
     */
    private UnitOutcome admit(JobRecord job, String nodeId, WorkUnitKey key, long epoch, byte[] encoded) {
        resultCheck.check(job, key, encoded);
        return admit(job, nodeId, key, epoch, store.state(key).orElse(null));
    }

    /** {@link #admit} of a checked result, given the unit's state read before (null for an unknown unit). */
    private UnitOutcome admit(JobRecord job, String nodeId, WorkUnitKey key, long epoch, WorkState before) {
        // Spool only under a lease the node holds now. Writing first and discarding on refusal would,
        // for an epoch the scheduler already accepted (quoted by another node, or the same lease
        // retried after the frame was written), overwrite or delete the accepted result's bytes.
        if (before != null && before.status() == WorkStatus.DONE) {
            if (before.epoch() != epoch || !nodeId.equals(before.nodeId())) {
                return new UnitOutcome(key, CompleteOutcome.ALREADY_DONE.name());
            }
            // The same lease repeating its completion (its first answer was lost): the bytes are spooled,
            // or the frame written, already; announce it again in case the first call stopped short of that.
            output.accepted(job, key, epoch);
            return new UnitOutcome(key, CompleteOutcome.ACCEPTED.name());
        }
        if (before == null || !before.heldBy(epoch, nodeId)) {
            throw stale(nodeId, key, epoch);
        }
        return null;
    }

    private void spool(List<FrameOutput.Result> results) {
        try {
            output.spoolAll(results);
        } catch (IOException e) {
            FrameOutput.Result first = results.get(0);
            throw new UncheckedIOException("storing the result of " + first.key() + " epoch " + first.epoch()
                    + (results.size() > 1 ? " and " + (results.size() - 1) + " more" : "") + ": " + e.getMessage(), e);
        }
    }

    /** Marks a spooled result's unit done if the lease still holds; discards it otherwise. */
    private UnitOutcome settle(JobRecord job, String nodeId, WorkUnitKey key, long epoch) {
        CompleteOutcome outcome = store.complete(key, epoch, nodeId);
        switch (outcome) {
            case ACCEPTED -> {
                output.accepted(job, key, epoch);
                progress.touched(key.jobId());
            }
            case ALREADY_DONE -> output.discard(key, epoch);
            case STALE -> {
                output.discard(key, epoch);
                throw stale(nodeId, key, epoch);
            }
        }
        return new UnitOutcome(key, outcome.name());
    }

    private static StaleLeaseException stale(String nodeId, WorkUnitKey key, long epoch) {
        return new StaleLeaseException("result for " + key + " refused: node " + nodeId
                + " does not hold lease epoch " + epoch + " (it expired and was taken over, or the job was cancelled)");
    }

    /** Takes a node's report that it could not render a unit. */
    public UnitOutcome fail(String nodeId, WorkUnitKey key, long epoch, FailReport report) {
        job(key);
        FailOutcome outcome = store.fail(key, epoch, nodeId, report.message(), clock.millis());
        if (outcome == FailOutcome.STALE) {
            throw new StaleLeaseException("failure of " + key + " ignored: node " + nodeId
                    + " does not hold lease epoch " + epoch);
        }
        LOG.log(System.Logger.Level.WARNING, "node {0} failed {1} epoch {2}: {3} -> {4}", nodeId, key, epoch,
                report.message(), outcome);
        progress.touched(key.jobId());
        if (outcome == FailOutcome.FAILED) {
            events.publish(new JobChangedEvent(clock.millis(), key.jobId(), "failed", "FAILED", report.message()));
        }
        return new UnitOutcome(key, outcome.name());
    }

    /** A node leaves cleanly: it is marked gone and every lease it holds goes back to the queue. */
    public void leave(String nodeId) {
        NodeRecord r = nodes.leave(nodeId, clock.millis()).orElseThrow(() -> new UnknownNodeException(nodeId));
        int handedBack = releaseLeases(nodeId);
        LOG.log(System.Logger.Level.INFO, "node {0} left; {1} leases handed back", nodeId, handedBack);
        events.publish(new NodeEvent(clock.millis(), "left", nodeId, r.hello().name(), r.hello().device().name()));
    }

    /** Announces nodes that went silent (once farm-wide); their leases lapse and are requeued by the reaper. */
    public void detectLostNodes() {
        for (NodeRecord r : nodes.newlyLost(clock.millis())) {
            LOG.log(System.Logger.Level.WARNING, "node {0} ({1}) stopped calling; its leases will be requeued when they lapse",
                    r.nodeId(), r.hello().name());
            events.publish(new NodeEvent(clock.millis(), "failed", r.nodeId(), r.hello().name(), r.hello().device().name()));
        }
    }

    private int releaseLeases(String nodeId) {
        return store.release(nodeId, clock.millis());
    }

    private JobRecord job(WorkUnitKey key) {
        return jobs.get(key.jobId()).orElseThrow(() -> new UnknownJobException(key.jobId()));
    }
}
