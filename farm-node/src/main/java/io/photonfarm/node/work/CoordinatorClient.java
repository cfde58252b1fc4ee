package io.photonfarm.node.work;

import com.fasterxml.jackson.core.JsonProcessingException;
import com.fasterxml.jackson.databind.ObjectMapper;
import io.photonfarm.api.ApiError;
import io.photonfarm.api.node.Heartbeat;
import io.photonfarm.api.node.HeartbeatReply;
import io.photonfarm.api.node.NodeHello;
import io.photonfarm.api.node.NodeWelcome;
import io.photonfarm.api.work.ClaimReply;
import io.photonfarm.api.work.FailReport;
import io.photonfarm.api.work.LeaseRef;
import io.photonfarm.api.work.RenewReply;
import io.photonfarm.api.work.RenewRequest;
import io.photonfarm.api.work.ResultBatch;
import io.photonfarm.api.work.ResultBatchReply;
import io.photonfarm.api.work.UnitOutcome;
import io.photonfarm.api.work.WorkUnitKey;
import java.io.IOException;
import java.net.URI;
import java.net.http.HttpClient;
import java.net.http.HttpRequest;
import java.net.http.HttpResponse;
import java.nio.charset.StandardCharsets;
import java.time.Duration;

/**
 * The node's side of the coordinator's HTTP API ({@code /api/v1}): JSON bodies are the farm-api
 * records, every request carries the bearer token. Each call either returns the typed answer or
 * throws a {@link CoordinatorException} saying what to do (retry, register again, drop, give up).
 * Does not retry by itself; see {@link Retrier}. Thread-safe.
 */
public final class CoordinatorClient {
    /** How long any call other than a claim may take, connection included. */
    static final Duration CALL_TIMEOUT = Duration.ofSeconds(30);
    private static final String OCTETS = "application/octet-stream";
    private static final String JSON = "application/json";

    private final URI api;
    private final String token;
    private final HttpClient http;
    private final ObjectMapper json;

    /**
     * @param coordinator the coordinator's base URL (without {@code /api/v1})
     * @param token       the bearer token
     */
    public CoordinatorClient(URI coordinator, String token, HttpClient http, ObjectMapper json) {
        String base = coordinator.toString();
        this.api = URI.create((base.endsWith("/") ? base : base + "/") + "api/v1/");
        this.token = token;
        this.http = http;
        this.json = json;
    }

    /** A client with its own JDK HTTP client (10 s connect timeout) and a default Jackson mapper. */
    public static CoordinatorClient create(URI coordinator, String token) {
        HttpClient http = HttpClient.newBuilder().connectTimeout(Duration.ofSeconds(10)).build();
        return new CoordinatorClient(coordinator, token, http, new ObjectMapper());
    }

    /** {@code POST /nodes}: registers the node. */
    public NodeWelcome register(NodeHello hello) throws InterruptedException {
        return call("registering node " + hello.name(), post("nodes", hello), NodeWelcome.class, false);
    }

    /** {@code POST /nodes/{id}/heartbeat}. */
    public HeartbeatReply heartbeat(String nodeId, Heartbeat beat) throws InterruptedException {
        return call("heartbeat of node " + nodeId, post(node(nodeId) + "/heartbeat", beat), HeartbeatReply.class, true);
    }

    /**
     * {@code POST /nodes/{id}/claim}: waits up to {@code wait} for work (long poll).
     *
     * @param maxUnits caps the batch the coordinator sizes
     */
    public ClaimReply claim(String nodeId, Duration wait, int maxUnits) throws InterruptedException {
        HttpRequest req = request(node(nodeId) + "/claim?waitMillis=" + wait.toMillis() + "&maxUnits=" + maxUnits)
                .timeout(CALL_TIMEOUT.plus(wait))
                .POST(HttpRequest.BodyPublishers.noBody()).build();
        return call("claiming work for node " + nodeId, req, ClaimReply.class, true);
    }

    /** {@code POST /nodes/{id}/renew}. */
    public RenewReply renew(String nodeId, RenewRequest leases) throws InterruptedException {
        return call("renewing " + leases.leases().size() + " lease(s) of node " + nodeId,
                post(node(nodeId) + "/renew", leases), RenewReply.class, true);
    }

    /**
     * {@code PUT .../units/{job}/{frame}/{tile}/{range}/result?epoch=E}.
     *
     * @param encoded the result, {@link io.photonfarm.api.tile.TileResultCodec} bytes
     * @throws CoordinatorException.StaleLease if the lease was taken over: drop the result
     */
    public UnitOutcome upload(String nodeId, LeaseRef lease, byte[] encoded) throws InterruptedException {
        HttpRequest req = request(unit(nodeId, lease) + "/result?epoch=" + lease.epoch())
                .header("Content-Type", OCTETS)
                .PUT(HttpRequest.BodyPublishers.ofByteArray(encoded)).build();
        return call("uploading unit " + lease.key() + " epoch " + lease.epoch(), req, UnitOutcome.class, true);
    }

