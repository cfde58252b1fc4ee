package io.photonfarm.coordinator.http;

import static org.junit.jupiter.api.Assertions.assertArrayEquals;
import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertTrue;

import io.photonfarm.api.ApiError;
import io.photonfarm.api.job.JobLimits;
import io.photonfarm.api.job.JobSpecException;
import io.photonfarm.api.job.JobView;
import io.photonfarm.api.tile.SampleRange;
import io.photonfarm.api.tile.TileRect;
import io.photonfarm.api.work.LeaseRef;
import io.photonfarm.api.work.RenewReply;
import io.photonfarm.api.work.RenewRequest;
import io.photonfarm.api.work.UnitOutcome;
import io.photonfarm.api.work.WorkGrant;
import io.photonfarm.api.work.WorkUnit;
import io.photonfarm.api.work.WorkUnitKey;
import io.photonfarm.coordinator.schedule.SchedulingPolicy;
import io.photonfarm.coordinator.work.WorkTiming;
import io.photonfarm.image.FloatImage;
import io.photonfarm.image.Images;
import java.io.IOException;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Duration;
import java.util.ArrayList;
import java.util.Arrays;
import java.util.List;
import java.util.stream.Stream;
import org.junit.jupiter.api.AfterAll;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/**
 * Every kind of bad input is refused with the right status and a message that names what was
 * wrong, and the server goes on answering correctly afterwards.
 */
class BadInputTest {
    /** Small limits, to show they are the coordinator's settings and not constants. */
    static final JobLimits LIMITS = new JobLimits(64, 10, 64, 8, 8, 32, 9, 40, 64);
    /** A one-second lease, so a test can let one lapse and be taken over. */
    static final WorkTiming SHORT_LEASE = new WorkTiming(1_000, 300, 2_000, 20, 5_000);

    @TempDir
    static Path dataDir;
    static TestFarm farm;

    @BeforeAll
    static void start() {
        farm = TestFarm.start(dataDir, LIMITS, SHORT_LEASE, SchedulingPolicy.DEFAULT);
    }

    @AfterAll
    static void stop() {
        if (farm != null) {
            farm.close();
        }
    }

    /** After each refusal the server still serves a valid request. */
    @AfterEach
    void serverStillAnswers() {
        TestFarm.Reply r = farm.client("GET", "/api/v1/jobs");
        assertEquals(200, r.status(), r.text());
        assertTrue(r.text().startsWith("["), r.text());
    }

    private static ApiError refused(int status, TestFarm.Reply r) {
        assertEquals(status, r.status(), r.text());
        ApiError e = r.error();
        assertEquals(status, e.status());
        return e;
    }

    private static void assertMentions(String message, String... parts) {
        for (String p : parts) {
            assertTrue(message.contains(p), "expected '" + p + "' in: " + message);
        }
    }

    @Test
    void malformedJsonIsRefusedWithItsLineAndColumn() {
        ApiError e = refused(400, farm.client("POST", "/api/v1/jobs", "{\"sceneRef\": \"builtin:cornell-box\", \"passes\": [], \"writers\": [],\n \"frames\": }"));
        assertMentions(e.message(), "malformed JSON at line 2, column");
    }

    @Test
    void anUnknownFieldIsNamedAlongWithTheKnownOnes() {
        ApiError e = refused(400, farm.client("POST", "/api/v1/jobs", "{\"sceneRef\": \"builtin:cornell-box\", \"passes\": [], \"writers\": [], \"sppp\": 4}"));
        assertMentions(e.message(), "unknown field 'sppp'", "known fields:", "spp", "samplesPerUnit", "tileSize");
    }

    @Test
    void aValueOfTheWrongTypeNamesItsField() {
        ApiError e = refused(400, farm.client("POST", "/api/v1/jobs", "{\"sceneRef\": \"builtin:cornell-box\", \"passes\": [], \"writers\": [], \"spp\": \"many\"}"));
        assertMentions(e.message(), "field 'spp'");
    }

    @Test
    void anAbsurdSizeNamesTheFieldTheValueAndTheConfiguredLimit() {
        ApiError e = refused(400, farm.client("POST", "/api/v1/jobs", "{\"sceneRef\": \"builtin:cornell-box\", \"passes\": [], \"writers\": [], \"width\": 100000, \"height\": 16, \"tileSize\": 8}"));
        assertMentions(e.message(), "width", "100000", "1..64");
        assertEquals(List.of(new JobSpecException.Violation("width", "100000", "1..64")), e.violations());
    }

