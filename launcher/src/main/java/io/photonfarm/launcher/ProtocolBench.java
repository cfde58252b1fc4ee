package io.photonfarm.launcher;

import com.fasterxml.jackson.databind.ObjectMapper;
import io.photonfarm.api.job.JobView;
import io.photonfarm.api.node.Heartbeat;
import io.photonfarm.api.node.NodeActivity;
import io.photonfarm.api.node.NodeDevice;
import io.photonfarm.api.node.NodeHello;
import io.photonfarm.api.node.NodeWelcome;
import io.photonfarm.api.tile.SampleRange;
import io.photonfarm.api.tile.TileRect;
import io.photonfarm.api.tile.TileResult;
import io.photonfarm.api.tile.TileResultCodec;
import io.photonfarm.api.work.ClaimReply;
import io.photonfarm.api.work.Lease;
import io.photonfarm.api.work.LeaseRef;
import io.photonfarm.api.work.ResultBatch;
import io.photonfarm.api.work.ResultBatchReply;
import io.photonfarm.api.work.WorkGrant;
import io.photonfarm.api.work.WorkUnit;
import io.photonfarm.api.work.WorkUnitKey;
import io.photonfarm.coordinator.Coordinator;
import io.photonfarm.coordinator.CoordinatorSettings;
import io.photonfarm.coordinator.cluster.ClusterSettings;
import java.io.IOException;
import java.io.PrintWriter;
import java.net.ServerSocket;
import java.net.URI;
import java.net.http.HttpClient;
import java.net.http.HttpRequest;
import java.net.http.HttpResponse;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Duration;
import java.util.ArrayList;
import java.util.Comparator;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import java.util.TreeMap;
import java.util.concurrent.Callable;
import java.util.concurrent.ConcurrentHashMap;
import java.util.concurrent.CountDownLatch;
import java.util.concurrent.atomic.LongAdder;
import java.util.stream.Stream;
import picocli.CommandLine.Command;
import picocli.CommandLine.Mixin;
import picocli.CommandLine.Model.CommandSpec;
import picocli.CommandLine.Option;
import picocli.CommandLine.Spec;

/**
 * {@code farm bench protocol}: the cost of the node protocol itself. A real coordinator runs in this
 * process with the settings {@code farm up} uses (H2 under a temporary data directory unless
 * {@code --data}/{@code --jdbc-url} say otherwise); simulated nodes (threads, each registered as its
 * own node with its own HTTP/1.1 keep-alive client) loop claim, then upload a valid tile result for
 * every grant, with a backend that "renders" instantly (the bytes are encoded once per tile shape).
 * With {@code --uploads batched} a node sends all of a claim's results in one {@code POST .../results}
 * (completions still count units). After a warm-up (long enough for the JIT: on 2 cores it still
 * compiles half a minute in), it counts accepted completions for a fixed time, times every claim and
 * upload, and reports the process's CPU per completion, which shared cores disturb less than the
 * rate. Each value of {@code --batch} and {@code --uploads} runs as its own job, one after the other.
 */
