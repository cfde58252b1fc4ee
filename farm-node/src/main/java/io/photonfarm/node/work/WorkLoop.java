package io.photonfarm.node.work;

import io.photonfarm.api.node.NodeHello;
import io.photonfarm.api.node.NodeWelcome;
import io.photonfarm.api.tile.TileResult;
import io.photonfarm.api.tile.TileResultCodec;
import io.photonfarm.api.work.ClaimReply;
import io.photonfarm.api.work.FailReport;
import io.photonfarm.api.work.Lease;
import io.photonfarm.api.work.LeaseRef;
import io.photonfarm.api.work.ResultBatch;
import io.photonfarm.api.work.ResultBatchReply;
import io.photonfarm.api.work.UnitOutcome;
import io.photonfarm.api.work.WorkGrant;
import io.photonfarm.api.work.WorkUnit;
import io.photonfarm.api.work.WorkUnitKey;
import java.lang.System.Logger.Level;
import java.time.Clock;
import java.time.Duration;
import java.time.Instant;
import java.util.ArrayDeque;
import java.util.ArrayList;
import java.util.List;
import java.util.concurrent.CountDownLatch;
import java.util.concurrent.ExecutorService;
import java.util.concurrent.Executors;
import java.util.concurrent.ScheduledExecutorService;
import java.util.concurrent.TimeUnit;
import java.util.concurrent.atomic.AtomicInteger;
import java.util.concurrent.atomic.AtomicReference;

/**
 * A node's life: register (retrying while the coordinator is away), then claim units with a long
 * poll and render each granted unit in order, uploading its result (a 409 drops it) or reporting
 * its failure. Results are uploaded on a thread of its own while the next unit renders (at most one
 * upload in flight; a unit's lease is held until its upload is answered), so the device does not
 * wait for the network. Results that finish while an upload is in flight go up together in the
 * next one ({@code POST .../results}, each unit answered on its own), so a device faster than the
 * round trip does not queue requests; a lone result goes up alone. Meanwhile a renewer keeps the
 * held leases alive and a heartbeat reports progress.
 * Ends after a drain request (finish the batch, leave), {@link #stop()} (finish the unit being
 * rendered, upload it, leave: the coordinator requeues the rest of the batch) or a rejected token.
 * {@link #run()} runs on the caller's thread; {@link #exitCode()} says how it ended.
 */
public final class WorkLoop implements Runnable {
    /** Exit code: stopped or drained, and left. */
    public static final int EXIT_OK = 0;
    /** Exit code: something unexpected ended the loop (logged). */
    public static final int EXIT_FAILED = 1;
    /** Exit code: the coordinator refused the token (401). */
    public static final int EXIT_UNAUTHORIZED = 2;

    private static final System.Logger LOG = System.getLogger(WorkLoop.class.getName());

    private final CoordinatorClient client;
    private final UnitRenderer renderer;
    private final Retrier retrier;
    private final Clock clock;
    private final NodeOptions options;
    private final HeldLeases held = new HeldLeases();
    private final NodeStats stats = new NodeStats();
    private final Registration registration;
    private final TileResultCodec codec = new TileResultCodec(Integer.MAX_VALUE);
    private final CountDownLatch stopped = new CountDownLatch(1);
    private final AtomicReference<CoordinatorException.Unauthorized> fatal = new AtomicReference<>();
    private final AtomicInteger exitCode = new AtomicInteger(-1);
    private final Object phase = new Object();
    private volatile boolean stopRequested;
    private volatile boolean draining;
    private volatile Instant stopDeadline;
    private Thread worker;
    private boolean interruptible;
    /** The most results one upload carries, and the most waiting before the worker waits for the uploader. */
    static final int MAX_RESULTS_PER_UPLOAD = 64;
    /** The most bytes of results one upload carries (one result may exceed it alone). */
    static final long MAX_BYTES_PER_UPLOAD = 32L << 20;
    /** Uploads results on a thread of its own, so the worker renders the next unit meanwhile. */
    private ExecutorService uploader;
    /** Results rendered and not yet taken by the uploader, oldest first; guarded by itself. */
    private final ArrayDeque<Finished> finished = new ArrayDeque<>();
    /** Whether an upload task is running or queued; guarded by {@link #finished}. */
    private boolean uploading;
    /** What ended an upload abnormally; rethrown on the worker thread. */
    private final AtomicReference<Throwable> uploadFailure = new AtomicReference<>();
    /** False once the coordinator showed it has no batch route: every result then goes up alone. */
    private volatile boolean batchUploads = true;
    /** The most bytes of results one upload carries; halved when the coordinator finds a batch too large (413). */
    private volatile long batchBytes = MAX_BYTES_PER_UPLOAD;

