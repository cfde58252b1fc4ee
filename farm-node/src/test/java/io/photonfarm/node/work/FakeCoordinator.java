package io.photonfarm.node.work;

import com.fasterxml.jackson.databind.ObjectMapper;
import com.sun.net.httpserver.HttpExchange;
import com.sun.net.httpserver.HttpServer;
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
import io.photonfarm.api.job.JobId;
import java.io.IOException;
import java.io.UncheckedIOException;
import java.net.InetAddress;
import java.net.InetSocketAddress;
import java.net.URI;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.Set;
import java.util.concurrent.BlockingQueue;
import java.util.concurrent.ConcurrentHashMap;
import java.util.concurrent.CopyOnWriteArrayList;
import java.util.concurrent.Executors;
import java.util.concurrent.ExecutorService;
import java.util.concurrent.LinkedBlockingQueue;
import java.util.concurrent.TimeUnit;
import java.util.concurrent.atomic.AtomicInteger;
import java.util.regex.Matcher;
import java.util.regex.Pattern;

/**
 * A coordinator in a test: speaks the node protocol over the JDK's HTTP server, hands out scripted
 * claim replies, records every request, and can be told to answer 503, forget the node, ask for a
 * drain, refuse uploads with a status, report leases lost, or go down and come back on its port.
 */
final class FakeCoordinator implements AutoCloseable {
    static final String TOKEN = "test-token";
    private static final Pattern UNIT = Pattern.compile(
            "/api/v1/nodes/([^/]+)/units/([^/]+)/(\\d+)/(\\d+)/(\\d+)/(result|failure)");
    private static final Pattern RESULTS = Pattern.compile("/api/v1/nodes/([^/]+)/results");
    private static final Pattern NODE_CALL = Pattern.compile("/api/v1/nodes/([^/]+)/(heartbeat|claim|renew|leave)");

    /** One request as it arrived. */
    record Request(String method, String path, String query, byte[] body) {
    }

    /** A result or failure report for a unit, with the epoch it quoted. */
    record UnitCall(String nodeId, LeaseRef lease, byte[] body) {
    }

    final ObjectMapper json = new ObjectMapper();
    final List<Request> requests = new CopyOnWriteArrayList<>();
    final List<UnitCall> uploads = new CopyOnWriteArrayList<>();
    final List<UnitCall> failures = new CopyOnWriteArrayList<>();
    final List<RenewRequest> renewals = new CopyOnWriteArrayList<>();
    final List<Heartbeat> heartbeats = new CopyOnWriteArrayList<>();
    final List<String> leaves = new CopyOnWriteArrayList<>();
    final AtomicInteger claims = new AtomicInteger();
    /** The number of results in each batch upload, in arrival order. */
    final List<Integer> batches = new CopyOnWriteArrayList<>();
    /** False: answer batch uploads 404, as a coordinator from before batches would. */
    volatile boolean batchRoute = true;
    /** The largest batch body taken; larger ones are answered 413. */
    volatile int maxBatchBody = Integer.MAX_VALUE;
    /** How long each upload (single or batch) takes to answer, milliseconds. */
    volatile long uploadMillis;
    final AtomicInteger registrations = new AtomicInteger();
    final BlockingQueue<ClaimReply> claimReplies = new LinkedBlockingQueue<>();
    /** Units the next renewals report lost. */
    final Set<WorkUnitKey> lost = ConcurrentHashMap.newKeySet();
    /** Status to answer uploads of a unit with instead of 200. */
    final Map<WorkUnitKey, Integer> uploadStatus = new ConcurrentHashMap<>();
    /** How often each refused unit was offered, alone or in a batch. */
    final Map<WorkUnitKey, Integer> refusedOffers = new ConcurrentHashMap<>();
    final Set<String> knownNodes = ConcurrentHashMap.newKeySet();
    /** Uploaded scene files by hash, served by {@code GET /api/v1/scenes/{hash}}. */
    final Map<String, SceneFile> scenes = new ConcurrentHashMap<>();
    volatile boolean unavailable;
    volatile boolean drain;
    volatile long leaseMillis = 3_000;
    volatile long heartbeatMillis = 50;