@Command(name = "protocol", mixinStandardHelpOptions = true, description = "Benchmark the node protocol over HTTP with simulated nodes and an instant backend.")
final class ProtocolBench implements Callable<Integer> {
    @Mixin
    CoordinatorOptions coordinator;
    @Option(names = "--nodes", defaultValue = "32", description = "Simulated nodes (default: ${DEFAULT-VALUE}).")
    int nodes;
    @Option(names = "--seconds", defaultValue = "20", description = "Measured seconds per batch size (default: ${DEFAULT-VALUE}).")
    int seconds;
    @Option(names = "--warmup", defaultValue = "30", description = "Warm-up seconds before measuring (default: ${DEFAULT-VALUE}).")
    int warmup;
    @Option(names = "--batch", defaultValue = "1,16", split = ",",
            description = "maxUnits per claim; each value is a run of its own (default: ${DEFAULT-VALUE}).")
    List<Integer> batches;
    @Option(names = "--uploads", defaultValue = "single,batched", split = ",",
            description = "How results go up: 'single' (one PUT per unit) and/or 'batched' (one POST .../results per "
                    + "claim); each value is a run of its own for each --batch above 1 (default: ${DEFAULT-VALUE}).")
    List<String> uploads;
    @Option(names = "--wait-millis", defaultValue = "50", description = "Long-poll wait of each claim (default: ${DEFAULT-VALUE}).")
    long waitMillis;
    @Option(names = "--frames", defaultValue = "8000", description = "Frames of each job (default: ${DEFAULT-VALUE}).")
    int frames;
    @Option(names = "--size", defaultValue = "128", description = "Frame width and height (default: ${DEFAULT-VALUE}).")
    int size;
    @Option(names = "--tile", defaultValue = "16", description = "Tile size (default: ${DEFAULT-VALUE}); 1 sample per unit.")
    int tile;
    @Option(names = "--shared-client", description = "One HttpClient for all simulated nodes instead of one each.")
    boolean sharedClient;
    @Option(names = "--log-level", defaultValue = "WARNING",
            description = "java.util.logging level of the coordinator while it runs (default: ${DEFAULT-VALUE}).")
    String logLevel;

    @Spec
    CommandSpec spec;

    private final ObjectMapper json = new ObjectMapper();
    private final Map<String, byte[]> tileBytes = new ConcurrentHashMap<>();

    @Override
    public Integer call() throws Exception {
        Limits.check("--nodes", nodes, 1, 1024);
        Limits.check("--seconds", seconds, 1, 3600);
        Limits.check("--warmup", warmup, 0, 600);
        PrintWriter out = spec.commandLine().getOut();
        boolean tempData = !spec.commandLine().getParseResult().hasMatchedOption("--data");
        if (tempData) {
            coordinator.data = Files.createTempDirectory("photonfarm-bench-protocol");
        }
        if (!spec.commandLine().getParseResult().hasMatchedOption("--port")) {
            coordinator.port = 0;
        }
        if (!spec.commandLine().getParseResult().hasMatchedOption("--cluster-port")) {
            coordinator.clusterPort = freePort();
        }
        CoordinatorSettings settings = coordinator.settings();
        ClusterSettings c = settings.cluster();
        settings = new CoordinatorSettings(settings.httpHost(), settings.httpPort(), settings.dataDir(),
                new ClusterSettings(c.clusterName() + "-bench-" + ProcessHandle.current().pid(), c.bindAddress(), c.port(),
                        c.members(), c.partitionCount(), c.loggingType()),
                settings.backupCount(), settings.durability(), settings.tokens(), settings.limits(), settings.timing(),
                settings.policy(), settings.sizer());
        java.util.logging.Logger.getLogger("").setLevel(java.util.logging.Level.parse(logLevel));
        for (var h : java.util.logging.Logger.getLogger("").getHandlers()) {
            h.setLevel(java.util.logging.Level.parse(logLevel));
        }
        out.println(BenchFigures.machine());
        out.printf(Locale.ROOT, "settings: %d simulated nodes (%s), %d s warm-up + %d s measured per batch size, claim "
                        + "waitMillis %d; jobs of %d frames %dx%d, %dx%d tiles, 1 sample per unit (%,d units, %,d B per "
                        + "result); durability %s; data %s; log level %s%n", nodes, sharedClient ? "one shared HttpClient"
                        : "one HttpClient each", warmup, seconds, waitMillis, frames, size, size, tile, tile,
                (long) frames * ceilDiv(size, tile) * ceilDiv(size, tile),
                TileResultCodec.encodedSize(new TileRect(0, 0, tile, tile)),
                settings.durability().enabled() ? settings.durability().jdbcUrl().replaceAll(";.*", "")
                        + " (units written behind 1 s, jobs through)" : "none (memory only)", settings.dataDir(), logLevel);
        out.flush();
        try (Coordinator coord = Coordinator.start(settings)) {
            for (int batch : batches) {
                Limits.check("--batch", batch, 1, 256);
                for (String mode : uploads) {
                    if (!mode.equals("single") && !mode.equals("batched")) {
                        throw new picocli.CommandLine.ParameterException(spec.commandLine(),
                                "--uploads: '" + mode + "' is neither 'single' nor 'batched'");
                    }
                    if (batch > 1 || mode.equals("single") || !uploads.contains("single")) {
                        runBatch(out, coord, batch, mode.equals("batched"));
                    }
                }
            }
        } finally {
            if (tempData) {
                deleteTree(coordinator.data);
            }
        }
        return 0;
    }