    /** A rendered unit's encoded result, waiting to go up. */
    private record Finished(LeaseRef ref, byte[] encoded) {
    }

    /**
     * @param hello what the node says about itself when it registers
     * @param clock times renders (throughput) and the stop grace
     */
    public WorkLoop(CoordinatorClient client, UnitRenderer renderer, Retrier retrier, Clock clock, NodeOptions options,
            NodeHello hello) {
        this.client = client;
        this.renderer = renderer;
        this.retrier = retrier;
        this.clock = clock;
        this.options = options;
        this.registration = new Registration(client, retrier, hello, held);
    }

    @Override
    public void run() {
        synchronized (phase) {
            worker = Thread.currentThread();
        }
        ScheduledExecutorService background = null;
        try {
            NodeWelcome welcome = interruptibly(() -> registration.register(this::stoppingOrDraining));
            if (welcome != null) {
                background = startBackground(welcome);
                uploader = Executors.newSingleThreadExecutor(r -> {
                    Thread t = new Thread(r, "node-uploader");
                    t.setDaemon(true);
                    return t;
                });
                try {
                    work();
                } finally {
                    awaitUpload(); // the last result goes up before the node leaves (or ends)
                }
                leave();
            }
            exitCode.set(fatal.get() != null ? EXIT_UNAUTHORIZED : EXIT_OK);
        } catch (CoordinatorException.Unauthorized e) {
            fatal.compareAndSet(null, e);
            exitCode.set(EXIT_UNAUTHORIZED);
        } catch (InterruptedException e) {
            LOG.log(Level.WARNING, "node {0}: interrupted; ending without leaving (the coordinator requeues its "
                    + "units when their leases lapse)", nodeIdOrName());
            exitCode.set(EXIT_FAILED);
        } catch (RuntimeException e) {
            LOG.log(Level.ERROR, "node " + nodeIdOrName() + ": work loop failed: " + e.getMessage(), e);
            exitCode.set(EXIT_FAILED);
        } finally {
            if (fatal.get() != null) {
                LOG.log(Level.ERROR, "node {0}: the coordinator refused the token: {1}. Fix the token; not retrying.",
                        nodeIdOrName(), fatal.get().getMessage());
            }
            if (background != null) {
                background.shutdownNow();
            }
            if (uploader != null) {
                uploader.shutdownNow();
            }
            stats.idle();
            stopped.countDown();
        }
    }

    private void work() throws InterruptedException {
        while (!stoppingOrDraining()) {
            stats.idle();
            String nodeId = registration.nodeId();
            ClaimReply reply;
            long claimStart = stats.now();
            try {
                reply = interruptibly(() -> retrier.call("claiming work", () -> client.claim(nodeId,
                        options.claimWait(), options.maxUnitsPerClaim()), this::stoppingOrDraining));
            } catch (CoordinatorException.UnknownNode e) {
                interruptibly(() -> registration.reRegister(nodeId, this::stoppingOrDraining));
                continue;
            }
            stats.claimed(claimStart);
            if (reply == null) {
                continue;
            }
            reply.grants().forEach(g -> held.hold(g.assignment().lease()));
            for (WorkGrant grant : reply.grants()) {
                if (stopRequested) {
                    break; // the rest of the batch goes back with leave()
                }
                process(grant);
            }
        }
    }

    private void process(WorkGrant grant) throws InterruptedException {
        Lease lease = grant.assignment().lease();
        WorkUnit unit = grant.assignment().unit();
        WorkUnitKey key = unit.key();
        LeaseRef ref = new LeaseRef(key, lease.epoch());
        boolean released = false;
        try {
            if (held.isLost(key)) {
                log(Level.INFO, ref, "lease lost before rendering; skipped");
                return;
            }
            stats.rendering(key);
            Instant started = clock.instant();
            TileResult result;
            try {
                result = renderer.render(grant.frame(), unit);
            } catch (RuntimeException e) {
                stats.renderEnded();
                reportFailure(ref, e);
                return;
            }
            stats.renderEnded();
            stats.rendered((long) unit.rect().pixelCount() * unit.samples().count(),
                    Duration.between(started, clock.instant()));
            if (held.isLost(key)) {
                log(Level.INFO, ref, "lease lost while rendering; result dropped");
                return;
            }
            byte[] encoded = codec.encode(result);
            released = true; // the upload releases the lease once the coordinator answered
            queueUpload(new Finished(ref, encoded));
        } finally {
            if (!released) {
                held.release(key);
            }
            stats.idle();
        }
    }

