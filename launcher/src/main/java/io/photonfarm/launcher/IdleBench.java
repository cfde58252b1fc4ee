package io.photonfarm.launcher;

import com.fasterxml.jackson.databind.ObjectMapper;
import io.photonfarm.api.job.JobView;
import io.photonfarm.coordinator.Coordinator;
import io.photonfarm.coordinator.CoordinatorSettings;
import io.photonfarm.coordinator.cluster.ClusterSettings;
import io.photonfarm.node.render.VulkanBackend;
import io.photonfarm.node.vulkan.VulkanContext;
import io.photonfarm.node.work.NodeDevices;
import io.photonfarm.node.work.NodeOptions;
import io.photonfarm.node.work.NodeRunner;
import io.photonfarm.node.work.NodeTimes;
import io.photonfarm.node.work.WorkLoop;
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
import java.util.concurrent.Callable;
import java.util.concurrent.CompletableFuture;
import java.util.stream.Stream;
import picocli.CommandLine.Command;
import picocli.CommandLine.Mixin;
import picocli.CommandLine.Model.CommandSpec;
import picocli.CommandLine.Option;
import picocli.CommandLine.Spec;

/**
 * {@code farm bench idle}: how much of the time real nodes sit idle waiting for work. A coordinator
 * (the settings of {@code farm up}, data in a temporary directory) and {@code --nodes} local nodes,
 * each with its own Vulkan context, run in this process; one job is rendered to the end. Per node,
 * the idle fraction is the time between the end of one render and the start of the next (claims,
 * uploads, bookkeeping) over the time from its first render's start to its last render's end, so the
 * start (registration, first claim, scene load is inside the first render) and the tail after the
 * queue ran dry are excluded.
 */
@Command(name = "idle", mixinStandardHelpOptions = true,
        description = "Benchmark how long real local nodes sit idle waiting for work.")
final class IdleBench implements Callable<Integer> {
    @Mixin
    CoordinatorOptions coordinator;
    @Option(names = "--nodes", defaultValue = "2", description = "Local nodes (default: ${DEFAULT-VALUE}).")
    int nodes;
    @Option(names = "--device", description = "Device of every node: index or part of a name (see 'farm devices').")
    String device;
    @Option(names = "--job", defaultValue = "{\"id\": \"idle-bench\", \"sceneRef\": \"builtin:cornell-box\", \"frames\": 6, "
            + "\"width\": 256, \"height\": 256, \"spp\": 32, \"tileSize\": 64, \"samplesPerUnit\": 8, \"seed\": 1}",
            description = "The job, as POSTed to /api/v1/jobs (default: ${DEFAULT-VALUE}).")
    String job;
    @Option(names = "--log-level", defaultValue = "WARNING", description = "java.util.logging level (default: ${DEFAULT-VALUE}).")
    String logLevel;

    @Spec
    CommandSpec spec;