    private void runBatch(PrintWriter out, Coordinator coord, int batch, boolean batchedUploads) throws Exception {
        String base = coord.url() + "/api/v1/";
        String clientAuth = "Bearer " + coord.settings().tokens().clientToken();
        String nodeAuth = "Bearer " + coord.settings().tokens().nodeToken();
        HttpClient admin = HttpClient.newBuilder().version(HttpClient.Version.HTTP_1_1).build();
        String jobId = "proto-b" + batch + (batchedUploads ? "-batched" : "");
        long t = System.nanoTime();
        HttpResponse<String> submitted = admin.send(HttpRequest.newBuilder(URI.create(base + "jobs"))
                .header("Authorization", clientAuth).header("Content-Type", "application/json")
                .POST(HttpRequest.BodyPublishers.ofString(String.format(Locale.ROOT, "{\"id\": \"%s\", \"sceneRef\": "
                        + "\"builtin:cornell-box\", \"passes\": [], \"writers\": [], \"frames\": %d, \"width\": %d, \"height\": %d, \"spp\": 1, "
                        + "\"samplesPerUnit\": 1, \"tileSize\": %d, \"maxBounces\": 1}", jobId, frames, size, size, tile)))
                .build(), HttpResponse.BodyHandlers.ofString());
        if (submitted.statusCode() != 201) {
            throw new IllegalStateException("submitting job " + jobId + ": HTTP " + submitted.statusCode() + " "
                    + submitted.body());
        }
        out.printf(Locale.ROOT, "%nbatch %d (maxUnits=%d), %s: job %s submitted in %.2f s%n", batch, batch,
                batchedUploads ? "one results upload per claim" : "one upload per unit", jobId, (System.nanoTime() - t) / 1e9);
        out.flush();

        HttpClient shared = sharedClient ? HttpClient.newBuilder().version(HttpClient.Version.HTTP_1_1).build() : null;
        List<SimNode> sims = new ArrayList<>();
        for (int i = 0; i < nodes; i++) {
            HttpClient http = shared != null ? shared : HttpClient.newBuilder().version(HttpClient.Version.HTTP_1_1).build();
            sims.add(new SimNode(http, base, nodeAuth, "sim-" + i, batch, batchedUploads));
        }
        long start = System.nanoTime();
        long measureFrom = start + Duration.ofSeconds(warmup).toNanos();
        long measureTo = measureFrom + Duration.ofSeconds(seconds).toNanos();
        CountDownLatch done = new CountDownLatch(sims.size());
        for (SimNode s : sims) {
            Thread th = new Thread(() -> {
                try {
                    s.run(measureFrom, measureTo);
                } catch (Exception e) {
                    s.error = e;
                } finally {
                    done.countDown();
                }
            }, s.name);
            th.setDaemon(true);
            th.start();
        }
        // The job view counts the job's units by status, a scan of every unit: read it before the
        // window, so that its cost does not land in the figures it is there to frame.
        sleepUntil(measureFrom - Duration.ofSeconds(Math.min(10, warmup / 2)).toNanos());
        long viewedBefore = System.nanoTime();
        JobView before = job(admin, base, clientAuth, jobId);
        if (System.nanoTime() > measureFrom) {
            out.println("  (reading the job before the window ran into it: raise --warmup)");
        }
        sleepUntil(measureFrom);
        long completedBefore = accepted(sims);
        long cpuBefore = processCpuNanos();
        sleepUntil(measureTo);
        long completedAfter = accepted(sims);
        long cpu = processCpuNanos() - cpuBefore;
        JobView after = job(admin, base, clientAuth, jobId);
        double framesWindow = (System.nanoTime() - viewedBefore) / 1e9;
        done.await();
        double window = (measureTo - measureFrom) / 1e9;
        long completions = completedAfter - completedBefore;
        Map<String, Long> errors = new TreeMap<>();
        long emptyClaims = 0;
        for (SimNode s : sims) {
            s.errors.forEach((k, v) -> errors.merge(k, v.sum(), Long::sum));
            emptyClaims += s.emptyClaims;
            if (s.error != null) {
                errors.merge("exception " + s.error, 1L, Long::sum);
            }
        }
        BenchFigures.Latencies claims = BenchFigures.merge(sims.stream().map(s -> s.claimNanos).toList());
        BenchFigures.Latencies uploaded = BenchFigures.merge(sims.stream().map(s -> s.uploadNanos).toList());
        out.printf(Locale.ROOT, "  completions: %,d accepted in %.1f s = %,.0f /s%s%n", completions, window,
                completions / window, after.unitsDone() >= after.units() ? " (the job ran out of units: raise --frames)" : "");
        out.printf(Locale.ROOT, "  CPU of this process (coordinator and simulated nodes): %.2f of %d cores, %,.0f us per "
                + "completion%n", cpu / 1e9 / window, Runtime.getRuntime().availableProcessors(),
                completions == 0 ? 0.0 : cpu / 1e3 / completions);
        out.printf(Locale.ROOT, "  claim latency:    %s; %,d empty claims%n", claims.summary(), emptyClaims);
        out.printf(Locale.ROOT, "  %s latency: %s%n", batchedUploads ? "batch upload" : "complete", uploaded.summary());
        out.printf(Locale.ROOT, "  frames assembled in the %.1f s around the window: %d (%.1f /s); job now %d/%d units done,"
                        + " %d/%d frames written%n", framesWindow, after.framesWritten() - before.framesWritten(),
                (after.framesWritten() - before.framesWritten()) / framesWindow, after.unitsDone(), after.units(),
                after.framesWritten(), after.spec().frames());
        out.println("  errors: " + (errors.isEmpty() ? "none" : errors));
        Map<String, String> firstErrors = new TreeMap<>();
        sims.forEach(s -> s.firstError.forEach(firstErrors::putIfAbsent));
        firstErrors.forEach((kind, text) -> out.println("    first " + kind + ": " + text));
        out.flush();
        for (SimNode s : sims) {
            s.leave();
        }
        // Paused, not cancelled: cancelling writes every unit's new state to the database behind time,
        // which would still be going on during the next run.
        admin.send(HttpRequest.newBuilder(URI.create(base + "jobs/" + jobId + "/pause")).header("Authorization", clientAuth)
                .POST(HttpRequest.BodyPublishers.noBody()).build(), HttpResponse.BodyHandlers.discarding());
    }

