package io.photonfarm.launcher.web;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertTrue;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import io.photonfarm.launcher.labels.LabelledFarm;
import java.io.IOException;
import java.net.URI;
import java.net.http.HttpClient;
import java.net.http.HttpRequest;
import java.net.http.HttpResponse;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Duration;
import java.util.ArrayList;
import java.util.LinkedHashSet;
import java.util.List;
import java.util.Set;
import java.util.TreeSet;
import java.util.stream.Stream;
import java.util.zip.GZIPInputStream;
import java.util.zip.ZipEntry;
import java.util.zip.ZipInputStream;
import org.apache.commons.compress.archivers.tar.TarArchiveEntry;
import org.apache.commons.compress.archivers.tar.TarArchiveInputStream;
import org.junit.jupiter.api.AfterAll;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.MethodOrderer;
import org.junit.jupiter.api.Order;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.TestInstance;
import org.junit.jupiter.api.TestMethodOrder;
import org.junit.jupiter.api.io.TempDir;
import org.openqa.selenium.By;
import org.openqa.selenium.WebElement;
import org.openqa.selenium.support.ui.ExpectedConditions;
import org.openqa.selenium.support.ui.Select;

/**
 * The web UI as a user meets it: real headless Chromium against a real coordinator with a real
 * local node (lavapipe in CI). The steps build on each other (sign in, submit, watch, open, download),
 * so they run in order on one browser and one farm. Screenshots of every page land in
 * {@code launcher/target/screenshots}.
 */
@TestInstance(TestInstance.Lifecycle.PER_CLASS)
@TestMethodOrder(MethodOrderer.OrderAnnotation.class)
class WebUiBrowserTest {
    private static final ObjectMapper JSON = new ObjectMapper();
    private static final String JOB = "browser-job";
    private static final Duration RENDER_TIMEOUT = Duration.ofMinutes(3);

    private Path work;
    private LabelledFarm farm;
    private Browser browser;
    private String url;

    @BeforeAll
    void start(@TempDir Path dir) throws IOException {
        work = dir;
        farm = new LabelledFarm(work.resolve("farm"));
        url = farm.coordinator.url();
        browser = new Browser(work.resolve("browser"), Path.of("target", "screenshots"));
    }

    @AfterAll
    void stop() throws Exception {
        try {
            if (browser != null) {
                browser.close();
            }
        } finally {
            if (farm != null) {
                farm.close();
            }
        }
    }

    @Test
    @Order(1)
    void pagesAndApiCallsWithoutTheTokenAreRefused() throws Exception {
        HttpClient http = HttpClient.newHttpClient();
        HttpResponse<String> api = http.send(HttpRequest.newBuilder(URI.create(url + "/api/v1/farm")).build(),
                HttpResponse.BodyHandlers.ofString());
        assertEquals(401, api.statusCode(), api.body());
        HttpResponse<String> page = http.send(HttpRequest.newBuilder(URI.create(url + "/submit")).build(),
                HttpResponse.BodyHandlers.ofString());
        assertEquals(302, page.statusCode(), "a page without the cookie redirects to sign-in");
        assertEquals("/signin?next=%2Fsubmit", page.headers().firstValue("Location").orElseThrow());

        browser.driver.get(url + "/");
        browser.waiting(Duration.ofSeconds(10)).until(ExpectedConditions.urlContains("/signin"));
        browser.driver.findElement(By.id("token")).sendKeys("not-the-token-of-this-farm");
        browser.driver.findElement(By.id("signin-button")).click();
        WebElement error = browser.waiting(Duration.ofSeconds(10)).until(
                ExpectedConditions.visibilityOfElementLocated(By.cssSelector("#signin-error:not(:empty)")));
        assertTrue(error.getText().contains("not this farm's client token"), error.getText());
        assertTrue(browser.driver.getCurrentUrl().contains("/signin"));
        browser.screenshot("signin-refused");
        // The refused sign-in is a 401 the browser logs; it is the one console error this page may have.
        List<String> errors = browser.takeConsoleErrors();
        assertTrue(errors.stream().allMatch(e -> e.contains("/api/v1/session") && e.contains("401")), errors.toString());
    }

