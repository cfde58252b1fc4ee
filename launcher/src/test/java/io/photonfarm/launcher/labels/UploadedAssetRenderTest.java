package io.photonfarm.launcher.labels;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import com.sun.net.httpserver.HttpExchange;
import com.sun.net.httpserver.HttpServer;
import io.photonfarm.api.job.JobLimits;
import io.photonfarm.coordinator.Coordinator;
import io.photonfarm.coordinator.CoordinatorSettings;
import io.photonfarm.coordinator.cluster.ClusterSettings;
import io.photonfarm.coordinator.nodes.UnitSizer;
import io.photonfarm.coordinator.schedule.SchedulingPolicy;
import io.photonfarm.coordinator.store.Durability;
import io.photonfarm.coordinator.work.WorkTiming;
import io.photonfarm.image.IdImages;
import io.photonfarm.node.render.VulkanBackend;
import io.photonfarm.node.vulkan.VulkanContext;
import io.photonfarm.node.work.NodeDevices;
import io.photonfarm.node.work.NodeOptions;
import io.photonfarm.node.work.NodeRunner;
import java.awt.image.BufferedImage;
import java.io.ByteArrayOutputStream;
import java.io.IOException;
import java.io.InputStream;
import java.io.OutputStream;
import java.net.InetAddress;
import java.net.InetSocketAddress;
import java.net.ServerSocket;
import java.net.URI;
import java.net.http.HttpClient;
import java.net.http.HttpRequest;
import java.net.http.HttpResponse;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Duration;
import java.util.Arrays;
import java.util.List;
import java.util.Map;
import java.util.UUID;
import java.util.concurrent.Executors;
import java.util.concurrent.atomic.AtomicInteger;
import java.util.zip.GZIPOutputStream;
import javax.imageio.ImageIO;
import org.apache.commons.compress.archivers.tar.TarArchiveEntry;
import org.apache.commons.compress.archivers.tar.TarArchiveOutputStream;
import org.junit.jupiter.api.AfterAll;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/**
 * An uploaded multi-file asset (a textured OBJ cube with its MTL and PNG, in a tar.gz) rendered
 * through the farm by a real node (lavapipe in CI), with labels: the node reaches the coordinator
 * through a counting proxy, so the test sees how often it fetched the asset.
 */
class UploadedAssetRenderTest {
    static final int FRAMES = 3;
    static final ObjectMapper JSON = new ObjectMapper();

    @TempDir
    static Path data;
    static Coordinator coordinator;
    static HttpServer proxy;
    static Thread node;
    static final AtomicInteger sceneFetches = new AtomicInteger();
    static final HttpClient HTTP = HttpClient.newHttpClient();
    static String hash;
    static Path job;

    @BeforeAll
    static void render() throws Exception {
        int port = freePort();
        ClusterSettings member = new ClusterSettings("assets-" + UUID.randomUUID(), "127.0.0.1", port,
                List.of("127.0.0.1:" + port), 31, "jdk");
        coordinator = Coordinator.start(new CoordinatorSettings("127.0.0.1", 0, data, member, 0, Durability.none(),
                LabelledFarm.TOKENS, JobLimits.DEFAULT, WorkTiming.DEFAULT, SchedulingPolicy.DEFAULT, UnitSizer.DEFAULT));
        proxy = countingProxy(URI.create(coordinator.url()));
        URI proxied = URI.create("http://127.0.0.1:" + proxy.getAddress().getPort());
        node = new Thread(() -> {
            try (VulkanContext ctx = VulkanContext.create(null, false);
                 VulkanBackend backend = new VulkanBackend(ctx, 0)) {
                NodeRunner.run(NodeOptions.of(proxied, LabelledFarm.TOKENS.nodeToken(), "asset-test-node",
                        data.resolve("node-cache")).withClaimWait(Duration.ofSeconds(1)), backend, NodeDevices.of(ctx));
            }
        }, "asset-test-node");
        node.setDaemon(true);
        node.start();

        HttpResponse<String> up = HTTP.send(HttpRequest.newBuilder(URI.create(coordinator.url() + "/api/v1/assets?name=crate.tar.gz"))
                .header("Authorization", "Bearer " + LabelledFarm.TOKENS.clientToken())
                .header("Content-Type", "application/octet-stream")
                .POST(HttpRequest.BodyPublishers.ofByteArray(texturedCubeTarGz())).build(), HttpResponse.BodyHandlers.ofString());
        assertEquals(201, up.statusCode(), up.body());
        hash = JSON.readTree(up.body()).path("hash").asText();
        call("PUT", "/api/v1/assets/" + hash + "/metadata",
                "{\"class\": \"crate\", \"landmarks\": [{\"name\": \"top_corner\", \"position\": [0.5, 0.5, 0.5]}]}");
        String id = call("POST", "/api/v1/jobs", """
                {"id": "crate", "sceneRef": "asset:%s", "frames": %d, "width": 32, "height": 24, "spp": 4, "tileSize": 16,
                 "samplesPerUnit": 2, "maxBounces": 2, "seed": 3, "writers": ["coco"]}""".formatted(hash, FRAMES))
                .path("id").asText();
        long deadline = System.nanoTime() + Duration.ofMinutes(5).toNanos();
        String status = "";
        while (System.nanoTime() < deadline && !status.equals("COMPLETED")) {
            JsonNode j = call("GET", "/api/v1/jobs/" + id, null);
            status = j.path("status").asText();
            if (status.equals("FAILED") || status.equals("CANCELLED")) {
                throw new AssertionError("job ended " + status + ": " + j);
            }
            Thread.sleep(200);
        }
        assertEquals("COMPLETED", status);
        job = coordinator.datasetRoot().resolve("jobs").resolve(id);
    }

