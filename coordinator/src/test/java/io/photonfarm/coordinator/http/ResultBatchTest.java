package io.photonfarm.coordinator.http;

import static org.junit.jupiter.api.Assertions.assertArrayEquals;
import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertNull;
import static org.junit.jupiter.api.Assertions.assertTrue;

import io.photonfarm.api.job.JobId;
import io.photonfarm.api.node.NodeActivity;
import io.photonfarm.api.tile.TileResult;
import io.photonfarm.api.tile.TileResultCodec;
import io.photonfarm.api.work.LeaseRef;
import io.photonfarm.api.work.ResultBatch;
import io.photonfarm.api.work.ResultBatchReply;
import io.photonfarm.api.work.ResultBatchReply.BatchOutcome;
import io.photonfarm.api.work.WorkGrant;
import io.photonfarm.api.work.WorkUnitKey;
import io.photonfarm.coordinator.dataset.DatasetLayout;
import io.photonfarm.coordinator.dataset.TileSpool;
import io.photonfarm.coordinator.schedule.SchedulingPolicy;
import io.photonfarm.image.FloatImage;
import io.photonfarm.image.Images;
import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Duration;
import java.util.ArrayList;
import java.util.List;
import org.junit.jupiter.api.AfterAll;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/** {@code POST /api/v1/nodes/{nodeId}/results}: several results in one request, each judged on its own. */
class ResultBatchTest {
    @TempDir
    static Path dataDir;
    static TestFarm farm;

    @BeforeAll
    static void start() {
        farm = TestFarm.start(dataDir, BadInputTest.LIMITS, TestFarm.FAST, SchedulingPolicy.DEFAULT);
    }

    @AfterAll
    static void stop() {
        if (farm != null) {
            farm.close();
        }
    }

    private static TestFarm.Reply post(TestNode node, byte[] body) {
        return farm.send("POST", "/api/v1/nodes/" + node.id() + "/results", TestFarm.NODE_TOKEN,
                "application/octet-stream", body);
    }

    private static ResultBatch.Result result(WorkGrant g, double radiance) {
        return new ResultBatch.Result(new LeaseRef(g.assignment().unit().key(), g.assignment().lease().epoch()),
                TestNode.result(g.assignment().unit(), radiance));
    }

    private static List<String> outcomes(ResultBatchReply reply) {
        return reply.outcomes().stream().map(BatchOutcome::outcome).toList();
    }

    @Test
    void aWholeClaimUploadedInOneRequestIsAcceptedUnitByUnitAndItsFrameIsWritten() {
        // 16 x 16 pixels in four 8 x 8 tiles, 1 spp: one frame of four units.
        farm.submit("{\"id\": \"batch-1\", \"sceneRef\": \"builtin:cornell-box\", \"passes\": [], \"writers\": [], \"width\": 16, \"height\": 16,"
                + " \"tileSize\": 8, \"spp\": 1}");
        TestNode node = farm.node("batch-node");
        node.heartbeat(NodeActivity.IDLE, null); // a fast node: its claims are sized up to maxUnits
        List<WorkGrant> grants = node.claim(4);
        assertEquals(4, grants.size());
        List<ResultBatch.Result> results = new ArrayList<>();
        grants.forEach(g -> results.add(result(g, 0.25)));
        byte[] body = new ResultBatch(results).encode();

        TestFarm.Reply r = post(node, body);

        assertEquals(200, r.status(), r.text());
        ResultBatchReply reply = r.as(ResultBatchReply.class);
        assertEquals(List.of("ACCEPTED", "ACCEPTED", "ACCEPTED", "ACCEPTED"), outcomes(reply));
        for (int i = 0; i < 4; i++) {
            BatchOutcome o = reply.outcomes().get(i);
            assertEquals(grants.get(i).assignment().unit().key(), o.key(), "outcomes come in the batch's order");
            assertEquals(grants.get(i).assignment().lease().epoch(), o.epoch());
            assertEquals(200, o.status());
            assertNull(o.message());
        }
        Path frame = farm.coordinator.datasetRoot().resolve("jobs/batch-1/frames/000000");
        TestFarm.await("frame 0 of batch-1 to be written", Duration.ofSeconds(10),
                () -> Files.exists(frame.resolve("meta.json")));
        FloatImage exr = readExr(frame.resolve("radiance.exr"));
        for (int i = 0; i < exr.data().length; i++) {
            if (i % exr.channels() < 3) {
                assertEquals(0.25f, exr.data()[i], "value " + i);
            }
        }

        // The node did not get the answer and sends the same batch again: answered the same, nothing changes.
        TestFarm.Reply again = post(node, body);
        assertEquals(200, again.status(), again.text());
        assertEquals(List.of("ACCEPTED", "ACCEPTED", "ACCEPTED", "ACCEPTED"), outcomes(again.as(ResultBatchReply.class)));
        assertEquals(4, farm.job("batch-1").unitsDone());
    }

