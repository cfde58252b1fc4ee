package io.photonfarm.coordinator.http;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertNotNull;
import static org.junit.jupiter.api.Assertions.assertNull;
import static org.junit.jupiter.api.Assertions.assertTrue;

import io.photonfarm.api.farm.Estimate;
import io.photonfarm.api.farm.FarmStatus;
import io.photonfarm.api.farm.FramePage;
import io.photonfarm.api.farm.JobProgress;
import io.photonfarm.api.node.NodeActivity;
import io.photonfarm.api.work.UnitOutcome;
import io.photonfarm.api.work.WorkGrant;
import java.awt.image.BufferedImage;
import java.io.ByteArrayInputStream;
import java.io.IOException;
import java.net.URI;
import java.net.http.HttpClient;
import java.net.http.HttpRequest;
import java.net.http.HttpResponse;
import java.nio.file.Path;
import java.time.Duration;
import java.util.ArrayList;
import java.util.List;
import javax.imageio.ImageIO;
import org.junit.jupiter.api.AfterAll;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/** The routes the web UI stands on: pages and sign-in, the farm's status, estimates, frames and the live preview. */
class WebUiRoutesTest {
    @TempDir
    static Path dataDir;
    static TestFarm farm;
    static final HttpClient HTTP = HttpClient.newHttpClient(); // follows no redirects

    @BeforeAll
    static void start() {
        farm = TestFarm.start(dataDir);
    }

    @AfterAll
    static void stop() {
        if (farm != null) {
            farm.close();
        }
    }

    private static HttpResponse<byte[]> get(String path, String cookie) throws IOException, InterruptedException {
        HttpRequest.Builder b = HttpRequest.newBuilder(URI.create(farm.coordinator.url() + path));
        if (cookie != null) {
            b.header("Cookie", cookie);
        }
        return HTTP.send(b.build(), HttpResponse.BodyHandlers.ofByteArray());
    }

    private static HttpResponse<String> signIn(String token) throws IOException, InterruptedException {
        return HTTP.send(HttpRequest.newBuilder(URI.create(farm.coordinator.url() + "/api/v1/session"))
                .header("Content-Type", "application/json")
                .POST(HttpRequest.BodyPublishers.ofString("{\"token\": \"" + token + "\"}")).build(),
                HttpResponse.BodyHandlers.ofString());
    }

    @Test
    void pagesWithoutTheCookieSendTheBrowserToSignInWhileStylesAndScriptsAreServedToAnyone() throws Exception {
        HttpResponse<byte[]> page = get("/jobs/some-job/frames/3", null);
        assertEquals(302, page.statusCode());
        assertEquals("/signin?next=%2Fjobs%2Fsome-job%2Fframes%2F3", page.headers().firstValue("Location").orElseThrow());
        HttpResponse<byte[]> signin = get("/signin", null);
        assertEquals(200, signin.statusCode());
        assertTrue(new String(signin.body()).contains("id=\"token\""));
        HttpResponse<byte[]> css = get("/static/style.css", null);
        assertEquals(200, css.statusCode());
        assertEquals("text/css; charset=utf-8", css.headers().firstValue("Content-Type").orElseThrow());
        assertTrue(css.headers().firstValue("Content-Security-Policy").orElseThrow().contains("script-src 'self'"),
                "no inline script, no CDN");
        String etag = css.headers().firstValue("ETag").orElseThrow();
        HttpResponse<String> again = HTTP.send(HttpRequest.newBuilder(URI.create(farm.coordinator.url() + "/static/style.css"))
                .header("If-None-Match", etag).build(), HttpResponse.BodyHandlers.ofString());
        assertEquals(304, again.statusCode(), "an unchanged file is revalidated, not sent again");
        assertEquals(404, get("/static/nothing-here.js", null).statusCode());
        assertEquals(404, get("/static/..%2Fpom.xml", null).statusCode());
    }

    @Test
    void signingInSetsAnHttpOnlyStrictCookieThatOpensPagesAndTheApi() throws Exception {
        HttpResponse<String> wrong = signIn("not-the-client-token-at-all");
        assertEquals(401, wrong.statusCode());
        assertTrue(wrong.body().contains("not this farm's client token"), wrong.body());
        assertTrue(wrong.headers().firstValue("Set-Cookie").isEmpty());

        HttpResponse<String> right = signIn(TestFarm.CLIENT_TOKEN);
        assertEquals(204, right.statusCode());
        String setCookie = right.headers().firstValue("Set-Cookie").orElseThrow();
        assertTrue(setCookie.startsWith("photonfarm_token=" + TestFarm.CLIENT_TOKEN + ";"), setCookie);
        assertTrue(setCookie.contains("HttpOnly") && setCookie.contains("SameSite=Strict") && setCookie.contains("Path=/"),
                setCookie);
        String cookie = setCookie.substring(0, setCookie.indexOf(';'));
        HttpResponse<byte[]> dashboard = get("/", cookie);
        assertEquals(200, dashboard.statusCode());
        assertTrue(new String(dashboard.body()).contains("<h1>Farm</h1>"));
        assertEquals(200, get("/api/v1/farm", cookie).statusCode());
        assertEquals(401, get("/api/v1/farm", null).statusCode());
        assertEquals(302, get("/", "photonfarm_token=" + TestFarm.NODE_TOKEN).statusCode(),
                "the node token opens no page");
    }