    @AfterAll
    static void stop() throws Exception {
        try {
            for (JsonNode n : call("GET", "/api/v1/nodes", null)) {
                if (!n.path("activity").asText().equals("GONE")) {
                    call("POST", "/api/v1/nodes/" + n.path("nodeId").asText() + "/drain", null);
                }
            }
            node.join(30_000);
        } finally {
            proxy.stop(0);
            coordinator.close();
        }
    }

    @Test
    void everyFrameShowsTheUploadedObjectLabelledWithItsClassAndLandmark() throws Exception {
        for (int f = 0; f < FRAMES; f++) {
            Path frame = job.resolve("frames").resolve(String.format("%06d", f));
            JsonNode meta = JSON.readTree(Files.readAllBytes(frame.resolve("meta.json")));
            JsonNode objects = meta.path("objects");
            assertEquals(1, objects.size(), "the asset is one object in frame " + f + ": " + objects);
            JsonNode crate = objects.get(0);
            assertEquals("crate", crate.path("category").asText());
            assertEquals("top_corner", crate.path("landmarks").get(0).path("name").asText());
            int id = crate.path("instanceId").asInt();
            long pixels = Arrays.stream(IdImages.readGreyPng(frame.resolve("instance.png"))).filter(p -> p == id).count();
            assertTrue(pixels > 32 * 24 / 10, "the automatic camera frames the cube: " + pixels + " pixels in frame " + f);
            assertEquals(pixels, crate.path("visiblePixels").asLong());
            int[] ids = IdImages.readGreyPng(frame.resolve("instance.png"));
            BufferedImage rgb = ImageIO.read(frame.resolve("rgb.png").toFile());
            double red = 0;
            double blue = 0;
            for (int p = 0; p < ids.length; p++) {
                if (ids[p] == id) {
                    int c = rgb.getRGB(p % 32, p / 32);
                    red += (c >> 16) & 0xff;
                    blue += c & 0xff;
                }
            }
            assertTrue(red / pixels > 40, "the cube is lit (the default sky): mean red " + red / pixels + " in frame " + f);
            assertTrue(red > 1.5 * blue, "and shows its brown texture: red " + red / pixels + ", blue " + blue / pixels);
        }
    }

    @Test
    void theNodeFetchedTheAssetOnceAndKeepsItUnpackedUnderItsHash() {
        assertEquals(1, sceneFetches.get(), "one fetch for " + FRAMES + " frames");
        Path kept = data.resolve("node-cache").resolve(hash);
        assertTrue(Files.isRegularFile(kept.resolve("asset.tar")));
        assertTrue(Files.isRegularFile(kept.resolve("files/maps/checker.png")), "textures unpacked beside the scene");
        assertTrue(Files.isRegularFile(kept.resolve("files/crate.obj")));
    }