    @Test
    void eachUnitOfABatchIsJudgedOnItsOwnAndAStaleEpochIsRefusedAndNeverWritten() throws IOException {
        // One tile, four sample ranges: four units of one frame.
        farm.submit("{\"id\": \"batch-2\", \"sceneRef\": \"builtin:cornell-box\", \"passes\": [], \"writers\": [], \"width\": 8, \"height\": 8,"
                + " \"tileSize\": 8, \"spp\": 4, \"samplesPerUnit\": 1}");
        TestNode node = farm.node("mixed-node");
        node.heartbeat(NodeActivity.IDLE, null);
        List<WorkGrant> grants = node.claim(4);
        assertEquals(4, grants.size());
        WorkGrant good = grants.get(0);
        WorkGrant stale = grants.get(1);
        WorkGrant malformed = grants.get(2);
        WorkUnitKey staleKey = stale.assignment().unit().key();
        long staleEpoch = stale.assignment().lease().epoch() + 1;
        WorkUnitKey ghost = new WorkUnitKey(JobId.of("no-such-job"), 0, 0, 0);
        // A result covering another unit's samples.
        byte[] wrongSamples = TestNode.result(grants.get(3).assignment().unit(), 0.5);
        List<ResultBatch.Result> results = List.of(
                result(good, 0.5),
                new ResultBatch.Result(new LeaseRef(staleKey, staleEpoch), TestNode.result(stale.assignment().unit(), 0.125)),
                new ResultBatch.Result(new LeaseRef(malformed.assignment().unit().key(),
                        malformed.assignment().lease().epoch()), wrongSamples),
                new ResultBatch.Result(new LeaseRef(ghost, 1), TestNode.result(good.assignment().unit(), 0.5)));

        TestFarm.Reply r = post(node, new ResultBatch(results).encode());

        assertEquals(200, r.status(), r.text());
        List<BatchOutcome> o = r.as(ResultBatchReply.class).outcomes();
        assertEquals(List.of("ACCEPTED", "STALE", "MALFORMED", "UNKNOWN_JOB"), o.stream().map(BatchOutcome::outcome).toList());
        assertEquals(List.of(200, 409, 400, 404), o.stream().map(BatchOutcome::status).toList());
        assertTrue(o.get(1).message().contains("epoch " + staleEpoch), o.get(1).message());
        assertTrue(o.get(2).message().contains(malformed.assignment().unit().key().toString()), o.get(2).message());
        assertTrue(o.get(3).message().contains("no-such-job"), o.get(3).message());
        assertEquals(1, farm.job("batch-2").unitsDone(), "only the valid result completed its unit");

        try (TileSpool spool = new TileSpool(new DatasetLayout(farm.coordinator.datasetRoot()), 1 << 20)) {
            assertTrue(spool.read(staleKey, staleEpoch).isEmpty(), "the stale result was never spooled");
            assertTrue(spool.read(malformed.assignment().unit().key(), malformed.assignment().lease().epoch()).isEmpty());
            assertArrayEquals(TestNode.result(good.assignment().unit(), 0.5),
                    spool.read(good.assignment().unit().key(), good.assignment().lease().epoch()).orElseThrow());
        }
        node.leave();
        farm.client("POST", "/api/v1/jobs/batch-2/cancel"); // its other units must not go to the other tests' nodes
    }

    @Test
    void aBodyThatIsNotABatchIsRefusedWhole() {
        TestNode node = farm.node("garbled-node");
        byte[] single = new TileResultCodec(64).encode(new TileResult(new io.photonfarm.api.tile.TileRect(0, 0, 8, 8),
                new io.photonfarm.api.tile.SampleRange(0, 1), new long[8 * 8 * 3]));

        TestFarm.Reply r = post(node, single);

        assertEquals(400, r.status(), r.text());
        assertTrue(r.error().message().contains("PFRB"), r.text());
        byte[] truncated = new ResultBatch(List.of(new ResultBatch.Result(
                new LeaseRef(new WorkUnitKey(JobId.of("x"), 0, 0, 0), 1), single))).encode();
        TestFarm.Reply cut = post(node, java.util.Arrays.copyOf(truncated, truncated.length - 10));
        assertEquals(400, cut.status(), cut.text());
        assertTrue(cut.error().message().contains("result 0"), cut.text());
    }

    private static FloatImage readExr(Path file) {
        try {
            return Images.readExr(file);
        } catch (IOException e) {
            throw new java.io.UncheckedIOException(e);
        }
    }
}