    @Test
    void theFarmStatusGivesRunningJobsEtasInTheOrderTheSchedulerServesThem() {
        farm.submit("""
                {"id": "eta-low", "sceneRef": "builtin:cornell-box", "passes": [], "writers": [], "frames": 1, "width": 16,
                 "height": 16, "spp": 4, "tileSize": 16, "priority": 1}""");
        farm.submit("""
                {"id": "eta-high", "sceneRef": "builtin:cornell-box", "passes": [], "writers": [], "frames": 2, "width": 16,
                 "height": 16, "spp": 4, "tileSize": 16, "priority": 5}""");
        TestNode node = farm.node("eta-node");
        node.heartbeat(NodeActivity.IDLE, null); // reports 1,000,000 samples/s
        FarmStatus status = farm.client("GET", "/api/v1/farm").as(FarmStatus.class);
        double sps = status.samplesPerSecond(); // this node's 1,000,000 samples/s, and other tests' nodes
        assertTrue(sps >= 1_000_000 && status.nodesActive() >= 1, sps + " samples/s");
        JobProgress high = progress(status, "eta-high");
        JobProgress low = progress(status, "eta-low");
        // eta-high goes first (with any job of higher priority): its 2 x 16 x 16 x 4 samples at least;
        // eta-low waits for it, then renders its own 1 x 16 x 16 x 4.
        assertTrue(high.etaSeconds() >= 2048 / sps - 1e-12, high.toString());
        assertEquals(1024 / sps, low.etaSeconds() - high.etaSeconds(), 1e-12);
        assertTrue(status.unitsQueued() >= 3, "both jobs' units are queued: " + status.unitsQueued());
        farm.client("POST", "/api/v1/jobs/eta-high/cancel");
        farm.client("POST", "/api/v1/jobs/eta-low/cancel");
        assertNull(progress(farm.client("GET", "/api/v1/farm").as(FarmStatus.class), "eta-low").etaSeconds(),
                "a cancelled job has no ETA");
    }

    private static JobProgress progress(FarmStatus status, String job) {
        return status.jobs().stream().filter(p -> p.job().id().value().equals(job)).findFirst()
                .orElseThrow(() -> new AssertionError("no job " + job + " in " + status.jobs()));
    }

    @Test
    void anEstimateDividesTheJobsSamplesByTheMeasuredThroughputAndRefusesABadSpecLikeASubmission() {
        farm.node("estimate-node").heartbeat(NodeActivity.IDLE, null);
        Estimate e = farm.client("POST", "/api/v1/estimates", """
                {"sceneRef": "builtin:cornell-box", "frames": 10, "width": 100, "height": 50, "spp": 8}""").as(Estimate.class);
        assertEquals(10L * 100 * 50 * 8, e.pixelSamples());
        assertTrue(e.samplesPerSecond() >= 1_000_000, "at least this test's node: " + e.samplesPerSecond());
        assertEquals(e.pixelSamples() / e.samplesPerSecond(), e.seconds(), 1e-12);
        TestFarm.Reply bad = farm.client("POST", "/api/v1/estimates", """
                {"sceneRef": "builtin:cornell-box", "frames": 10, "width": 100000, "height": 50, "spp": 8}""");
        assertEquals(400, bad.status());
        assertEquals("width", bad.error().violations().get(0).field());
    }