    /**
     * Hands a result to the uploader: it goes up at once if no upload is in flight, else with the
     * others that finish meanwhile when the one in flight is answered. Waits while
     * {@link #MAX_RESULTS_PER_UPLOAD} results are waiting already.
     */
    private void queueUpload(Finished result) throws InterruptedException {
        rethrowUploadFailure();
        synchronized (finished) {
            while (finished.size() >= MAX_RESULTS_PER_UPLOAD && uploadFailure.get() == null) {
                finished.wait();
            }
            finished.addLast(result);
            if (!uploading) {
                uploading = true;
                uploader.execute(this::uploadWhileQueued);
            }
        }
        rethrowUploadFailure();
    }

    /** The uploader's task: uploads what is waiting, in batches, until nothing is. */
    private void uploadWhileQueued() {
        try {
            for (List<Finished> batch = takeBatch(); !batch.isEmpty(); batch = takeBatch()) {
                try {
                    upload(batch);
                } finally {
                    batch.forEach(f -> held.release(f.ref().key()));
                }
            }
        } catch (InterruptedException e) {
            uploadFailure.compareAndSet(null, e);
        } catch (RuntimeException | Error e) {
            uploadFailure.compareAndSet(null, e);
        } finally {
            synchronized (finished) {
                if (uploadFailure.get() != null) {
                    // Nothing more goes up: the worker ends; what is left is handed back by leaving.
                    finished.forEach(f -> held.release(f.ref().key()));
                    finished.clear();
                    uploading = false;
                }
                finished.notifyAll();
            }
        }
    }

    /** The oldest waiting results that fit one upload; empty (and no longer uploading) if none wait. */
    private List<Finished> takeBatch() {
        synchronized (finished) {
            List<Finished> batch = new ArrayList<>();
            long bytes = 0;
            while (!finished.isEmpty() && batch.size() < MAX_RESULTS_PER_UPLOAD
                    && (batch.isEmpty() || bytes + finished.peekFirst().encoded().length <= batchBytes)) {
                Finished f = finished.pollFirst();
                bytes += f.encoded().length;
                batch.add(f);
            }
            if (batch.isEmpty()) {
                uploading = false;
            }
            finished.notifyAll();
            return batch;
        }
    }

    /** Waits until every result handed to the uploader was answered, and rethrows what ended an upload abnormally. */
    private void awaitUpload() throws InterruptedException {
        synchronized (finished) {
            while ((uploading || !finished.isEmpty()) && uploadFailure.get() == null) {
                finished.wait();
            }
        }
        rethrowUploadFailure();
    }

    private void rethrowUploadFailure() throws InterruptedException {
        Throwable cause = uploadFailure.get();
        if (cause == null) {
            return;
        }
        if (cause instanceof InterruptedException ie) {
            throw ie;
        }
        if (cause instanceof RuntimeException re) {
            throw re;
        }
        if (cause instanceof Error err) {
            throw err;
        }
        throw new IllegalStateException("uploading a result: " + cause, cause);
    }

    /** Uploads results: alone, or several in one request while the coordinator takes batches. */
    private void upload(List<Finished> batch) throws InterruptedException {
        if (batch.size() == 1 || !batchUploads) {
            for (Finished f : batch) {
                upload(f.ref(), f.encoded());
            }
            return;
        }
        long start = stats.now();
        ResultBatchReply reply;
        try {
            reply = retrier.call("uploading " + batch.size() + " results", () -> client.uploadAll(registration.nodeId(),
                    new ResultBatch(batch.stream().map(f -> new ResultBatch.Result(f.ref(), f.encoded())).toList())),
                    this::stopGraceOver);
        } catch (CoordinatorException.UnknownNode | CoordinatorException.Rejected e) {
            // A coordinator without the batch route (404), or one refusing the batch as a whole (413 past its
            // request size, 400): each result alone gets the answer that fits it.
            if (e instanceof CoordinatorException.UnknownNode) {
                batchUploads = false;
                LOG.log(Level.INFO, "node {0}: the coordinator takes no result batches ({1}); uploading each result "
                        + "alone", nodeIdOrName(), e.getMessage());
            } else if (e.status() == 413) {
                long size = batch.stream().mapToLong(f -> f.encoded().length).sum();
                batchBytes = Math.max(1, Math.min(batchBytes, size / 2));
            }
            stats.uploaded(start);
            for (Finished f : batch) {
                upload(f.ref(), f.encoded());
            }
            return;
        } catch (CoordinatorException.Unavailable e) {
            stats.uploaded(start);
            LOG.log(Level.WARNING, "node {0}: coordinator still away when the stop grace ran out; {1} results dropped, "
                    + "their units are requeued when their leases lapse", nodeIdOrName(), batch.size());
            return;
        }
        stats.uploaded(start);
        for (int i = 0; i < batch.size(); i++) {
            LeaseRef ref = batch.get(i).ref();
            ResultBatchReply.BatchOutcome o = i < reply.outcomes().size() ? reply.outcomes().get(i) : null;
            if (o == null || !o.key().equals(ref.key())) {
                log(Level.ERROR, ref, "no answer for this result in the batch reply; dropped, the unit is requeued "
                        + "when its lease lapses");
            } else if (o.status() == 200) {
                stats.completed();
                log(Level.DEBUG, ref, "uploaded in a batch: " + o.outcome());
            } else if (o.status() == 409) {
                log(Level.INFO, ref, "lease taken over (409); result dropped");
            } else {
                stats.failed();
                log(Level.ERROR, ref, "result refused (" + o.status() + " " + o.outcome() + "): " + o.message());
            }
        }
    }

