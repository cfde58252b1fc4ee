package io.photonfarm.coordinator.http;

import com.fasterxml.jackson.databind.ObjectMapper;
import io.photonfarm.api.ApiError;
import io.photonfarm.api.job.JobLimits;
import io.photonfarm.api.job.JobView;
import io.photonfarm.coordinator.Coordinator;
import io.photonfarm.coordinator.CoordinatorSettings;
import io.photonfarm.coordinator.auth.Tokens;
import io.photonfarm.coordinator.cluster.ClusterSettings;
import io.photonfarm.coordinator.nodes.UnitSizer;
import io.photonfarm.coordinator.schedule.SchedulingPolicy;
import io.photonfarm.coordinator.store.Durability;
import io.photonfarm.coordinator.work.WorkTiming;
import java.io.IOException;
import java.io.UncheckedIOException;
import java.net.InetAddress;
import java.net.ServerSocket;
import java.net.URI;
import java.net.http.HttpClient;
import java.net.http.HttpRequest;
import java.net.http.HttpResponse;
import java.nio.charset.StandardCharsets;
import java.nio.file.Path;
import java.time.Duration;
import java.util.List;
import java.util.UUID;
import java.util.function.BooleanSupplier;

/**
 * A coordinator started for one test, with the HTTP calls a client and a node make. Tests act as
 * the client and as the nodes themselves, over real HTTP.
 */
final class TestFarm implements AutoCloseable {
    static final String CLIENT_TOKEN = "client-token-for-tests-0001";
    static final String NODE_TOKEN = "node-token-for-tests-000001";
    static final Tokens TOKENS = new Tokens(CLIENT_TOKEN, NODE_TOKEN);
    /** Short enough that a test sees a lapsed lease requeued in about a second. */
    static final WorkTiming FAST = new WorkTiming(30_000, 500, 2_000, 20, 5_000);

    final Coordinator coordinator;
    final HttpClient http = HttpClient.newBuilder().connectTimeout(Duration.ofSeconds(5)).build();
    final ObjectMapper json = Coordinator.jsonMapper();

    private TestFarm(Coordinator coordinator) {
        this.coordinator = coordinator;
    }

    /** One coordinator alone in a fresh cluster, state in memory. */
    static TestFarm start(Path dataDir) {
        return start(dataDir, JobLimits.DEFAULT, FAST, SchedulingPolicy.DEFAULT);
    }

    static TestFarm start(Path dataDir, JobLimits limits, WorkTiming timing, SchedulingPolicy policy) {
        String cluster = "http-test-" + UUID.randomUUID();
        RuntimeException last = null;
        for (int attempt = 0; attempt < 5; attempt++) {
            int port = freePort();
            ClusterSettings member = new ClusterSettings(cluster, "127.0.0.1", port, List.of("127.0.0.1:" + port), 31, "jdk");
            try {
                return new TestFarm(Coordinator.start(settings(dataDir, member, 0, Durability.none(), limits, timing, policy)));
            } catch (RuntimeException e) {
                last = e; // the free port was taken meanwhile: try another
            }
        }
        throw new IllegalStateException("no coordinator started in 5 attempts", last);
    }

    static CoordinatorSettings settings(Path dataDir, ClusterSettings cluster, int backupCount, Durability durability,
            JobLimits limits, WorkTiming timing, SchedulingPolicy policy) {
        return new CoordinatorSettings("127.0.0.1", 0, dataDir, cluster, backupCount, durability, TOKENS, limits, timing,
                policy, UnitSizer.DEFAULT);
    }

    static TestFarm wrap(Coordinator coordinator) {
        return new TestFarm(coordinator);
    }

    static int freePort() {
        try (ServerSocket socket = new ServerSocket(0, 1, InetAddress.getLoopbackAddress())) {
            return socket.getLocalPort();
        } catch (IOException e) {
            throw new UncheckedIOException("finding a free port", e);
        }
    }

    /** A response as received. */
    record Reply(int status, byte[] body) {
        String text() {
            return new String(body, StandardCharsets.UTF_8);
        }

        ApiError error() {
            try {
                return Coordinator.jsonMapper().readValue(body, ApiError.class);
            } catch (IOException e) {
                throw new AssertionError("expected an ApiError body, got HTTP " + status + ": " + text(), e);
            }
        }

        <T> T as(Class<T> type) {
            if (status / 100 != 2) {
                throw new AssertionError("expected a 2xx reply with a " + type.getSimpleName() + ", got HTTP " + status
                        + ": " + text());
            }
            try {
                return Coordinator.jsonMapper().readValue(body, type);
            } catch (IOException e) {
                throw new AssertionError("reading a " + type.getSimpleName() + " from " + text(), e);
            }
        }
    }

    Reply send(String method, String path, String token, String contentType, byte[] body) {
        HttpRequest.Builder b = HttpRequest.newBuilder(URI.create(coordinator.url() + path)).timeout(Duration.ofSeconds(20))
                .method(method, body == null ? HttpRequest.BodyPublishers.noBody() : HttpRequest.BodyPublishers.ofByteArray(body));
        if (token != null) {
            b.header("Authorization", "Bearer " + token);
        }
        if (contentType != null) {
            b.header("Content-Type", contentType);
        }
        try {
            HttpResponse<byte[]> r = http.send(b.build(), HttpResponse.BodyHandlers.ofByteArray());
            return new Reply(r.statusCode(), r.body());
        } catch (IOException e) {
            throw new UncheckedIOException(method + " " + path + ": " + e.getMessage(), e);
        } catch (InterruptedException e) {
            Thread.currentThread().interrupt();
            throw new IllegalStateException("interrupted during " + method + " " + path, e);
        }
    }

    Reply sendJson(String method, String path, String token, String jsonBody) {
        return send(method, path, token, "application/json",
                jsonBody == null ? null : jsonBody.getBytes(StandardCharsets.UTF_8));
    }

    Reply client(String method, String path, String jsonBody) {
        return sendJson(method, path, CLIENT_TOKEN, jsonBody);
    }

    Reply client(String method, String path) {
        return sendJson(method, path, CLIENT_TOKEN, null);
    }

    JobView submit(String jobJson) {
        Reply r = client("POST", "/api/v1/jobs", jobJson);
        if (r.status() != 201) {
            throw new AssertionError("submitting " + jobJson + ": HTTP " + r.status() + " " + r.text());
        }
        return r.as(JobView.class);
    }

    JobView job(String id) {
        return client("GET", "/api/v1/jobs/" + id).as(JobView.class);
    }

    TestNode node(String name) {
        return new TestNode(this, name);
    }

    String toJson(Object value) {
        try {
            return json.writeValueAsString(value);
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        }
    }

    /** Polls {@code condition} until it holds; fails naming {@code what} after {@code timeout}. */
    static void await(String what, Duration timeout, BooleanSupplier condition) {
        long deadline = System.nanoTime() + timeout.toNanos();
        while (!condition.getAsBoolean()) {
            if (System.nanoTime() > deadline) {
                throw new AssertionError("timed out after " + timeout.toMillis() + " ms waiting for " + what);
            }
            try {
                Thread.sleep(20);
            } catch (InterruptedException e) {
                Thread.currentThread().interrupt();
                throw new AssertionError("interrupted waiting for " + what, e);
            }
        }
    }

    @Override
    public void close() {
        coordinator.close();
    }
}