    @Override
    public Integer call() throws Exception {
        Limits.check("--nodes", nodes, 1, 16);
        PrintWriter out = spec.commandLine().getOut();
        java.util.logging.Level level = java.util.logging.Level.parse(logLevel);
        java.util.logging.Logger.getLogger("").setLevel(level);
        for (var h : java.util.logging.Logger.getLogger("").getHandlers()) {
            h.setLevel(level);
        }
        boolean tempData = !spec.commandLine().getParseResult().hasMatchedOption("--data");
        if (tempData) {
            coordinator.data = Files.createTempDirectory("photonfarm-bench-idle");
        }
        if (!spec.commandLine().getParseResult().hasMatchedOption("--port")) {
            coordinator.port = 0;
        }
        if (!spec.commandLine().getParseResult().hasMatchedOption("--cluster-port")) {
            try (ServerSocket s = new ServerSocket(0)) {
                coordinator.clusterPort = s.getLocalPort();
            }
        }
        CoordinatorSettings s = coordinator.settings();
        ClusterSettings c = s.cluster();
        CoordinatorSettings settings = new CoordinatorSettings(s.httpHost(), s.httpPort(), s.dataDir(),
                new ClusterSettings(c.clusterName() + "-bench-" + ProcessHandle.current().pid(), c.bindAddress(), c.port(),
                        c.members(), c.partitionCount(), c.loggingType()),
                s.backupCount(), s.durability(), s.tokens(), s.limits(), s.timing(), s.policy(), s.sizer());
        out.println(BenchFigures.machine());
        try (Coordinator coord = Coordinator.start(settings)) {
            List<WorkLoop> loops = new ArrayList<>();
            List<CompletableFuture<Void>> ended = new ArrayList<>();
            List<String> devices = new ArrayList<>();
            for (int i = 0; i < nodes; i++) {
                CompletableFuture<WorkLoop> started = new CompletableFuture<>();
                CompletableFuture<Void> end = new CompletableFuture<>();
                int n = i;
                Thread t = new Thread(() -> {
                    try (VulkanContext ctx = VulkanContext.create(device, false);
                         VulkanBackend backend = new VulkanBackend(ctx, 0)) {
                        synchronized (devices) {
                            devices.add(backend.deviceDescription());
                        }
                        NodeRunner.run(NodeOptions.of(URI.create(coord.url()), settings.tokens().nodeToken(),
                                "bench-node-" + n, settings.dataDir().resolve("node-cache-" + n)), backend,
                                NodeDevices.of(ctx), started::complete);
                    } catch (RuntimeException e) {
                        started.completeExceptionally(e);
                    } finally {
                        end.complete(null);
                    }
                }, "bench-node-" + i);
                t.setDaemon(true);
                t.start();
                loops.add(started.get());
                ended.add(end);
            }
            out.printf(Locale.ROOT, "settings: %d in-process nodes (%s), coordinator as 'farm up' (durability %s, lease %d s,"
                            + " unit sizer %.0f s batches, at most %d units), node defaults (claim wait 20 s, <= 64 units"
                            + " a claim)%njob: %s%n", nodes, String.join("; ", devices),
                    settings.durability().enabled() ? settings.durability().jdbcUrl().replaceAll(";.*", "") : "none",
                    settings.timing().leaseMillis() / 1000, settings.sizer().targetSeconds(), settings.sizer().maxUnits(),
                    job);
            out.flush();
            HttpClient http = HttpClient.newHttpClient();
            String base = coord.url() + "/api/v1/jobs";
            String auth = "Bearer " + settings.tokens().clientToken();
            long t0 = System.nanoTime();
            HttpResponse<String> r = http.send(HttpRequest.newBuilder(URI.create(base)).header("Authorization", auth)
                    .header("Content-Type", "application/json").POST(HttpRequest.BodyPublishers.ofString(job)).build(),
                    HttpResponse.BodyHandlers.ofString());
            if (r.statusCode() != 201) {
                throw new IllegalStateException("submitting the job: HTTP " + r.statusCode() + " " + r.body());
            }
            ObjectMapper json = new ObjectMapper();
            JobView view = json.readValue(r.body(), JobView.class);
            String jobId = view.id().value();
            while (view.unitsDone() + view.unitsFailed() < view.units()) {
                Thread.sleep(200);
                view = json.readValue(http.send(HttpRequest.newBuilder(URI.create(base + "/" + jobId))
                        .header("Authorization", auth).GET().build(), HttpResponse.BodyHandlers.ofString()).body(),
                        JobView.class);
            }
            double jobSeconds = (System.nanoTime() - t0) / 1e9;
            List<NodeTimes> times = loops.stream().map(WorkLoop::times).toList();
            loops.forEach(WorkLoop::stop);
            CompletableFuture.allOf(ended.toArray(CompletableFuture[]::new)).get();
            out.printf(Locale.ROOT, "job %s: %d units (%d failed) in %.1f s from submission%n", jobId, view.units(),
                    view.unitsFailed(), jobSeconds);
            long idle = 0;
            long window = 0;
            for (int i = 0; i < times.size(); i++) {
                NodeTimes t = times.get(i);
                idle += t.idleNanos();
                window += t.busyWindowNanos();
                out.printf(Locale.ROOT, "  node %d: %d units, busy window %.2f s, rendering %.2f s, idle %.3f s = %.2f%%"
                                + " (in %d claims %.3f s total, uploads %.3f s total)%n", i, t.renders(),
                        t.busyWindowNanos() / 1e9, t.renderNanos() / 1e9, t.idleNanos() / 1e9, 100 * t.idleFraction(),
                        t.claims(), t.claimNanos() / 1e9, t.uploadNanos() / 1e9);
            }
            out.printf(Locale.ROOT, "  overall idle: %.3f s of %.2f s = %.2f%% (target < 5%%)%n", idle / 1e9, window / 1e9,
                    window == 0 ? 0 : 100.0 * idle / window);
            out.flush();
        } finally {
            if (tempData) {
                try (Stream<Path> st = Files.walk(coordinator.data)) {
                    for (Path p : st.sorted(Comparator.reverseOrder()).toList()) {
                        Files.deleteIfExists(p);
                    }
                }
            }
        }
        return 0;
    }
}