    private final ExecutorService pool = Executors.newCachedThreadPool();
    private HttpServer server;
    private int port;

    FakeCoordinator() {
        start(0);
    }

    URI uri() {
        return URI.create("http://127.0.0.1:" + port);
    }

    /** Stops answering: connections are refused until {@link #comeBack()}. */
    synchronized void goDown() {
        server.stop(0);
    }

    /** Listens again on the same port. */
    synchronized void comeBack() {
        start(port);
    }

    private synchronized void start(int onPort) {
        try {
            server = HttpServer.create(new InetSocketAddress(InetAddress.getLoopbackAddress(), onPort), 0);
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        }
        port = server.getAddress().getPort();
        server.setExecutor(pool);
        server.createContext("/", this::handle);
        server.start();
    }

    String nodeId() {
        return "node-" + registrations.get();
    }

    List<WorkUnitKey> uploadedKeys() {
        return uploads.stream().map(u -> u.lease().key()).toList();
    }

    private void handle(HttpExchange ex) throws IOException {
        try (ex) {
            byte[] body = ex.getRequestBody().readAllBytes();
            String path = ex.getRequestURI().getPath();
            String query = ex.getRequestURI().getQuery();
            requests.add(new Request(ex.getRequestMethod(), path, query, body));
            if (!("Bearer " + TOKEN).equals(ex.getRequestHeaders().getFirst("Authorization"))) {
                error(ex, 401, "bad token");
                return;
            }
            if (unavailable) {
                error(ex, 503, "coordinator restarting");
                return;
            }
            route(ex, path, query, body);
        }
    }

    private void route(HttpExchange ex, String path, String query, byte[] body) throws IOException {
        if (path.equals("/api/v1/nodes") && ex.getRequestMethod().equals("POST")) {
            json.readValue(body, NodeHello.class);
            String id = "node-" + registrations.incrementAndGet();
            knownNodes.add(id);
            send(ex, 201, new NodeWelcome(id, leaseMillis, heartbeatMillis, 1_000));
            return;
        }
        if (path.startsWith("/api/v1/scenes/") && ex.getRequestMethod().equals("GET")) {
            SceneFile f = scenes.get(path.substring("/api/v1/scenes/".length()));
            if (f == null) {
                error(ex, 404, "no scene " + path);
                return;
            }
            ex.getResponseHeaders().set("Content-Type", "application/octet-stream");
            ex.getResponseHeaders().set("X-Scene-File", f.fileName());
            ex.sendResponseHeaders(200, f.bytes().length);
            ex.getResponseBody().write(f.bytes());
            return;
        }
        Matcher unit = UNIT.matcher(path);
        if (unit.matches()) {
            unitCall(ex, unit, query, body);
            return;
        }
        Matcher results = RESULTS.matcher(path);
        if (results.matches() && batchRoute && ex.getRequestMethod().equals("POST")) {
            results(ex, results.group(1), body);
            return;
        }
        Matcher call = NODE_CALL.matcher(path);
        if (!call.matches()) {
            error(ex, 404, "no route " + path);
            return;
        }
        String nodeId = call.group(1);
        if (!knownNodes.contains(nodeId)) {
            error(ex, 404, "unknown node " + nodeId);
            return;
        }
        switch (call.group(2)) {
            case "heartbeat" -> {
                heartbeats.add(json.readValue(body, Heartbeat.class));
                send(ex, 200, new HeartbeatReply(drain));
            }
            case "claim" -> claim(ex, query);
            case "renew" -> {
                RenewRequest req = json.readValue(body, RenewRequest.class);
                renewals.add(req);
                List<WorkUnitKey> gone = req.leases().stream().map(LeaseRef::key).filter(lost::contains).toList();
                send(ex, 200, new RenewReply(List.of(), gone));
            }
            default -> {
                leaves.add(nodeId);
                ex.sendResponseHeaders(204, -1);
            }
        }
    }