    private void upload(LeaseRef ref, byte[] encoded) throws InterruptedException {
        long start = stats.now();
        try {
            UnitOutcome outcome = retrier.call("uploading unit " + ref.key() + " epoch " + ref.epoch(),
                    () -> client.upload(registration.nodeId(), ref, encoded), this::stopGraceOver);
            stats.completed();
            log(Level.DEBUG, ref, "uploaded: " + outcome.outcome());
        } catch (CoordinatorException.StaleLease e) {
            log(Level.INFO, ref, "lease taken over (409); result dropped");
        } catch (CoordinatorException.UnknownNode e) {
            log(Level.WARNING, ref, "the coordinator forgot this node; result dropped");
            registration.reRegister(registration.nodeId(), this::stopGraceOver);
        } catch (CoordinatorException.Unavailable e) {
            log(Level.WARNING, ref, "coordinator still away when the stop grace ran out; result dropped, the unit "
                    + "is requeued when its lease lapses");
        } catch (CoordinatorException.Rejected e) {
            stats.failed();
            log(Level.ERROR, ref, "result refused: " + e.getMessage());
        } finally {
            stats.uploaded(start);
        }
    }

    private void reportFailure(LeaseRef ref, RuntimeException cause) throws InterruptedException {
        stats.failed();
        String message = cause.getMessage() == null || cause.getMessage().isBlank()
                ? cause.getClass().getSimpleName() : cause.getMessage();
        LOG.log(Level.WARNING, describe(ref) + ": render failed: " + message, cause);
        if (held.isLost(ref.key())) {
            return;
        }
        try {
            UnitOutcome outcome = retrier.call("reporting failure of unit " + ref.key() + " epoch " + ref.epoch(),
                    () -> client.fail(registration.nodeId(), ref, new FailReport(message)), this::stopGraceOver);
            log(Level.INFO, ref, "failure reported: " + outcome.outcome());
        } catch (CoordinatorException.StaleLease | CoordinatorException.UnknownNode e) {
            log(Level.INFO, ref, "failure report refused, lease no longer held: " + e.getMessage());
        } catch (CoordinatorException.Unavailable | CoordinatorException.Rejected e) {
            log(Level.WARNING, ref, "failure not reported: " + e.getMessage());
        }
    }

    /** Hands back whatever is still held: the coordinator requeues it. */
    private void leave() throws InterruptedException {
        if (fatal.get() != null) {
            return;
        }
        stats.draining();
        Instant graceEnd = stopDeadline != null ? stopDeadline : clock.instant().plus(options.stopGrace());
        String nodeId = registration.nodeId();
        try {
            retrier.call("node " + nodeId + " leaving", () -> {
                client.leave(registration.nodeId());
                return null;
            }, () -> !clock.instant().isBefore(graceEnd));
            LOG.log(Level.INFO, "node {0} left; {1} unrendered unit(s) handed back", nodeId, held.size());
        } catch (CoordinatorException.UnknownNode e) {
            LOG.log(Level.INFO, "node {0}: already unknown to the coordinator when leaving", nodeId);
        } catch (CoordinatorException.Unavailable | CoordinatorException.Rejected e) {
            LOG.log(Level.WARNING, "node {0}: could not leave ({1}); its {2} unit(s) are requeued when their leases "
                    + "lapse", nodeId, e.getMessage(), held.size());
        }
        held.clear();
    }