    @Test
    void framesArePagedAndAWrittenFramesFilesThumbnailAndPreviewAreServed() throws Exception {
        farm.submit("""
                {"id": "gallery", "sceneRef": "builtin:cornell-box", "passes": [], "writers": [], "frames": 2, "width": 16,
                 "height": 16, "spp": 1, "tileSize": 8, "priority": 9}""");
        TestNode node = farm.node("gallery-node");
        List<WorkGrant> frame1 = new ArrayList<>();
        for (int claims = 0; claims < 20 && frame1.size() < 4; claims++) {
            for (WorkGrant g : node.claim(8, 1_000)) {
                if (!g.frame().jobId().value().equals("gallery")) {
                    continue;
                }
                if (g.frame().frame() == 0) {
                    assertEquals("ACCEPTED", node.complete(g, 0.5).as(UnitOutcome.class).outcome());
                } else {
                    frame1.add(g);
                }
            }
        }
        assertEquals(4, frame1.size());
        WorkGrant landed = frame1.get(0);
        assertEquals("ACCEPTED", node.complete(landed, 0.25).as(UnitOutcome.class).outcome());
        // The frame counts as written once the ledger says so, just after its meta.json lands.
        TestFarm.await("frame 0 to be written", Duration.ofSeconds(10), () -> farm.job("gallery").framesWritten() == 1);

        FramePage page = farm.client("GET", "/api/v1/jobs/gallery/frames?offset=0&limit=5").as(FramePage.class);
        assertEquals(2, page.frames());
        assertEquals(1, page.written());
        assertEquals(2, page.items().size(), "a page stops at the last frame");
        assertTrue(page.items().get(0).written() && page.items().get(0).files().containsAll(List.of("meta.json", "rgb.png")));
        assertTrue(!page.items().get(1).written() && page.items().get(1).files().isEmpty());
        assertEquals(400, farm.client("GET", "/api/v1/jobs/gallery/frames?limit=500").status());

        TestFarm.Reply meta = farm.client("GET", "/api/v1/jobs/gallery/frames/0/files/meta.json");
        assertEquals(200, meta.status());
        assertTrue(meta.text().contains("\"frame\" : 0") || meta.text().contains("\"frame\":0"), meta.text());
        assertEquals(400, farm.client("GET", "/api/v1/jobs/gallery/frames/0/files/.hidden").status());
        assertEquals(404, farm.client("GET", "/api/v1/jobs/gallery/frames/0/files/depth_z.exr").status());
        assertEquals(404, farm.client("GET", "/api/v1/jobs/gallery/frames/1/files/rgb.png").status(), "not written yet");
        assertEquals(400, farm.client("GET", "/api/v1/jobs/gallery/frames/2/thumbnail").status(), "no frame 2");
        TestFarm.Reply view = farm.client("GET", "/api/v1/jobs/gallery/frames/0/view/depth");
        assertEquals(404, view.status());
        assertTrue(view.error().message().contains("depth_z.exr"), view.error().message());

        TestFarm.Reply jobJson = farm.client("GET", "/api/v1/jobs/gallery/files/job.json");
        assertEquals(200, jobJson.status());
        assertTrue(jobJson.text().contains("builtin:cornell-box"), jobJson.text());
        assertEquals(404, farm.client("GET", "/api/v1/jobs/gallery/files/frames").status(), "a directory is no file");
        assertEquals(400, farm.client("GET", "/api/v1/jobs/gallery/files/..").status());

        BufferedImage thumb = png(farm.client("GET", "/api/v1/jobs/gallery/frames/0/thumbnail"));
        assertEquals(16, thumb.getWidth(), "a small frame is not enlarged");
        assertEquals(srgb8(0.5), thumb.getRGB(5, 5) & 0xFF);

        TestFarm.Reply preview = farm.client("GET", "/api/v1/jobs/gallery/preview");
        BufferedImage live = png(preview);
        var rect = landed.assignment().unit().rect();
        for (int y = 0; y < 16; y++) {
            for (int x = 0; x < 16; x++) {
                boolean inTile = x >= rect.x() && x < rect.x() + rect.width() && y >= rect.y() && y < rect.y() + rect.height();
                int argb = live.getRGB(x, y);
                assertEquals(inTile ? 255 : 0, argb >>> 24, "only the landed tile is drawn, at (" + x + ", " + y + ")");
                if (inTile) {
                    assertEquals(srgb8(0.25), argb & 0xFF);
                }
            }
        }
        for (WorkGrant g : frame1.subList(1, 4)) {
            assertEquals("ACCEPTED", node.complete(g, 0.25).as(UnitOutcome.class).outcome());
        }
        TestFarm.await("no frame left to preview", Duration.ofSeconds(10),
                () -> farm.client("GET", "/api/v1/jobs/gallery/preview").status() == 204);
    }

    private static BufferedImage png(TestFarm.Reply r) throws IOException {
        assertEquals(200, r.status(), r.text());
        BufferedImage img = ImageIO.read(new ByteArrayInputStream(r.body()));
        assertNotNull(img, "a PNG");
        return img;
    }

    private static int srgb8(double linear) {
        double v = linear <= 0.0031308 ? 12.92 * linear : 1.055 * Math.pow(linear, 1 / 2.4) - 0.055;
        return (int) Math.floor(v * 255 + 0.5);
    }
}
