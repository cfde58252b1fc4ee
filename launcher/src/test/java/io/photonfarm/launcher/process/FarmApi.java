package io.photonfarm.launcher.process;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import java.io.IOException;
import java.net.URI;
import java.net.http.HttpClient;
import java.net.http.HttpRequest;
import java.net.http.HttpResponse;
import java.time.Duration;
import java.util.Optional;

/** The coordinator's HTTP API as a test calls it: JSON in, JSON out, bearer token on every request. */
final class FarmApi {
    private static final ObjectMapper JSON = new ObjectMapper();

    private final URI base;
    private final String token;
    private final HttpClient http = HttpClient.newBuilder().connectTimeout(Duration.ofSeconds(5)).build();

    FarmApi(URI base, String token) {
        this.base = base;
        this.token = token;
    }

    URI base() {
        return base;
    }

    /** POSTs a job; returns its JobView. */
    JsonNode submit(String jobJson) throws IOException, InterruptedException {
        HttpResponse<String> r = send(HttpRequest.newBuilder(base.resolve("/api/v1/jobs"))
                .header("Content-Type", "application/json").POST(HttpRequest.BodyPublishers.ofString(jobJson)));
        if (r.statusCode() != 201) {
            throw new AssertionError("submitting " + jobJson + ": HTTP " + r.statusCode() + " " + r.body());
        }
        return JSON.readTree(r.body());
    }

    /** {@code GET /api/v1/jobs/{id}}; empty while the coordinator does not answer (down or restarting). */
    Optional<JsonNode> job(String id) throws InterruptedException {
        return get("/api/v1/jobs/" + id);
    }

    /** {@code GET /api/v1/nodes}; empty while the coordinator does not answer. */
    Optional<JsonNode> nodes() throws InterruptedException {
        return get("/api/v1/nodes");
    }

    private Optional<JsonNode> get(String path) throws InterruptedException {
        try {
            HttpResponse<String> r = send(HttpRequest.newBuilder(base.resolve(path)).GET());
            if (r.statusCode() != 200) {
                throw new AssertionError("GET " + path + ": HTTP " + r.statusCode() + " " + r.body());
            }
            return Optional.of(JSON.readTree(r.body()));
        } catch (IOException e) {
            // Refused, reset or timed out: the coordinator is not answering (killed, or not started yet).
            return Optional.empty();
        }
    }

    private HttpResponse<String> send(HttpRequest.Builder b) throws IOException, InterruptedException {
        return http.send(b.header("Authorization", "Bearer " + token).timeout(Duration.ofSeconds(10)).build(),
                HttpResponse.BodyHandlers.ofString());
    }
}