    @Test
    @Order(2)
    void signingInWithTheTokenOpensTheDashboardWithTheLocalNode() throws Exception {
        WebElement token = browser.driver.findElement(By.id("token"));
        token.clear();
        token.sendKeys(LabelledFarm.TOKENS.clientToken());
        browser.driver.findElement(By.id("signin-button")).click();
        browser.waiting(Duration.ofSeconds(10)).until(ExpectedConditions.urlToBe(url + "/"));
        WebElement node = browser.waiting(Duration.ofSeconds(60)).until(
                ExpectedConditions.visibilityOfElementLocated(By.cssSelector("#nodes tbody tr[data-node]")));
        assertTrue(node.getText().contains("label-test-node"), node.getText());
        browser.waiting(Duration.ofSeconds(10)).until(ExpectedConditions.attributeContains(By.id("live"), "class", "on"));
        assertEquals("1", browser.driver.findElement(By.id("card-nodes")).getText());
        browser.screenshot("dashboard-idle");
        assertNoConsoleErrors("dashboard");
    }

    @Test
    @Order(3)
    void aSmallJobSubmittedThroughTheFormProgressesAndCompletesOnTheDashboard() throws Exception {
        // A first small job, so the node has measured its throughput and the form can estimate a time.
        farm.render("{\"id\": \"warm-up\", \"sceneRef\": \"builtin:cornell-box\", \"frames\": 1, \"width\": 16, "
                + "\"height\": 16, \"spp\": 4, \"passes\": [], \"writers\": []}", RENDER_TIMEOUT);
        long measuredBy = System.nanoTime() + Duration.ofSeconds(30).toNanos();
        while (farm.call("GET", "/api/v1/farm", null).path("samplesPerSecond").asDouble() <= 0) {
            assertTrue(System.nanoTime() < measuredBy, "the node reports its throughput in a heartbeat");
            Thread.sleep(200);
        }
        browser.driver.get(url + "/submit");
        browser.waiting(Duration.ofSeconds(10)).until(
                ExpectedConditions.presenceOfElementLocated(By.cssSelector("#sceneRef option[value='builtin:cornell-box']")));
        new Select(browser.driver.findElement(By.id("sceneRef"))).selectByValue("builtin:cornell-box");
        type("frames", "3");
        type("width", "64");
        type("height", "64");
        type("spp", "8");
        type("seed", "7");
        browser.driver.findElement(By.cssSelector("details summary")).click();
        type("id", JOB);
        browser.driver.findElement(By.id("writer-yolo")).click();
        JsonNode spec = JSON.readTree(browser.driver.findElement(By.id("json")).getAttribute("value"));
        assertEquals(JOB, spec.path("id").asText(), "the JSON view follows the form: " + spec);
        assertEquals(64, spec.path("width").asInt());
        assertEquals("[\"coco\",\"yolo\"]", spec.path("writers").toString());
        // 3 x 64 x 64 x 8 samples; the estimate follows the form (it showed the defaults' cost before).
        browser.waiting(Duration.ofSeconds(30)).until(ExpectedConditions.textToBePresentInElementLocated(
                By.id("estimate"), "98.3 k pixel samples"));
        String estimate = browser.driver.findElement(By.id("estimate")).getText();
        assertTrue(estimate.contains("about ") && estimate.contains("1 node measured at"),
                "a time from the node's measured throughput: " + estimate);
        browser.screenshot("submit");
        assertNoConsoleErrors("submit");

        browser.driver.findElement(By.id("submit")).click();
        browser.waiting(Duration.ofSeconds(10)).until(ExpectedConditions.urlToBe(url + "/?job=" + JOB));
        By row = By.cssSelector("#jobs tbody tr[data-job='" + JOB + "']");
        Set<String> seen = new LinkedHashSet<>();
        long deadline = System.nanoTime() + RENDER_TIMEOUT.toNanos();
        String status = "";
        while (System.nanoTime() < deadline && !status.equals("COMPLETED")) {
            List<WebElement> rows = browser.driver.findElements(row);
            if (!rows.isEmpty()) {
                try {
                    status = rows.get(0).findElement(By.cssSelector(".badge")).getText();
                    seen.add(status + " " + rows.get(0).findElement(By.cssSelector(".progress .text")).getText());
                } catch (org.openqa.selenium.StaleElementReferenceException e) {
                    continue; // the table was redrawn between the two reads
                }
            }
            Thread.sleep(50);
        }
        browser.screenshot("dashboard-completed");
        assertEquals("COMPLETED", status, "the dashboard shows the job completing; seen: " + seen);
        assertTrue(seen.stream().anyMatch(s -> s.startsWith("RUNNING")),
                "the dashboard showed the job running before it completed: " + seen);
        WebElement done = browser.driver.findElement(row);
        assertTrue(done.getText().contains("3 / 3"), done.getText());
        assertEquals("100 %", done.findElement(By.cssSelector(".progress .text")).getText());
        browser.waiting(Duration.ofSeconds(10)).until(d -> browser.js(
                "const i = document.getElementById('preview'); return !i.hidden && i.complete && i.naturalWidth === 64"));
        assertNoConsoleErrors("dashboard during the job");
    }