    /** A cube with texture coordinates, its material and a 2 x 2 checker texture in a sub-folder. */
    static byte[] texturedCubeTarGz() throws IOException {
        StringBuilder obj = new StringBuilder("mtllib crate.mtl\nusemtl wood\n");
        float[][] v = {{-.5f, -.5f, -.5f}, {.5f, -.5f, -.5f}, {.5f, .5f, -.5f}, {-.5f, .5f, -.5f},
                {-.5f, -.5f, .5f}, {.5f, -.5f, .5f}, {.5f, .5f, .5f}, {-.5f, .5f, .5f}};
        for (float[] p : v) {
            obj.append("v ").append(p[0]).append(' ').append(p[1]).append(' ').append(p[2]).append('\n');
        }
        obj.append("vt 0 0\nvt 1 0\nvt 1 1\nvt 0 1\n");
        for (int[] face : new int[][] {{1, 4, 3, 2}, {5, 6, 7, 8}, {1, 2, 6, 5}, {4, 8, 7, 3}, {1, 5, 8, 4}, {2, 3, 7, 6}}) {
            obj.append("f");
            for (int k = 0; k < 4; k++) {
                obj.append(' ').append(face[k]).append('/').append(k + 1);
            }
            obj.append('\n');
        }
        BufferedImage img = new BufferedImage(2, 2, BufferedImage.TYPE_INT_RGB);
        img.setRGB(0, 0, 2, 2, new int[] {0xc08040, 0x604020, 0x604020, 0xc08040}, 0, 2);
        ByteArrayOutputStream png = new ByteArrayOutputStream();
        ImageIO.write(img, "png", png);
        Map<String, byte[]> files = Map.of(
                "crate.obj", obj.toString().getBytes(StandardCharsets.US_ASCII),
                "crate.mtl", "newmtl wood\nKd 1 1 1\nmap_Kd maps/checker.png\n".getBytes(StandardCharsets.US_ASCII),
                "maps/checker.png", png.toByteArray());
        ByteArrayOutputStream bytes = new ByteArrayOutputStream();
        try (TarArchiveOutputStream tar = new TarArchiveOutputStream(new GZIPOutputStream(bytes))) {
            for (Map.Entry<String, byte[]> f : files.entrySet()) {
                TarArchiveEntry e = new TarArchiveEntry(f.getKey());
                e.setSize(f.getValue().length);
                tar.putArchiveEntry(e);
                tar.write(f.getValue());
                tar.closeArchiveEntry();
            }
        }
        return bytes.toByteArray();
    }

    static JsonNode call(String method, String path, String body) throws IOException, InterruptedException {
        HttpRequest.Builder b = HttpRequest.newBuilder(URI.create(coordinator.url() + path))
                .header("Authorization", "Bearer " + LabelledFarm.TOKENS.clientToken()).header("Content-Type", "application/json");
        b.method(method, body == null ? HttpRequest.BodyPublishers.noBody() : HttpRequest.BodyPublishers.ofString(body));
        HttpResponse<String> r = HTTP.send(b.build(), HttpResponse.BodyHandlers.ofString());
        if (r.statusCode() / 100 != 2) {
            throw new IllegalStateException(method + " " + path + ": HTTP " + r.statusCode() + " " + r.body());
        }
        return r.body().isEmpty() ? JSON.nullNode() : JSON.readTree(r.body());
    }

    /** Forwards every request to {@code target} unchanged, counting scene content fetches. */
    static HttpServer countingProxy(URI target) throws IOException {
        HttpServer server = HttpServer.create(new InetSocketAddress(InetAddress.getLoopbackAddress(), 0), 0);
        HttpClient client = HttpClient.newHttpClient();
        server.createContext("/", exchange -> forward(exchange, target, client));
        server.setExecutor(Executors.newCachedThreadPool(r -> {
            Thread t = new Thread(r, "counting-proxy");
            t.setDaemon(true);
            return t;
        }));
        server.start();
        return server;
    }

    private static void forward(HttpExchange ex, URI target, HttpClient client) throws IOException {
        try (ex) {
            String path = ex.getRequestURI().getRawPath();
            if (ex.getRequestMethod().equals("GET") && path.startsWith("/api/v1/scenes/")) {
                sceneFetches.incrementAndGet();
            }
            byte[] body;
            try (InputStream in = ex.getRequestBody()) {
                body = in.readAllBytes();
            }
            String query = ex.getRequestURI().getRawQuery();
            HttpRequest.Builder b = HttpRequest.newBuilder(target.resolve(path + (query == null ? "" : "?" + query)))
                    .method(ex.getRequestMethod(), body.length == 0 ? HttpRequest.BodyPublishers.noBody()
                            : HttpRequest.BodyPublishers.ofByteArray(body));
            for (String h : List.of("Authorization", "Content-Type")) {
                String value = ex.getRequestHeaders().getFirst(h);
                if (value != null) {
                    b.header(h, value);
                }
            }
            HttpResponse<byte[]> r = client.send(b.build(), HttpResponse.BodyHandlers.ofByteArray());
            r.headers().map().forEach((name, values) -> {
                if (!name.equalsIgnoreCase("content-length") && !name.equalsIgnoreCase("transfer-encoding")
                        && !name.equalsIgnoreCase(":status")) {
                    ex.getResponseHeaders().put(name, values);
                }
            });
            ex.sendResponseHeaders(r.statusCode(), r.body().length == 0 ? -1 : r.body().length);
            try (OutputStream out = ex.getResponseBody()) {
                out.write(r.body());
            }
        } catch (InterruptedException e) {
            Thread.currentThread().interrupt();
            throw new IOException("proxy interrupted", e);
        }
    }

    private static int freePort() throws IOException {
        try (ServerSocket socket = new ServerSocket(0, 1, InetAddress.getLoopbackAddress())) {
            return socket.getLocalPort();
        }
    }
}