    private JobView job(HttpClient http, String base, String auth, String jobId) throws IOException, InterruptedException {
        HttpResponse<byte[]> r = http.send(HttpRequest.newBuilder(URI.create(base + "jobs/" + jobId))
                .header("Authorization", auth).GET().build(), HttpResponse.BodyHandlers.ofByteArray());
        return json.readValue(r.body(), JobView.class);
    }

    private static long accepted(List<SimNode> sims) {
        long n = 0;
        for (SimNode s : sims) {
            n += s.accepted.sum();
        }
        return n;
    }

    /** A valid encoded result for a unit's rect and sample range; encoded once per shape. */
    private byte[] resultFor(WorkUnit unit) {
        TileRect r = unit.rect();
        SampleRange s = unit.samples();
        return tileBytes.computeIfAbsent(r + "/" + s, k -> {
            long[] sums = new long[r.pixelCount() * 3];
            java.util.Arrays.fill(sums, 1L << 19); // 0.5 per sample and channel
            return new TileResultCodec(r.pixelCount()).encode(new TileResult(r, s, sums));
        });
    }

    /** One simulated node: its own registration and (unless shared) its own HTTP client. */
    private final class SimNode {
        final HttpClient http;
        final String base;
        final String auth;
        final String name;
        final int batch;
        final boolean batchedUploads;
        final String nodeId;
        final BenchFigures.Samples claimNanos = new BenchFigures.Samples();
        final BenchFigures.Samples uploadNanos = new BenchFigures.Samples();
        final LongAdder accepted = new LongAdder();
        final Map<String, LongAdder> errors = new ConcurrentHashMap<>();
        /** The first answer of each kind of error, to print. */
        final Map<String, String> firstError = new ConcurrentHashMap<>();
        long emptyClaims;
        volatile Exception error;

