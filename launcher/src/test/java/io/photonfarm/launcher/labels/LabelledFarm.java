package io.photonfarm.launcher.labels;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import io.photonfarm.api.job.JobLimits;
import io.photonfarm.coordinator.Coordinator;
import io.photonfarm.coordinator.CoordinatorSettings;
import io.photonfarm.coordinator.auth.Tokens;
import io.photonfarm.coordinator.cluster.ClusterSettings;
import io.photonfarm.coordinator.nodes.UnitSizer;
import io.photonfarm.coordinator.schedule.SchedulingPolicy;
import io.photonfarm.coordinator.store.Durability;
import io.photonfarm.coordinator.work.WorkTiming;
import io.photonfarm.node.render.VulkanBackend;
import io.photonfarm.node.vulkan.VulkanContext;
import io.photonfarm.node.work.NodeDevices;
import io.photonfarm.node.work.NodeOptions;
import io.photonfarm.node.work.NodeRunner;
import java.io.IOException;
import java.io.UncheckedIOException;
import java.net.InetAddress;
import java.net.ServerSocket;
import java.net.URI;
import java.net.http.HttpClient;
import java.net.http.HttpRequest;
import java.net.http.HttpResponse;
import java.nio.file.Path;
import java.time.Duration;
import java.util.List;
import java.util.UUID;

/**
 * A coordinator and one real local node (lavapipe in CI) in this JVM, for tests of what labelled
 * jobs write. Closing drains the node and stops both.
 */
public final class LabelledFarm implements AutoCloseable {
    public static final Tokens TOKENS = new Tokens("client-token-for-label-tests", "node-token-for-label-tests");
    private static final ObjectMapper JSON = new ObjectMapper();

    public final Coordinator coordinator;
    private final Thread node;
    private final HttpClient http = HttpClient.newHttpClient();

    public LabelledFarm(Path data) {
        int port = freePort();
        ClusterSettings member = new ClusterSettings("labels-" + UUID.randomUUID(), "127.0.0.1", port,
                List.of("127.0.0.1:" + port), 31, "jdk");
        coordinator = Coordinator.start(new CoordinatorSettings("127.0.0.1", 0, data, member, 0, Durability.none(), TOKENS,
                JobLimits.DEFAULT, WorkTiming.DEFAULT, SchedulingPolicy.DEFAULT, UnitSizer.DEFAULT));
        node = new Thread(() -> {
            try (VulkanContext ctx = VulkanContext.create(null, false);
                 VulkanBackend backend = new VulkanBackend(ctx, 0)) {
                NodeRunner.run(NodeOptions.of(URI.create(coordinator.url()), TOKENS.nodeToken(), "label-test-node",
                        data.resolve("node-cache")).withClaimWait(Duration.ofSeconds(1)), backend, NodeDevices.of(ctx));
            }
        }, "label-test-node");
        node.setDaemon(true);
        node.start();
    }

    public JsonNode call(String method, String path, String body) throws IOException, InterruptedException {
        HttpRequest.Builder b = HttpRequest.newBuilder(URI.create(coordinator.url() + path))
                .header("Authorization", "Bearer " + TOKENS.clientToken()).header("Content-Type", "application/json");
        b.method(method, body == null ? HttpRequest.BodyPublishers.noBody() : HttpRequest.BodyPublishers.ofString(body));
        HttpResponse<String> r = http.send(b.build(), HttpResponse.BodyHandlers.ofString());
        if (r.statusCode() / 100 != 2) {
            throw new IllegalStateException(method + " " + path + ": HTTP " + r.statusCode() + " " + r.body());
        }
        return r.body().isEmpty() ? JSON.nullNode() : JSON.readTree(r.body());
    }

    /** {@code POST /api/v1/assets?name=NAME} with the file's bytes: the uploaded asset's record. */
    public JsonNode upload(String name, byte[] file) throws IOException, InterruptedException {
        HttpRequest req = HttpRequest.newBuilder(URI.create(coordinator.url() + "/api/v1/assets?name=" + name))
                .header("Authorization", "Bearer " + TOKENS.clientToken()).header("Content-Type", "application/octet-stream")
                .POST(HttpRequest.BodyPublishers.ofByteArray(file)).build();
        HttpResponse<String> r = http.send(req, HttpResponse.BodyHandlers.ofString());
        if (r.statusCode() / 100 != 2) {
            throw new IllegalStateException("uploading " + name + ": HTTP " + r.statusCode() + " " + r.body());
        }
        return JSON.readTree(r.body());
    }

    /** Submits a job and waits until it is COMPLETED (fails on FAILED or after {@code timeout}). */
    public JsonNode render(String jobJson, Duration timeout) throws Exception {
        String id = call("POST", "/api/v1/jobs", jobJson).path("id").asText();
        long deadline = System.nanoTime() + timeout.toNanos();
        while (System.nanoTime() < deadline) {
            JsonNode job = call("GET", "/api/v1/jobs/" + id, null);
            String status = job.path("status").asText();
            if (status.equals("COMPLETED")) {
                return job;
            }
            if (status.equals("FAILED") || status.equals("CANCELLED")) {
                throw new AssertionError("job " + id + " ended " + status + ": " + job);
            }
            Thread.sleep(200);
        }
        throw new AssertionError("job " + id + " not completed within " + timeout + ": " + call("GET", "/api/v1/jobs/" + id, null));
    }

    public Path jobDir(String id) {
        return coordinator.datasetRoot().resolve("jobs").resolve(id);
    }

    @Override
    public void close() throws Exception {
        try {
            for (JsonNode n : call("GET", "/api/v1/nodes", null)) {
                if (!n.path("activity").asText().equals("GONE")) {
                    call("POST", "/api/v1/nodes/" + n.path("nodeId").asText() + "/drain", null);
                }
            }
            node.join(30_000);
        } finally {
            coordinator.close();
        }
    }

    private static int freePort() {
        try (ServerSocket socket = new ServerSocket(0, 1, InetAddress.getLoopbackAddress())) {
            return socket.getLocalPort();
        } catch (IOException e) {
            throw new UncheckedIOException("finding a free port", e);
        }
    }
}