    private ScheduledExecutorService startBackground(NodeWelcome w) {
        AtomicInteger n = new AtomicInteger();
        ScheduledExecutorService s = Executors.newScheduledThreadPool(2, r -> {
            Thread t = new Thread(r, "node-" + (n.getAndIncrement() == 0 ? "renewer" : "heartbeat"));
            t.setDaemon(true);
            return t;
        });
        long renewEvery = Math.max(1, w.leaseMillis() / 3);
        s.scheduleWithFixedDelay(new LeaseRenewer(client, registration, held, retrier, this::onUnauthorized,
                this::stopGraceOver), renewEvery, renewEvery, TimeUnit.MILLISECONDS);
        s.scheduleWithFixedDelay(new HeartbeatSender(client, registration, stats, retrier, this::drain,
                this::onUnauthorized, this::stopGraceOver), 0, w.heartbeatMillis(), TimeUnit.MILLISECONDS);
        return s;
    }

    /**
     * Asks the loop to end: it finishes and uploads the unit it is rendering, hands the rest of its
     * batch back by leaving, and returns from {@link #run()}. Returns at once; see {@link #awaitStopped}.
     * While the coordinator is away it keeps trying to upload and leave for {@link NodeOptions#stopGrace()}.
     */
    public void stop() {
        if (!stopRequested) {
            stopDeadline = clock.instant().plus(options.stopGrace());
            stopRequested = true;
            stats.draining();
            LOG.log(Level.INFO, "node {0}: stopping after the current unit", nodeIdOrName());
        }
        interruptWait();
    }

    /** Finishes every unit held, claims nothing more, leaves (what a heartbeat reply with drain=true asks). */
    public void drain() {
        if (!draining) {
            draining = true;
            stats.draining();
            LOG.log(Level.INFO, "node {0}: draining: finishing {1} held unit(s), then leaving", nodeIdOrName(),
                    held.size());
        }
        interruptWait();
    }

    /** Waits for {@link #run()} to return; true if it did within {@code timeout}. */
    public boolean awaitStopped(Duration timeout) throws InterruptedException {
        return stopped.await(timeout.toNanos(), TimeUnit.NANOSECONDS);
    }

    /** How {@link #run()} ended ({@link #EXIT_OK}, {@link #EXIT_FAILED}, {@link #EXIT_UNAUTHORIZED}), or -1 while running. */
    public int exitCode() {
        return exitCode.get();
    }

    /** Where this node's time went so far: rendering, claiming, uploading (see {@link NodeTimes}). */
    public NodeTimes times() {
        return stats.times();
    }

    /** The token refusal that ended the loop, if that is how it ended. */
    public CoordinatorException.Unauthorized unauthorized() {
        return fatal.get();
    }

    private void onUnauthorized(CoordinatorException.Unauthorized e) {
        if (fatal.compareAndSet(null, e)) {
            stopRequested = true;
            stopDeadline = clock.instant();
            interruptWait();
        }
    }

    /**
     * Runs a wait that {@link #stop()} and {@link #drain()} may cut short (registration, claim long
     * poll, their backoff): returns null when cut short. Rendering and uploading are never interrupted.
     */
    private <T> T interruptibly(Retrier.Call<T> call) throws InterruptedException {
        synchronized (phase) {
            interruptible = true;
        }
        try {
            if (stoppingOrDraining()) {
                return null;
            }
            return call.call();
        } catch (InterruptedException | CoordinatorException.Unavailable e) {
            if (stoppingOrDraining()) {
                return null;
            }
            throw e;
        } finally {
            synchronized (phase) {
                interruptible = false;
                Thread.interrupted(); // an interrupt meant for the wait must not hit the next render
            }
        }
    }

    private void interruptWait() {
        synchronized (phase) {
            if (interruptible && worker != null) {
                worker.interrupt();
            }
        }
    }

    private boolean stoppingOrDraining() {
        return stopRequested || draining || fatal.get() != null;
    }

    private boolean stopGraceOver() {
        Instant deadline = stopDeadline;
        return stopRequested && deadline != null && !clock.instant().isBefore(deadline);
    }

    private String nodeIdOrName() {
        NodeWelcome w = registration.current();
        return w != null ? w.nodeId() : options.nodeName();
    }

    private String describe(LeaseRef ref) {
        WorkUnitKey k = ref.key();
        return "node " + nodeIdOrName() + " job " + k.jobId() + " frame " + k.frame() + " tile " + k.tileIndex()
                + " range " + k.rangeIndex() + " epoch " + ref.epoch();
    }

    private void log(Level level, LeaseRef ref, String what) {
        LOG.log(level, () -> describe(ref) + ": " + what);
    }
}