    @Test
    @Order(4)
    void aFrameOpensInTheViewerWithMasksBoxesAndLandmarks() throws Exception {
        browser.driver.get(url + "/jobs/" + JOB);
        browser.waiting(Duration.ofSeconds(10)).until(d -> browser.js(
                "const imgs = [...document.querySelectorAll('#thumbs img')];"
                        + "return imgs.length === 3 && imgs.every(i => i.complete && i.naturalWidth === 64)"));
        browser.screenshot("dataset");
        assertNoConsoleErrors("dataset");

        browser.driver.findElement(By.cssSelector("#thumbs a[data-frame='1']")).click();
        browser.waiting(Duration.ofSeconds(10)).until(ExpectedConditions.urlToBe(url + "/jobs/" + JOB + "/frames/1"));
        browser.waiting(Duration.ofSeconds(10)).until(d -> browser.js(
                "const i = document.getElementById('layer-rgb'); return i && i.complete && i.naturalWidth === 64"));
        for (String view : List.of("instance", "depth", "normals")) {
            browser.driver.findElement(By.id("toggle-" + view)).click();
            browser.waiting(Duration.ofSeconds(10)).until(d -> browser.js("const i = document.getElementById('layer-"
                    + view + "'); return !i.hidden && i.complete && i.naturalWidth === 64"));
        }
        JsonNode meta = JSON.readTree(farm.jobDir(JOB).resolve("frames/000001/meta.json").toFile());
        int boxes = 0;
        int landmarks = 0;
        for (JsonNode o : meta.path("objects")) {
            boxes += o.path("tightBox").isObject() ? 1 : 0;
            for (JsonNode l : o.path("landmarks")) {
                landmarks += !l.path("visibility").asText().equals("OUT_OF_FRAME") && l.path("pixel").isArray() ? 1 : 0;
            }
        }
        assertTrue(boxes > 0 && landmarks > 0, "the Cornell blocks are labelled objects with landmarks: " + meta);
        assertEquals(boxes, browser.driver.findElements(By.cssSelector("#boxes rect.box")).size());
        assertEquals(landmarks, browser.driver.findElements(By.cssSelector("#landmarks circle.landmark")).size());
        JsonNode first = meta.path("objects").get(0);
        WebElement rect = browser.driver.findElements(By.cssSelector("#boxes rect.box")).get(0);
        assertEquals(first.path("tightBox").path("xMin").asDouble(), Double.parseDouble(rect.getAttribute("x")), 1e-9,
                "the box is drawn where meta.json puts it, in pixel edges");
        assertEquals(meta.path("objects").size(), browser.driver.findElements(By.cssSelector("#objects tbody tr")).size());
        browser.screenshot("frame-viewer");
        assertNoConsoleErrors("frame viewer");
    }