    private void claim(HttpExchange ex, String query) throws IOException {
        claims.incrementAndGet();
        long wait = Long.parseLong(param(query, "waitMillis"));
        ClaimReply reply;
        try {
            reply = claimReplies.poll(wait, TimeUnit.MILLISECONDS);
        } catch (InterruptedException e) {
            Thread.currentThread().interrupt();
            reply = null;
        }
        send(ex, 200, reply != null ? reply : new ClaimReply(List.of()));
    }

    private void unitCall(HttpExchange ex, Matcher m, String query, byte[] body) throws IOException {
        WorkUnitKey key = new WorkUnitKey(new JobId(m.group(2)), Integer.parseInt(m.group(3)),
                Integer.parseInt(m.group(4)), Integer.parseInt(m.group(5)));
        LeaseRef lease = new LeaseRef(key, Long.parseLong(param(query, "epoch")));
        if (m.group(6).equals("failure")) {
            json.readValue(body, FailReport.class);
            failures.add(new UnitCall(m.group(1), lease, body));
            send(ex, 200, new UnitOutcome(key, "RETRYING"));
            return;
        }
        pause(uploadMillis);
        Integer status = uploadStatus.get(key);
        if (status != null) {
            refusedOffers.merge(key, 1, Integer::sum);
            error(ex, status, "refused upload of " + key);
            return;
        }
        uploads.add(new UnitCall(m.group(1), lease, body));
        send(ex, 200, new UnitOutcome(key, "ACCEPTED"));
    }

    private void results(HttpExchange ex, String nodeId, byte[] body) throws IOException {
        pause(uploadMillis);
        if (!knownNodes.contains(nodeId)) {
            error(ex, 404, "unknown node " + nodeId);
            return;
        }
        if (body.length > maxBatchBody) {
            error(ex, 413, "request body too large: at most " + maxBatchBody + " bytes are accepted");
            return;
        }
        ResultBatch batch = ResultBatch.decode(body, Integer.MAX_VALUE);
        batches.add(batch.results().size());
        List<ResultBatchReply.BatchOutcome> outcomes = new ArrayList<>();
        for (ResultBatch.Result r : batch.results()) {
            WorkUnitKey key = r.lease().key();
            Integer status = uploadStatus.get(key);
            if (status != null) {
                refusedOffers.merge(key, 1, Integer::sum);
                outcomes.add(new ResultBatchReply.BatchOutcome(key, r.lease().epoch(), status,
                        status == 409 ? "STALE" : "MALFORMED", "refused upload of " + key));
            } else {
                uploads.add(new UnitCall(nodeId, r.lease(), r.encoded()));
                outcomes.add(new ResultBatchReply.BatchOutcome(key, r.lease().epoch(), 200, "ACCEPTED", null));
            }
        }
        send(ex, 200, new ResultBatchReply(outcomes));
    }

    private static void pause(long millis) {
        if (millis > 0) {
            try {
                Thread.sleep(millis);
            } catch (InterruptedException e) {
                Thread.currentThread().interrupt();
            }
        }
    }

    private static String param(String query, String name) {
        for (String kv : query == null ? new String[0] : query.split("&")) {
            if (kv.startsWith(name + "=")) {
                return kv.substring(name.length() + 1);
            }
        }
        throw new IllegalArgumentException("query " + query + " lacks " + name);
    }

    private void send(HttpExchange ex, int status, Object body) throws IOException {
        byte[] bytes = json.writeValueAsBytes(body);
        ex.getResponseHeaders().set("Content-Type", "application/json");
        ex.sendResponseHeaders(status, bytes.length);
        ex.getResponseBody().write(bytes);
    }

    private void error(HttpExchange ex, int status, String message) throws IOException {
        send(ex, status, ApiError.of(status, message));
    }

    @Override
    public synchronized void close() {
        server.stop(0);
        pool.shutdownNow();
    }
}