    /**
     * {@code POST /nodes/{id}/results}: several results in one request. Each unit is answered on its
     * own in the reply (a stale lease is a 409 outcome there, not an exception).
     *
     * @throws CoordinatorException.UnknownNode on 404: the node is unknown, or the coordinator predates
     *                                          batches; {@link #upload} of each result tells which
     */
    public ResultBatchReply uploadAll(String nodeId, ResultBatch batch) throws InterruptedException {
        HttpRequest req = request(node(nodeId) + "/results")
                .header("Content-Type", OCTETS)
                .POST(HttpRequest.BodyPublishers.ofByteArray(batch.encode())).build();
        return call("uploading " + batch.results().size() + " results", req, ResultBatchReply.class, true);
    }

    /** {@code POST .../units/{job}/{frame}/{tile}/{range}/failure?epoch=E}. */
    public UnitOutcome fail(String nodeId, LeaseRef lease, FailReport report) throws InterruptedException {
        return call("reporting failure of unit " + lease.key() + " epoch " + lease.epoch(),
                post(unit(nodeId, lease) + "/failure?epoch=" + lease.epoch(), report), UnitOutcome.class, true);
    }

    /** {@code POST /nodes/{id}/leave}: the coordinator requeues every lease the node still holds. */
    public void leave(String nodeId) throws InterruptedException {
        HttpRequest req = request(node(nodeId) + "/leave").POST(HttpRequest.BodyPublishers.noBody()).build();
        call("node " + nodeId + " leaving", req, Void.class, true);
    }

    /** {@code GET /scenes/{hash}}: an uploaded scene file, named by its {@code X-Scene-File} header. */
    public SceneFile fetchScene(String sceneHash) throws InterruptedException {
        String what = "fetching scene " + sceneHash;
        HttpRequest req = request("scenes/" + PathSegments.encode(sceneHash)).GET().build();
        HttpResponse<byte[]> resp = send(what, req);
        check(what, resp, false);
        String name = resp.headers().firstValue("X-Scene-File")
                .orElseThrow(() -> new CoordinatorException.Rejected(what + ": the answer has no X-Scene-File header",
                        resp.statusCode()));
        return new SceneFile(name, resp.body());
    }

    private static String node(String nodeId) {
        return "nodes/" + PathSegments.encode(nodeId);
    }

    private static String unit(String nodeId, LeaseRef lease) {
        WorkUnitKey k = lease.key();
        return node(nodeId) + "/units/" + PathSegments.encode(k.jobId().value()) + "/" + k.frame() + "/"
                + k.tileIndex() + "/" + k.rangeIndex();
    }

    private HttpRequest.Builder request(String path) {
        return HttpRequest.newBuilder(api.resolve(path)).timeout(CALL_TIMEOUT)
                .header("Authorization", "Bearer " + token).header("Accept", JSON);
    }

    private HttpRequest post(String path, Object body) {
        try {
            return request(path).header("Content-Type", JSON)
                    .POST(HttpRequest.BodyPublishers.ofByteArray(json.writeValueAsBytes(body))).build();
        } catch (JsonProcessingException e) {
            throw new IllegalStateException("writing " + body.getClass().getSimpleName() + " as JSON: " + e.getMessage(), e);
        }
    }

    private <T> T call(String what, HttpRequest req, Class<T> type, boolean nodeCall) throws InterruptedException {
        HttpResponse<byte[]> resp = send(what, req);
        check(what, resp, nodeCall);
        if (type == Void.class) {
            return null;
        }
        try {
            return json.readValue(resp.body(), type);
        } catch (IOException e) {
            // A body we cannot read is what a half-deployed or foreign server sends: treat it as away.
            throw new CoordinatorException.Unavailable(what + ": unreadable " + type.getSimpleName() + " in the answer ("
                    + e.getMessage() + ")", resp.statusCode(), e);
        }
    }

    private HttpResponse<byte[]> send(String what, HttpRequest req) throws InterruptedException {
        try {
            return http.send(req, HttpResponse.BodyHandlers.ofByteArray());
        } catch (IOException e) {
            throw new CoordinatorException.Unavailable(what + ": no answer from " + req.uri().getHost() + ":"
                    + req.uri().getPort() + " (" + e.getClass().getSimpleName()
                    + (e.getMessage() == null ? "" : ": " + e.getMessage()) + ")", 0, e);
        }
    }

    private void check(String what, HttpResponse<byte[]> resp, boolean nodeCall) {
        int s = resp.statusCode();
        if (s >= 200 && s < 300) {
            return;
        }
        String message = what + ": HTTP " + s + " " + errorText(resp);
        if (s == 401 || s == 403) {
            throw new CoordinatorException.Unauthorized(message + " (check the node's token)");
        }
        if (s == 404 && nodeCall) {
            throw new CoordinatorException.UnknownNode(message);
        }
        if (s == 409) {
            throw new CoordinatorException.StaleLease(message);
        }
        if (s >= 500 || s == 408 || s == 429) {
            throw new CoordinatorException.Unavailable(message, s, null);
        }
        throw new CoordinatorException.Rejected(message, s);
    }

    private String errorText(HttpResponse<byte[]> resp) {
        byte[] body = resp.body();
        if (body == null || body.length == 0) {
            return "(no body)";
        }
        try {
            ApiError err = json.readValue(body, ApiError.class);
            if (err.message() != null) {
                return err.message();
            }
        } catch (IOException notApiError) {
            // fall through to the raw text: proxies answer with HTML
        }
        String text = new String(body, StandardCharsets.UTF_8);
        return text.length() > 200 ? text.substring(0, 200) + "..." : text;
    }
}