    @Test
    @Order(5)
    void theArchiveDownloadsWithTheDatasetsFilesAndASubsetWithOnlyWhatWasChosen() throws Exception {
        browser.driver.get(url + "/jobs/" + JOB);
        browser.waiting(Duration.ofSeconds(10)).until(
                ExpectedConditions.presenceOfElementLocated(By.cssSelector("#download-files input[value='rgb.png']")));
        new Select(browser.driver.findElement(By.id("download-format"))).selectByValue("zip");
        browser.driver.findElement(By.id("download-link")).click();
        Path zip = awaitDownload(JOB + ".zip");
        Set<String> entries = new TreeSet<>();
        try (ZipInputStream in = new ZipInputStream(Files.newInputStream(zip))) {
            for (ZipEntry e; (e = in.getNextEntry()) != null;) {
                if (!e.isDirectory()) {
                    entries.add(e.getName());
                }
            }
        }
        assertEquals(datasetFiles(), entries, "the zip holds exactly the dataset's files");
        Files.delete(zip);

        new Select(browser.driver.findElement(By.id("download-format"))).selectByValue("tar.gz");
        type("download-first", "2");
        type("download-last", "2");
        browser.driver.findElement(By.cssSelector("#download-files input[value='rgb.png']")).click();
        browser.driver.findElement(By.cssSelector("#download-files input[value='meta.json']")).click();
        browser.screenshot("download-subset");
        browser.driver.findElement(By.id("download-link")).click();
        Path tgz = awaitDownload(JOB + ".tar.gz");
        Set<String> subset = new TreeSet<>();
        try (TarArchiveInputStream in = new TarArchiveInputStream(new GZIPInputStream(Files.newInputStream(tgz)))) {
            for (TarArchiveEntry e; (e = in.getNextEntry()) != null;) {
                if (e.isFile()) {
                    subset.add(e.getName());
                }
            }
        }
        Set<String> expected = new TreeSet<>();
        for (String f : datasetFiles()) {
            boolean frameFile = f.startsWith(JOB + "/frames/");
            if (!frameFile || f.equals(JOB + "/frames/000002/rgb.png") || f.equals(JOB + "/frames/000002/meta.json")) {
                expected.add(f);
            }
        }
        assertEquals(expected, subset, "frame 2's chosen files and the job-level files");
        assertNoConsoleErrors("dataset downloads");
    }

    @Test
    @Order(6)
    void aBadJobShowsTheServersErrorNextToTheFieldItConcerns() throws Exception {
        browser.driver.get(url + "/submit");
        browser.waiting(Duration.ofSeconds(10)).until(
                ExpectedConditions.presenceOfElementLocated(By.cssSelector("#sceneRef option[value='builtin:cornell-box']")));
        type("width", "99999");
        browser.driver.findElement(By.id("submit")).click();
        WebElement error = browser.waiting(Duration.ofSeconds(10)).until(ExpectedConditions.visibilityOfElementLocated(
                By.cssSelector("[data-field='width'] .field-error[data-error-for='width']")));
        assertTrue(error.getText().contains("99999") && error.getText().contains("16384"), error.getText());
        assertTrue(browser.driver.findElement(By.id("width")).getAttribute("class").contains("invalid"));
        assertEquals(url + "/submit", browser.driver.getCurrentUrl(), "nothing was submitted");
        assertEquals(2, farm.call("GET", "/api/v1/jobs", null).size(), "the warm-up job and the form's job only");
        browser.screenshot("submit-field-error");
        // The refused estimate and submission are 400s the browser logs; nothing else may be.
        List<String> errors = browser.takeConsoleErrors();
        assertTrue(errors.stream().allMatch(e -> e.contains(" 400 ")), errors.toString());
    }