        SimNode(HttpClient http, String base, String auth, String name, int batch, boolean batchedUploads) throws Exception {
            this.http = http;
            this.base = base;
            this.auth = auth;
            this.name = name;
            this.batch = batch;
            this.batchedUploads = batchedUploads;
            NodeHello hello = new NodeHello(name, new NodeDevice("instant fake backend", "other", "none", 0), "bench");
            HttpResponse<byte[]> r = send(post("nodes", json.writeValueAsBytes(hello)));
            this.nodeId = json.readValue(r.body(), NodeWelcome.class).nodeId();
            // A huge throughput makes the coordinator size every claim to maxUnits.
            send(post("nodes/" + nodeId + "/heartbeat", json.writeValueAsBytes(
                    new Heartbeat(NodeActivity.IDLE, null, 1e12, 0, 0))));
        }

        void run(long measureFrom, long measureTo) throws Exception {
            HttpRequest claim = HttpRequest.newBuilder(URI.create(base + "nodes/" + nodeId + "/claim?waitMillis="
                    + waitMillis + "&maxUnits=" + batch)).header("Authorization", auth)
                    .POST(HttpRequest.BodyPublishers.noBody()).build();
            for (long t0 = System.nanoTime(); t0 < measureTo; t0 = System.nanoTime()) {
                HttpResponse<byte[]> r = http.send(claim, HttpResponse.BodyHandlers.ofByteArray());
                long t1 = System.nanoTime();
                if (t0 >= measureFrom) {
                    claimNanos.add(t1 - t0);
                }
                if (r.statusCode() != 200) {
                    error("claim HTTP " + r.statusCode(), r.body());
                    continue;
                }
                List<WorkGrant> grants = json.readValue(r.body(), ClaimReply.class).grants();
                if (grants.isEmpty()) {
                    emptyClaims++;
                }
                if (batchedUploads && !grants.isEmpty()) {
                    uploadBatch(grants, measureFrom, measureTo);
                    continue;
                }
                for (WorkGrant g : grants) {
                    Lease lease = g.assignment().lease();
                    WorkUnitKey k = lease.key();
                    HttpRequest put = HttpRequest.newBuilder(URI.create(base + "nodes/" + nodeId + "/units/"
                            + k.jobId().value() + "/" + k.frame() + "/" + k.tileIndex() + "/" + k.rangeIndex()
                            + "/result?epoch=" + lease.epoch())).header("Authorization", auth)
                            .header("Content-Type", "application/octet-stream")
                            .PUT(HttpRequest.BodyPublishers.ofByteArray(resultFor(g.assignment().unit()))).build();
                    long u0 = System.nanoTime();
                    HttpResponse<byte[]> u = http.send(put, HttpResponse.BodyHandlers.ofByteArray());
                    long u1 = System.nanoTime();
                    if (u0 >= measureFrom && u0 < measureTo) {
                        uploadNanos.add(u1 - u0);
                    }
                    if (u.statusCode() == 200) {
                        accepted.increment();
                    } else {
                        error("upload HTTP " + u.statusCode(), u.body());
                    }
                }
            }
        }