    @Test
    void tooManyWorkUnitsAreRefusedWithTheCountAndTheLimit() {
        ApiError e = refused(400, farm.client("POST", "/api/v1/jobs",
                "{\"sceneRef\": \"builtin:cornell-box\", \"passes\": [], \"writers\": [], \"frames\": 10, \"width\": 64, \"height\": 64, \"tileSize\": 8, \"spp\": 1}"));
        assertEquals(1, e.violations().size(), e.message());
        JobSpecException.Violation v = e.violations().get(0);
        assertEquals("workUnits", v.field());
        assertMentions(v.value(), "640", "10 frames", "64 tiles");
        assertMentions(v.limit(), "at most 40");
    }

    @Test
    void anUnknownSceneNamesSceneRefAndTheKnownScenes() {
        ApiError e = refused(400, farm.client("POST", "/api/v1/jobs", "{\"sceneRef\": \"builtin:nope\"}"));
        assertMentions(e.message(), "sceneRef", "builtin:nope", "builtin:cornell-box");
    }

    @Test
    void aDuplicateJobIdIsAConflictAndTheFirstJobIsUntouched() {
        JobView first = farm.submit("{\"id\": \"dup-1\", \"sceneRef\": \"builtin:cornell-box\", \"passes\": [], \"writers\": [], \"width\": 16, \"height\": 16, \"tileSize\": 8, \"spp\": 1}");
        ApiError e = refused(409, farm.client("POST", "/api/v1/jobs",
                "{\"id\": \"dup-1\", \"sceneRef\": \"builtin:cornell-box\", \"passes\": [], \"writers\": [], \"width\": 8, \"height\": 8, \"tileSize\": 8, \"spp\": 2}"));
        assertMentions(e.message(), "'dup-1'", "taken");
        JobView still = farm.job("dup-1");
        assertEquals(first.spec(), still.spec());
        assertEquals(first.units(), still.units());
        farm.client("POST", "/api/v1/jobs/dup-1/cancel");
    }