    @Test
    @Order(7)
    void aBrokenUploadSaysWhyAndAGoodOneBecomesASceneToChoose() throws Exception {
        browser.driver.get(url + "/submit");
        browser.waiting(Duration.ofSeconds(10)).until(
                ExpectedConditions.presenceOfElementLocated(By.cssSelector("#sceneRef option[value='builtin:cornell-box']")));
        Path broken = Files.writeString(work.resolve("broken.obj"), "v 0 0 0\nv 1 0 0\nv 0 1 0\nf 1 2 9\n");
        browser.driver.findElement(By.id("upload")).sendKeys(broken.toString());
        WebElement error = browser.waiting(Duration.ofSeconds(20)).until(
                ExpectedConditions.visibilityOfElementLocated(By.cssSelector("#upload-error:not(:empty)")));
        assertTrue(error.getText().startsWith("broken.obj: ") && error.getText().contains("9"),
                "the server's reason, naming the vertex index: " + error.getText());
        browser.screenshot("submit-upload-refused");
        List<String> refused = browser.takeConsoleErrors();
        assertTrue(refused.stream().allMatch(e -> e.contains("/api/v1/assets") && e.contains(" 400 ")), refused.toString());

        StringBuilder cube = new StringBuilder();
        for (int i = 0; i < 8; i++) {
            cube.append("v ").append(i & 1).append(' ').append((i >> 1) & 1).append(' ').append((i >> 2) & 1).append('\n');
        }
        for (String f : List.of("1 3 4 2", "5 6 8 7", "1 2 6 5", "3 7 8 4", "1 5 7 3", "2 4 8 6")) {
            cube.append("f ").append(f).append('\n');
        }
        Path good = Files.writeString(work.resolve("cube.obj"), cube.toString());
        browser.driver.findElement(By.id("upload")).sendKeys(good.toString());
        browser.waiting(Duration.ofSeconds(20)).until(ExpectedConditions.textToBePresentInElementLocated(
                By.id("upload-status"), "uploaded cube.obj: 12 triangles"));
        String chosen = new Select(browser.driver.findElement(By.id("sceneRef"))).getFirstSelectedOption().getAttribute("value");
        assertTrue(chosen.startsWith("asset:"), "the uploaded mesh is the chosen scene: " + chosen);
        assertEquals(chosen, JSON.readTree(browser.driver.findElement(By.id("json")).getAttribute("value"))
                .path("sceneRef").asText(), "and the JSON view follows");
        assertEquals("", browser.driver.findElement(By.id("upload-error")).getText());
        browser.screenshot("submit-uploaded");
        assertNoConsoleErrors("submit with an upload");
    }

    @Test
    @Order(8)
    void everyPageFitsBothWindowSizesWithoutHorizontalOverflow() throws Exception {
        List<String> pages = List.of("/", "/submit", "/jobs/" + JOB, "/jobs/" + JOB + "/frames/0");
        List<String> problems = new ArrayList<>();
        // The last page may still have logged a refused estimate (a 400) after its step read the console.
        browser.takeConsoleErrors().stream().filter(e -> !e.contains(" 400 ")).forEach(problems::add);
        for (int[] size : new int[][] {{1280, 800}, {1920, 1080}}) {
            browser.viewport(size[0], size[1]);
            for (String page : pages) {
                browser.driver.get(url + page);
                browser.waiting(Duration.ofSeconds(10)).until(d -> browser.js("return document.readyState").equals("complete"));
                Thread.sleep(300); // the page's scripts fill it from the API
                long scrollWidth = ((Number) browser.js("return document.documentElement.scrollWidth")).longValue();
                if (scrollWidth > size[0]) {
                    problems.add(page + " at " + size[0] + "x" + size[1] + " is " + scrollWidth + " px wide");
                }
                String name = (page.equals("/") ? "dashboard" : page.substring(1).replace('/', '-')) + "-" + size[0] + "x" + size[1];
                browser.screenshot(name);
                problems.addAll(browser.takeConsoleErrors().stream().map(e -> page + ": " + e).toList());
            }
        }
        browser.viewport(1280, 800);
        assertTrue(problems.isEmpty(), String.join("\n", problems));
    }

    @Test
    @Order(9)
    void theDatasetPageOfAThousandFrameJobShowsOnePageOfFrames() throws Exception {
        String big = "thousand-frames";
        farm.call("POST", "/api/v1/jobs", "{\"id\": \"" + big + "\", \"sceneRef\": \"builtin:cornell-box\", \"frames\": 1000, "
                + "\"width\": 16, \"height\": 16, \"spp\": 1, \"passes\": [], \"writers\": []}");
        farm.call("POST", "/api/v1/jobs/" + big + "/pause", null);
        browser.driver.get(url + "/jobs/" + big);
        browser.waiting(Duration.ofSeconds(10)).until(d -> browser.driver.findElements(By.cssSelector("#thumbs .thumb")).size() == 48);
        String info = browser.driver.findElement(By.cssSelector("#pager-top [data-role='page-info']")).getText();
        assertEquals("page 1 of 21 · frames 0–47 of 1000", info);
        double loadMillis = ((Number) browser.js(
                "const n = performance.getEntriesByType('navigation')[0]; return n.loadEventEnd - n.startTime")).doubleValue();
        System.out.printf("dataset page of a 1000-frame job: loaded in %.0f ms (navigation timing, headless Chromium)%n",
                loadMillis);
        click(By.cssSelector("#pager-top button:last-child"));
        browser.waiting(Duration.ofSeconds(10)).until(ExpectedConditions.textToBe(
                By.cssSelector("#pager-top [data-role='page-info']"), "page 2 of 21 · frames 48–95 of 1000"));
        browser.screenshot("dataset-1000-frames");
        farm.call("POST", "/api/v1/jobs/" + big + "/cancel", null);
        assertNoConsoleErrors("dataset of 1000 frames");
    }

