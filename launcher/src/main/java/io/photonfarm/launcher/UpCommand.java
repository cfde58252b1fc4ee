package io.photonfarm.launcher;

import io.photonfarm.coordinator.Coordinator;
import io.photonfarm.coordinator.CoordinatorSettings;
import io.photonfarm.node.render.VulkanBackend;
import io.photonfarm.node.vulkan.VulkanContext;
import io.photonfarm.node.work.NodeDevices;
import io.photonfarm.node.work.NodeOptions;
import io.photonfarm.node.work.NodeRunner;
import java.io.PrintWriter;
import java.net.URI;
import java.net.http.HttpClient;
import java.net.http.HttpRequest;
import java.net.http.HttpResponse;
import java.util.concurrent.Callable;
import java.util.concurrent.CountDownLatch;
import java.util.concurrent.TimeUnit;
import picocli.CommandLine.Command;
import picocli.CommandLine.Mixin;
import picocli.CommandLine.Model.CommandSpec;
import picocli.CommandLine.Option;
import picocli.CommandLine.Spec;

/**
 * The embedded default: a coordinator and one local node in one process. Prints the URL and token,
 * submits a small demo job on a fresh farm, and serves until SIGTERM or Ctrl-C (the node finishes
 * its unit and hands the rest back, then the coordinator stops).
 */
@Command(name = "up", description = "Start a coordinator and a local render node in one process (the quickest way to see PhotonFarm work).")
final class UpCommand implements Callable<Integer> {
    @Mixin
    CoordinatorOptions options;
    @Option(names = "--device", description = "Device of the local node: index or part of a name (see 'farm devices').")
    String device;
    @Option(names = "--no-node", description = "Start no local node (nodes join with 'farm node').")
    boolean noNode;
    @Option(names = "--demo", negatable = true, defaultValue = "true", fallbackValue = "true",
            description = "Submit a small demo job (count the domino pips) when the farm has no jobs (default: ${DEFAULT-VALUE}).")
    boolean demo;

    @Spec
    CommandSpec spec;

    /**
     * The demo: a small "count the domino pips" dataset (the built-in recipe {@code recipe:dominoes}: 3 to
     * 6 dominoes of every pip pair on a table, varied light and materials), with the default labels.
     */
    static final String DEMO_JOB = """
            {"id": "demo", "sceneRef": "recipe:dominoes", "frames": 8, "width": 256, "height": 256, "spp": 16,
             "maxBounces": 4, "tileSize": 64, "samplesPerUnit": 8, "seed": 1}""";

    @Override
    public Integer call() throws Exception {
        CoordinatorSettings settings = options.settings();
        PrintWriter out = spec.commandLine().getOut();
        Coordinator coordinator = Coordinator.start(settings);
        Greeting.print(out, coordinator, options.generatedToken);
        Thread node = noNode ? null : startNode(coordinator, out);
        if (demo) {
            submitDemo(coordinator, out);
        }
        CountDownLatch stopped = new CountDownLatch(1);
        Runtime.getRuntime().addShutdownHook(new Thread(() -> {
            try {
                if (node != null) {
                    node.join(TimeUnit.SECONDS.toMillis(60)); // the node's own hook stops it: let it hand back its work
                }
            } catch (InterruptedException e) {
                Thread.currentThread().interrupt();
            }
            coordinator.close();
            stopped.countDown();
        }, "up-shutdown"));
        stopped.await();
        return 0;
    }

    private Thread startNode(Coordinator coordinator, PrintWriter out) {
        Thread t = new Thread(() -> {
            try (VulkanContext ctx = VulkanContext.create(device, false);
                 VulkanBackend backend = new VulkanBackend(ctx, 0)) {
                out.println("local node on " + backend.deviceDescription());
                out.flush();
                int code = NodeRunner.run(NodeOptions.of(URI.create(coordinator.url()),
                        coordinator.settings().tokens().nodeToken(), NodeCommand.defaultName(),
                        options.data.resolve("node-cache")), backend, NodeDevices.of(ctx));
                if (code != 0) {
                    out.println("local node ended with exit code " + code);
                    out.flush();
                }
            } catch (RuntimeException e) {
                out.println("local node could not run: " + e.getMessage()
                        + " (the coordinator keeps serving; nodes can join with 'farm node')");
                out.flush();
            }
        }, "local-node");
        t.start();
        return t;
    }

    private static void submitDemo(Coordinator coordinator, PrintWriter out) throws Exception {
        HttpClient http = HttpClient.newHttpClient();
        String auth = "Bearer " + coordinator.settings().tokens().clientToken();
        HttpResponse<String> jobs = http.send(HttpRequest.newBuilder(URI.create(coordinator.url() + "/api/v1/jobs"))
                .header("Authorization", auth).GET().build(), HttpResponse.BodyHandlers.ofString());
        if (jobs.statusCode() == 200 && jobs.body().strip().equals("[]")) {
            HttpResponse<String> r = http.send(HttpRequest.newBuilder(URI.create(coordinator.url() + "/api/v1/jobs"))
                    .header("Authorization", auth).header("Content-Type", "application/json")
                    .POST(HttpRequest.BodyPublishers.ofString(DEMO_JOB)).build(), HttpResponse.BodyHandlers.ofString());
            out.println(r.statusCode() == 201
                    ? "submitted the demo job 'demo' (8 frames of the domino pips dataset); frames appear under "
                            + coordinator.datasetRoot().toAbsolutePath().normalize().resolve("jobs/demo/frames")
                    : "could not submit the demo job: HTTP " + r.statusCode() + " " + r.body());
            out.flush();
        }
    }
}