    @Test
    void aResultQuotingAnEpochTheNodeDoesNotHoldIsRefusedAndNeverWritten() throws IOException {
        // 1 frame, 1 tile, 2 sample ranges: the frame is written only once both units are in.
        farm.submit("{\"id\": \"stale-1\", \"sceneRef\": \"builtin:cornell-box\", \"passes\": [], \"writers\": [], \"width\": 8, \"height\": 8, \"tileSize\": 8, \"spp\": 2,"
                + " \"samplesPerUnit\": 1}");
        TestNode a = farm.node("stale-a");
        TestNode b = farm.node("stale-b");
        List<WorkGrant> aHeld = new ArrayList<>();
        aHeld.addAll(a.claim(2));
        aHeld.addAll(a.claim(2));
        assertEquals(2, aHeld.size());
        WorkGrant u = aHeld.get(0);
        WorkUnitKey key = u.assignment().unit().key();
        long aEpoch = u.assignment().lease().epoch();
        Path spool = farm.coordinator.datasetRoot().resolve("jobs/stale-1/spool/000000");
        Path frameDir = farm.coordinator.datasetRoot().resolve("jobs/stale-1/frames/000000");

        ApiError wrongEpoch = refused(409, a.upload(key, aEpoch + 1, TestNode.result(u.assignment().unit(), 0.5)));
        assertMentions(wrongEpoch.message(), key.toString(), "epoch " + (aEpoch + 1));
        assertEquals(List.of(), files(spool), "a refused result leaves nothing in the spool");

        // Let A's leases lapse: B takes both units over under new epochs.
        List<WorkGrant> bHeld = new ArrayList<>();
        long deadline = System.nanoTime() + Duration.ofSeconds(10).toNanos();
        while (bHeld.size() < 2 && System.nanoTime() < deadline) {
            bHeld.addAll(b.claim(2, 500));
        }
        assertEquals(2, bHeld.size(), "B took over both units after A's leases lapsed");
        WorkGrant bu = bHeld.stream().filter(g -> g.assignment().unit().key().equals(key)).findFirst().orElseThrow();
        long bEpoch = bu.assignment().lease().epoch();
        assertTrue(bEpoch > aEpoch);

        RenewReply renewal = a.call("POST", "/renew", farm.toJson(new RenewRequest(List.of(new LeaseRef(key, aEpoch)))))
                .as(RenewReply.class);
        assertEquals(List.of(key), renewal.lost(), "A's renewal reports the lease lost");
        refused(409, a.complete(u, 0.125));
        assertEquals(List.of(), files(spool), "the lapsed lease's result is not spooled");

        assertEquals("ACCEPTED", b.complete(bu, 0.5).as(UnitOutcome.class).outcome());
        List<Path> spooled = files(spool);
        assertEquals(1, spooled.size());
        byte[] accepted = Files.readAllBytes(spooled.get(0));

        // A quotes the epoch B's result was accepted under, with other bytes: they must not replace B's.
        TestFarm.Reply hijack = a.upload(key, bEpoch, TestNode.result(u.assignment().unit(), 0.125));
        assertTrue(hijack.status() == 200 || hijack.status() == 409, hijack.text());
        if (hijack.status() == 200) {
            assertEquals("ALREADY_DONE", hijack.as(UnitOutcome.class).outcome());
        }
        assertEquals(spooled, files(spool));
        assertArrayEquals(accepted, Files.readAllBytes(spooled.get(0)), "the accepted result's bytes are unchanged");
        assertFalse(Files.exists(frameDir), "no frame is written before its last unit");

        // B repeating its own completion is answered the same and changes nothing.
        assertEquals("ACCEPTED", b.complete(bu, 0.5).as(UnitOutcome.class).outcome());
        assertArrayEquals(accepted, Files.readAllBytes(spooled.get(0)));

        WorkGrant other = bHeld.stream().filter(g -> !g.assignment().unit().key().equals(key)).findFirst().orElseThrow();
        assertEquals("ACCEPTED", b.complete(other, 0.5).as(UnitOutcome.class).outcome());
        TestFarm.await("frame 0 of stale-1 to be written", Duration.ofSeconds(10),
                () -> Files.exists(frameDir.resolve("meta.json")));
        FloatImage exr = Images.readExr(frameDir.resolve("radiance.exr"));
        for (int i = 0; i < exr.data().length; i++) {
            if (i % exr.channels() < 3) {
                assertEquals(0.5f, exr.data()[i], "only B's accepted results are in the frame (value " + i + ")");
            }
        }
    }

    private static List<Path> files(Path dir) throws IOException {
        if (!Files.isDirectory(dir)) {
            return List.of();
        }
        try (Stream<Path> s = Files.list(dir)) {
            return s.sorted().toList();
        }
    }

    @Test
    void aWrongOrMissingTokenIs401AndTheOtherRolesTokenIs403() {
        ApiError wrong = refused(401, farm.sendJson("GET", "/api/v1/jobs", "not-the-token-at-all-000", null));
        assertMentions(wrong.message(), "invalid token");
        ApiError missing = refused(401, farm.sendJson("GET", "/api/v1/jobs", null, null));
        assertMentions(missing.message(), "missing token", "Authorization: Bearer");
        refused(401, farm.sendJson("POST", "/api/v1/nodes", "not-the-token-at-all-000", "{}"));
        refused(401, farm.sendJson("POST", "/api/v1/nodes/node-x/claim", null, null));

        ApiError nodeOnClientRoute = refused(403, farm.sendJson("POST", "/api/v1/jobs", TestFarm.NODE_TOKEN,
                "{\"sceneRef\": \"builtin:cornell-box\"}"));
        assertMentions(nodeOnClientRoute.message(), "POST /api/v1/jobs", "client token");
        ApiError clientOnNodeRoute = refused(403, farm.sendJson("POST", "/api/v1/nodes/node-x/claim", TestFarm.CLIENT_TOKEN, null));
        assertMentions(clientOnNodeRoute.message(), "node token");
    }