    /** Clicks what {@code by} finds, finding it again if the page redrew it (live pages redraw on events). */
    private void click(By by) {
        browser.waiting(Duration.ofSeconds(10)).ignoring(org.openqa.selenium.StaleElementReferenceException.class)
                .until(d -> {
                    d.findElement(by).click();
                    return true;
                });
    }

    @Test
    @Order(10)
    void aRecipeJobsDatasetPageShowsTheClassHistogramItsStatsHold() throws Exception {
        farm.render("{\"id\": \"dominoes\", \"sceneRef\": \"recipe:dominoes\", \"frames\": 2, \"width\": 48, "
                + "\"height\": 48, \"spp\": 2, \"writers\": []}", RENDER_TIMEOUT);
        JsonNode stats = JSON.readTree(farm.jobDir("dominoes").resolve("stats.json").toFile());
        browser.driver.get(url + "/jobs/dominoes");
        browser.waiting(Duration.ofSeconds(10)).until(ExpectedConditions.visibilityOfElementLocated(By.id("statistics")));
        List<WebElement> rows = browser.driver.findElements(By.cssSelector("#class-stats tbody tr"));
        assertEquals(stats.path("classHistogram").size(), rows.size(), "one row per class drawn: " + stats);
        long shown = 0;
        for (WebElement r : rows) {
            List<WebElement> cells = r.findElements(By.tagName("td"));
            assertEquals(stats.path("classHistogram").path(cells.get(0).getText()).asLong(), Long.parseLong(cells.get(1).getText()));
            shown += Long.parseLong(cells.get(1).getText());
        }
        assertEquals(stats.path("objects").asLong(), shown);
        browser.screenshot("dataset-recipe-statistics");
        assertNoConsoleErrors("dataset of a recipe job");
    }

    private void type(String id, String text) {
        WebElement e = browser.driver.findElement(By.id(id));
        e.clear();
        e.sendKeys(text);
    }

    private void assertNoConsoleErrors(String page) {
        List<String> errors = browser.takeConsoleErrors();
        assertTrue(errors.isEmpty(), page + " logged console errors: " + errors);
    }

    private Path awaitDownload(String name) throws Exception {
        Path file = browser.downloads.resolve(name);
        long deadline = System.nanoTime() + Duration.ofSeconds(60).toNanos();
        while (System.nanoTime() < deadline) {
            boolean partial;
            try (Stream<Path> s = Files.list(browser.downloads)) {
                partial = s.anyMatch(p -> p.getFileName().toString().endsWith(".crdownload"));
            }
            if (Files.isRegularFile(file) && !partial) {
                return file;
            }
            Thread.sleep(100);
        }
        try (Stream<Path> s = Files.list(browser.downloads)) {
            throw new AssertionError("no download " + name + " within 60 s; the directory holds " + s.toList());
        }
    }

    /**
     * The dataset's files as archive entry names ({@code job/...}): without the spool, the cached
     * thumbnails and the coordinator's hidden markers (such as {@code annotations/.finished}).
     */
    private Set<String> datasetFiles() throws IOException {
        Path dir = farm.jobDir(JOB);
        Set<String> out = new TreeSet<>();
        try (Stream<Path> s = Files.walk(dir)) {
            s.filter(Files::isRegularFile).map(p -> dir.relativize(p).toString().replace('\\', '/'))
                    .filter(r -> !r.startsWith("spool/") && !r.startsWith("thumbs/") && !r.contains("/."))
                    .forEach(r -> out.add(JOB + "/" + r));
        }
        assertFalse(out.isEmpty());
        return out;
    }
}
