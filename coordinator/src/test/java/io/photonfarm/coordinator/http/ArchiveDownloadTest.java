package io.photonfarm.coordinator.http;

import static org.junit.jupiter.api.Assertions.assertArrayEquals;
import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertTrue;

import io.photonfarm.api.ApiError;
import io.photonfarm.api.work.UnitOutcome;
import io.photonfarm.api.work.WorkGrant;
import java.io.ByteArrayInputStream;
import java.io.IOException;
import java.io.InputStream;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Duration;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.Set;
import java.util.TreeMap;
import java.util.stream.Stream;
import org.apache.commons.compress.archivers.ArchiveEntry;
import org.apache.commons.compress.archivers.ArchiveInputStream;
import org.apache.commons.compress.archivers.tar.TarArchiveInputStream;
import org.apache.commons.compress.archivers.zip.ZipArchiveInputStream;
import org.apache.commons.compress.compressors.gzip.GzipCompressorInputStream;
import org.junit.jupiter.api.AfterAll;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/** {@code GET /api/v1/jobs/{id}/archive} streams exactly the finished part of the dataset. */
class ArchiveDownloadTest {
    private static final String JOB = "archived";

    @TempDir
    static Path dataDir;
    static TestFarm farm;

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

    private static Path jobDir() {
        return farm.coordinator.datasetRoot().resolve("jobs").resolve(JOB);
    }

    /** Every file of the job on disk but the spool, by archive entry name ({@code <jobId>/...}). */
    private static Map<String, byte[]> onDisk() throws IOException {
        Map<String, byte[]> files = new TreeMap<>();
        Path root = jobDir();
        try (Stream<Path> walk = Files.walk(root)) {
            for (Path p : walk.filter(Files::isRegularFile).toList()) {
                String rel = root.relativize(p).toString().replace('\\', '/');
                if (!rel.startsWith("spool/")) {
                    files.put(JOB + "/" + rel, Files.readAllBytes(p));
                }
            }
        }
        return files;
    }

    private static Map<String, byte[]> download(String query) throws IOException {
        TestFarm.Reply r = farm.client("GET", "/api/v1/jobs/" + JOB + "/archive" + query);
        assertEquals(200, r.status(), query + ": " + r.text());
        boolean zip = query.contains("format=zip");
        boolean tar = query.contains("format=tar") && !query.contains("format=tar.gz");
        InputStream raw = new ByteArrayInputStream(r.body());
        Map<String, byte[]> entries = new TreeMap<>();
        try (ArchiveInputStream<? extends ArchiveEntry> in = zip ? new ZipArchiveInputStream(raw)
                : tar ? new TarArchiveInputStream(raw) : new TarArchiveInputStream(new GzipCompressorInputStream(raw))) {
            for (ArchiveEntry e = in.getNextEntry(); e != null; e = in.getNextEntry()) {
                if (!e.isDirectory()) {
                    assertFalse(entries.containsKey(e.getName()), "entry " + e.getName() + " appears once");
                    entries.put(e.getName(), in.readAllBytes());
                }
            }
        }
        return entries;
    }

    private static void assertSameFiles(Map<String, byte[]> expected, Map<String, byte[]> actual, String what) {
        assertEquals(expected.keySet(), actual.keySet(), what + ": entry names");
        expected.forEach((name, bytes) -> assertArrayEquals(bytes, actual.get(name), what + ": bytes of " + name));
    }

    @Test
    void archivesHoldExactlyTheWrittenFramesWhileTheJobRunsAndAllOfThemAfter() throws IOException {
        farm.submit("""
                {"id": "archived", "sceneRef": "builtin:cornell-box", "passes": [], "writers": [], "frames": 2, "width": 16, "height": 16,
                 "tileSize": 8, "spp": 1}""");
        TestNode node = farm.node("archiving-node");
        List<WorkGrant> frame1 = new ArrayList<>();
        int countDone = 0;
        for (int claims = 0; claims < 16 && frame1.size() + countDone < 8; claims++) {
            for (WorkGrant g : node.claim(8, 1_000)) {
                if (!g.frame().jobId().value().equals(JOB)) {
                    continue; // the other test's job
                }
                if (g.frame().frame() == 0) {
                    assertEquals("ACCEPTED", node.complete(g, 0.5).as(UnitOutcome.class).outcome());
                    countDone++;
                } else {
                    frame1.add(g);
                }
            }
        }
        assertEquals(4, frame1.size());
        // Frame 1 gets three of its four tiles: spooled, but not a frame yet.
        for (WorkGrant g : frame1.subList(0, 3)) {
            assertEquals("ACCEPTED", node.complete(g, 0.25).as(UnitOutcome.class).outcome());
        }
        TestFarm.await("frame 0 to be written", Duration.ofSeconds(10),
                () -> Files.exists(jobDir().resolve("frames/000000/meta.json")));

        Map<String, byte[]> disk = onDisk();
        assertEquals(Set.of(JOB + "/job.json", JOB + "/frames/000000/meta.json", JOB + "/frames/000000/radiance.exr",
                JOB + "/frames/000000/rgb.png"), disk.keySet());
        for (String format : List.of("tar", "zip", "tar.gz")) {
            Map<String, byte[]> archived = download("?format=" + format);
            assertSameFiles(disk, archived, format + " while running");
            assertTrue(archived.keySet().stream().noneMatch(n -> n.contains("000001") || n.contains("spool")),
                    "the unfinished frame and the spool are left out: " + archived.keySet());
        }
        assertSameFiles(disk, download(""), "default format (tar.gz)");

        assertEquals("ACCEPTED", node.complete(frame1.get(3), 0.25).as(UnitOutcome.class).outcome());
        TestFarm.await("job archived to complete", Duration.ofSeconds(10), () -> farm.job(JOB).framesWritten() == 2);
        Map<String, byte[]> all = onDisk();
        assertEquals(7, all.size(), all.keySet().toString());
        for (String format : List.of("tar", "zip", "tar.gz")) {
            assertSameFiles(all, download("?format=" + format), format + " after completion");
        }

        Map<String, byte[]> subset = download("?format=tar&frames=1-1&files=rgb.png");
        assertEquals(Set.of(JOB + "/job.json", JOB + "/frames/000001/rgb.png"), subset.keySet());
        assertArrayEquals(all.get(JOB + "/frames/000001/rgb.png"), subset.get(JOB + "/frames/000001/rgb.png"));
    }

    @Test
    void anUnknownFormatOrABadFrameRangeIsRefusedNamingWhatIsAllowed() {
        farm.submit("{\"id\": \"archive-bad\", \"sceneRef\": \"builtin:cornell-box\", \"passes\": [], \"writers\": [], \"width\": 8, \"height\": 8, \"tileSize\": 8,"
                + " \"spp\": 1}");
        TestFarm.Reply rar = farm.client("GET", "/api/v1/jobs/archive-bad/archive?format=rar");
        assertEquals(400, rar.status(), rar.text());
        ApiError e = rar.error();
        assertTrue(e.message().contains("'rar'") && e.message().contains("tar, tar.gz, zip"), e.message());

        TestFarm.Reply range = farm.client("GET", "/api/v1/jobs/archive-bad/archive?frames=5-2");
        assertEquals(400, range.status(), range.text());
        assertTrue(range.error().message().contains("5-2"), range.text());

        TestFarm.Reply file = farm.client("GET", "/api/v1/jobs/archive-bad/archive?files=../job.json");
        assertEquals(400, file.status(), file.text());
        assertTrue(file.error().message().contains("../job.json"), file.text());
    }
}