    @Test
    void anUnknownJobOrNodeIs404NamingIt() {
        assertMentions(refused(404, farm.client("GET", "/api/v1/jobs/no-such-job")).message(), "no-such-job");
        assertMentions(refused(404, farm.client("POST", "/api/v1/jobs/no-such-job/pause")).message(), "no-such-job");
        assertMentions(refused(404, farm.client("GET", "/api/v1/jobs/no-such-job/archive")).message(), "no-such-job");
        TestNode node = farm.node("lost-in-404");
        WorkUnit unit = new WorkUnit(new WorkUnitKey(io.photonfarm.api.job.JobId.of("no-such-job"), 0, 0, 0),
                new TileRect(0, 0, 8, 8), new SampleRange(0, 1));
        assertMentions(refused(404, node.upload(unit.key(), 1, TestNode.result(unit, 0.5))).message(), "no-such-job");
        assertMentions(refused(404, farm.sendJson("POST", "/api/v1/nodes/node-nobody/claim", TestFarm.NODE_TOKEN, null))
                .message(), "node-nobody");
    }

    @Test
    void aMalformedTileUploadIs400AndSaysWhy() {
        farm.submit("{\"id\": \"tiles-1\", \"sceneRef\": \"builtin:cornell-box\", \"passes\": [], \"writers\": [], \"width\": 16, \"height\": 16, \"tileSize\": 8,"
                + " \"spp\": 1}");
        TestNode node = farm.node("sloppy-node");
        WorkGrant g = node.claim(1).get(0);
        WorkUnit unit = g.assignment().unit();
        long epoch = g.assignment().lease().epoch();

        ApiError garbage = refused(400, node.upload(unit.key(), epoch, "this is not a tile".getBytes(StandardCharsets.UTF_8)));
        assertMentions(garbage.message(), "truncated");
        byte[] corrupt = TestNode.result(unit, 0.5);
        corrupt[corrupt.length / 2] ^= 0x5a;
        assertFalse(refused(400, node.upload(unit.key(), epoch, corrupt)).message().isBlank());

        TileRect r = unit.rect();
        WorkUnit elsewhere = new WorkUnit(unit.key(), new TileRect(r.x() == 0 ? 8 : 0, r.y(), 8, 8), unit.samples());
        ApiError wrongRect = refused(400, node.upload(unit.key(), epoch, TestNode.result(elsewhere, 0.5)));
        assertMentions(wrongRect.message(), "covers", unit.key().toString());

        ApiError noEpoch = refused(400, farm.send("PUT", "/api/v1/nodes/" + node.id() + TestNode.unitPath(unit.key()) + "/result",
                TestFarm.NODE_TOKEN, "application/octet-stream", TestNode.result(unit, 0.5)));
        assertMentions(noEpoch.message(), "epoch is missing");
        assertMentions(refused(400, node.upload(unit.key(), 0, TestNode.result(unit, 0.5))).message(), "epoch = 0");

        assertEquals("ACCEPTED", node.complete(g, 0.5).as(UnitOutcome.class).outcome(),
                "the lease survives bad uploads, and a good one is accepted");
        farm.client("POST", "/api/v1/jobs/tiles-1/cancel");
    }

    @Test
    void anUnknownPathIs404WithAnApiError() {
        assertMentions(refused(404, farm.client("GET", "/api/v1/nonsense")).message(), "/api/v1/nonsense");
    }

    @Test
    void aClaimWithANegativeWaitIs400() {
        TestNode node = farm.node("impatient-node");
        assertMentions(refused(400, node.call("POST", "/claim?waitMillis=-5", null)).message(), "waitMillis = -5");
        assertMentions(refused(400, node.call("POST", "/claim?maxUnits=lots", null)).message(), "maxUnits", "not an integer");
    }

    @Test
    void anOversizedBodyIsRefused() {
        byte[] huge = new byte[256 * 1024];
        Arrays.fill(huge, (byte) ' ');
        huge[0] = '{';
        huge[huge.length - 1] = '}';
        TestFarm.Reply r = farm.send("POST", "/api/v1/jobs", TestFarm.CLIENT_TOKEN, "application/json", huge);
        assertMentions(refused(413, r).message(), "too large", "at most");
        TestNode node = farm.node("bulky-node");
        WorkUnit tooBig = new WorkUnit(new WorkUnitKey(io.photonfarm.api.job.JobId.of("no-such-job"), 0, 0, 0),
                new TileRect(0, 0, 192, 192), new SampleRange(0, 1));
        // Larger than a full-size tile with coverage and label records, the largest upload there is.
        refused(413, node.upload(tooBig.key(), 1, TestNode.result(tooBig, 0.5)));
    }
}