        /** All of a claim's results in one request; counts each unit the coordinator accepted. */
        void uploadBatch(List<WorkGrant> grants, long measureFrom, long measureTo) throws Exception {
            List<ResultBatch.Result> results = new ArrayList<>(grants.size());
            for (WorkGrant g : grants) {
                Lease lease = g.assignment().lease();
                results.add(new ResultBatch.Result(new LeaseRef(lease.key(), lease.epoch()), resultFor(g.assignment().unit())));
            }
            HttpRequest post = HttpRequest.newBuilder(URI.create(base + "nodes/" + nodeId + "/results"))
                    .header("Authorization", auth).header("Content-Type", "application/octet-stream")
                    .POST(HttpRequest.BodyPublishers.ofByteArray(new ResultBatch(results).encode())).build();
            long u0 = System.nanoTime();
            HttpResponse<byte[]> u = http.send(post, HttpResponse.BodyHandlers.ofByteArray());
            long u1 = System.nanoTime();
            if (u0 >= measureFrom && u0 < measureTo) {
                uploadNanos.add(u1 - u0);
            }
            if (u.statusCode() != 200) {
                error("batch upload HTTP " + u.statusCode(), u.body());
                return;
            }
            for (ResultBatchReply.BatchOutcome o : json.readValue(u.body(), ResultBatchReply.class).outcomes()) {
                if (o.status() == 200) {
                    accepted.increment();
                } else {
                    error("batched unit " + o.status(), o.message() == null ? new byte[0]
                            : o.message().getBytes(java.nio.charset.StandardCharsets.UTF_8));
                }
            }
        }

        void error(String kind, byte[] body) {
            errors.computeIfAbsent(kind, k -> new LongAdder()).increment();
            String text = new String(body, java.nio.charset.StandardCharsets.UTF_8);
            firstError.putIfAbsent(kind, text.length() > 300 ? text.substring(0, 300) + "..." : text);
        }

        void leave() throws IOException, InterruptedException {
            send(post("nodes/" + nodeId + "/leave", new byte[0]));
        }

        private HttpRequest post(String path, byte[] body) {
            return HttpRequest.newBuilder(URI.create(base + path)).header("Authorization", auth)
                    .header("Content-Type", "application/json").POST(HttpRequest.BodyPublishers.ofByteArray(body)).build();
        }

        private HttpResponse<byte[]> send(HttpRequest req) throws IOException, InterruptedException {
            HttpResponse<byte[]> r = http.send(req, HttpResponse.BodyHandlers.ofByteArray());
            if (r.statusCode() / 100 != 2) {
                throw new IOException(req.method() + " " + req.uri().getPath() + ": HTTP " + r.statusCode() + " "
                        + new String(r.body(), java.nio.charset.StandardCharsets.UTF_8));
            }
            return r;
        }
    }

    /** CPU time of this process so far (every thread), nanoseconds; -1 where the JVM cannot tell. */
    private static long processCpuNanos() {
        return java.lang.management.ManagementFactory.getOperatingSystemMXBean()
                instanceof com.sun.management.OperatingSystemMXBean os ? os.getProcessCpuTime() : -1;
    }

    private static void sleepUntil(long nanoTime) throws InterruptedException {
        for (long left = nanoTime - System.nanoTime(); left > 0; left = nanoTime - System.nanoTime()) {
            Thread.sleep(Math.max(1, left / 1_000_000));
        }
    }

    private static int ceilDiv(int a, int b) {
        return (a + b - 1) / b;
    }

    private static int freePort() throws IOException {
        try (ServerSocket s = new ServerSocket(0)) {
            return s.getLocalPort();
        }
    }

    private static void deleteTree(Path root) throws IOException {
        if (!Files.exists(root)) {
            return;
        }
        try (Stream<Path> s = Files.walk(root)) {
            for (Path p : s.sorted(Comparator.reverseOrder()).toList()) {
                Files.deleteIfExists(p);
            }
        }
    }
}
