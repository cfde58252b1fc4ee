package io.photonfarm.coordinator.http;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertNotEquals;
import static org.junit.jupiter.api.Assertions.assertNotNull;
import static org.junit.jupiter.api.Assertions.assertTrue;

import com.fasterxml.jackson.core.type.TypeReference;
import io.photonfarm.api.job.JobLimits;
import io.photonfarm.api.job.JobView;
import io.photonfarm.api.node.NodeActivity;
import io.photonfarm.api.node.NodeView;
import io.photonfarm.api.work.CameraPose;
import io.photonfarm.api.work.LeaseRef;
import io.photonfarm.api.work.RenewReply;
import io.photonfarm.api.work.RenewRequest;
import io.photonfarm.api.work.UnitOutcome;
import io.photonfarm.api.work.WorkGrant;
import io.photonfarm.api.work.WorkUnitKey;
import io.photonfarm.coordinator.schedule.SchedulingPolicy;
import io.photonfarm.image.FloatImage;
import io.photonfarm.image.Images;
import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Duration;
import java.util.ArrayList;
import java.util.HashMap;
import java.util.HashSet;
import java.util.List;
import java.util.Map;
import java.util.Set;
import java.util.stream.Collectors;
import org.junit.jupiter.api.AfterAll;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/** A job's whole life over HTTP, with the test playing the nodes. */
class JobLifecycleTest {
    private static final Duration PATIENCE = Duration.ofSeconds(15);
    /** 2 frames x 4 tiles x 2 sample ranges = 16 units. */
    static final String SMALL = """
            {"id": "%s", "sceneRef": "builtin:cornell-box", "passes": [], "writers": [], "frames": 2, "width": 16, "height": 16, "tileSize": 8,
             "spp": 2, "samplesPerUnit": 1}""";

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

    /** Claims until nothing more is handed out. */
    static List<WorkGrant> claimAll(TestNode node) {
        List<WorkGrant> all = new ArrayList<>();
        for (List<WorkGrant> g = node.claim(64); !g.isEmpty(); g = node.claim(64)) {
            all.addAll(g);
        }
        return all;
    }

    @Test
    void aJobRenderedByANodeIsWrittenWithExactlyTheRadianceTheNodeSent() throws IOException {
        JobView submitted = farm.submit(SMALL.formatted("life-render"));
        assertEquals(16, submitted.units());
        TestNode node = farm.node("render-node");

        List<WorkGrant> grants = claimAll(node);
        assertEquals(16, grants.size(), "every unit of the job is handed out");
        Map<Integer, CameraPose> cameras = new HashMap<>();
        for (WorkGrant g : grants) {
            assertEquals("life-render", g.frame().jobId().value());
            assertEquals(g.assignment().unit().key().frame(), g.frame().frame());
            assertEquals(16, g.frame().width());
            assertNotNull(g.frame().camera(), "a grant carries its frame's camera");
            CameraPose before = cameras.putIfAbsent(g.frame().frame(), g.frame().camera());
            if (before != null) {
                assertEquals(before, g.frame().camera(), "every unit of a frame has the same camera");
            }
        }
        assertEquals(Set.of(0, 1), cameras.keySet());
        assertNotEquals(cameras.get(0), cameras.get(1), "the frames of a job see the scene from different cameras");

        List<LeaseRef> refs = grants.stream().map(g -> new LeaseRef(g.assignment().unit().key(),
                g.assignment().lease().epoch())).toList();
        RenewReply renewed = node.call("POST", "/renew", farm.toJson(new RenewRequest(refs))).as(RenewReply.class);
        assertEquals(16, renewed.renewed().size());
        assertTrue(renewed.lost().isEmpty());

        for (WorkGrant g : grants) {
            double radiance = g.frame().frame() == 0 ? 0.5 : 0.25;
            UnitOutcome outcome = node.complete(g, radiance).as(UnitOutcome.class);
            assertEquals("ACCEPTED", outcome.outcome());
            assertEquals(g.assignment().unit().key(), outcome.key());
        }

        TestFarm.await("job life-render to complete with 2 frames written", PATIENCE, () -> {
            JobView v = farm.job("life-render");
            return v.status().equals("COMPLETED") && v.framesWritten() == 2;
        });
        Path frames = farm.coordinator.datasetRoot().resolve("jobs/life-render/frames");
        for (int frame = 0; frame < 2; frame++) {
            Path dir = frames.resolve(String.format("%06d", frame));
            for (String file : List.of("rgb.png", "radiance.exr", "meta.json")) {
                assertTrue(Files.isRegularFile(dir.resolve(file)), dir.resolve(file) + " exists");
            }
            FloatImage exr = Images.readExr(dir.resolve("radiance.exr"));
            assertEquals(16, exr.width());
            assertEquals(16, exr.height());
            float expected = frame == 0 ? 0.5f : 0.25f;
            for (int p = 0; p < 16 * 16; p++) {
                for (int c = 0; c < 3; c++) {
                    assertEquals(expected, exr.data()[p * exr.channels() + c], "frame " + frame + " pixel " + p + " channel " + c);
                }
            }
        }
        assertFalse(Files.exists(farm.coordinator.datasetRoot().resolve("jobs/life-render/spool/000000")),
                "the spool of a written frame is cleared");
    }

    @Test
    void pausingStopsHandingOutUnitsResumingRestartsAndCancellingRefusesHeldResults() {
        farm.submit(SMALL.formatted("life-controls"));
        TestNode node = farm.node("controls-node");

        JobView paused = farm.client("POST", "/api/v1/jobs/life-controls/pause").as(JobView.class);
        assertEquals("PAUSED", paused.status());
        assertEquals("PAUSED", farm.job("life-controls").status());
        assertTrue(node.claim(4).stream().noneMatch(g -> g.frame().jobId().value().equals("life-controls")),
                "a paused job hands out nothing");

        assertEquals("RUNNING", farm.client("POST", "/api/v1/jobs/life-controls/resume").as(JobView.class).status());
        List<WorkGrant> held = node.claim(1, 2_000);
        assertEquals(1, held.size(), "a resumed job hands out units again");
        assertEquals("life-controls", held.get(0).frame().jobId().value());

        JobView prioritised = farm.client("PUT", "/api/v1/jobs/life-controls/priority", "{\"priority\": 7}").as(JobView.class);
        assertEquals(7, prioritised.spec().priority());
        assertEquals(7, farm.job("life-controls").spec().priority(), "GET shows the new priority");

        assertEquals("CANCELLED", farm.client("POST", "/api/v1/jobs/life-controls/cancel").as(JobView.class).status());
        TestFarm.Reply late = node.complete(held.get(0), 0.5);
        assertEquals(409, late.status(), late.text());
        assertTrue(late.error().message().contains("does not hold lease epoch"), late.error().message());
        assertTrue(node.claim(4).isEmpty(), "a cancelled job hands out nothing");
        assertEquals(409, farm.client("POST", "/api/v1/jobs/life-controls/resume").status(),
                "a cancelled job cannot be resumed");
    }

    @Test
    void theNodeListShowsDeviceAndActivityAndADrainedNodeIsToldSoAtItsHeartbeat() throws IOException {
        TestNode node = farm.node("listed-node");
        node.heartbeat(NodeActivity.RENDERING, "some-job/0/1/0");

        List<NodeView> nodes = farm.json.readValue(farm.client("GET", "/api/v1/nodes").body(), new TypeReference<>() { });
        NodeView listed = nodes.stream().filter(n -> n.nodeId().equals(node.id())).findFirst().orElseThrow();
        assertEquals("listed-node", listed.name());
        assertEquals(TestNode.DEVICE, listed.device());
        assertEquals(NodeActivity.RENDERING, listed.activity());
        assertEquals("some-job/0/1/0", listed.currentUnit());
        assertEquals(1_000_000, listed.samplesPerSecond());
        assertFalse(listed.draining());

        assertFalse(node.heartbeat(NodeActivity.IDLE, null).drain());
        assertEquals(202, farm.client("POST", "/api/v1/nodes/" + node.id() + "/drain").status());
        assertTrue(node.heartbeat(NodeActivity.IDLE, null).drain(), "the heartbeat reply asks the node to drain");
        assertEquals(404, farm.client("POST", "/api/v1/nodes/node-nobody/drain").status());
    }

    @Test
    void aNodeThatLeavesHandsItsLeasesBackAtOnce() throws IOException {
        farm.submit(SMALL.formatted("life-leave"));
        TestNode leaving = farm.node("leaving-node");
        List<WorkGrant> held = leaving.claim(3, 2_000);
        assertFalse(held.isEmpty());
        Set<WorkUnitKey> heldKeys = held.stream().map(g -> g.assignment().unit().key()).collect(Collectors.toSet());

        assertEquals(204, leaving.leave().status());
        TestNode other = farm.node("taking-over-node");
        Set<WorkUnitKey> reclaimed = new HashSet<>();
        for (WorkGrant g : claimAll(other)) {
            reclaimed.add(g.assignment().unit().key());
            assertTrue(g.assignment().lease().epoch() >= 1);
        }
        assertTrue(reclaimed.containsAll(heldKeys), "the units the leaver held are claimable at once: " + heldKeys);
        assertEquals(16, reclaimed.size());

        List<NodeView> nodes = farm.json.readValue(farm.client("GET", "/api/v1/nodes").body(), new TypeReference<>() { });
        assertEquals(NodeActivity.GONE, nodes.stream().filter(n -> n.nodeId().equals(leaving.id())).findFirst()
                .orElseThrow().activity());
        assertEquals(404, leaving.call("POST", "/claim", null).status(), "a node that left cannot claim");
        farm.client("POST", "/api/v1/jobs/life-leave/cancel");
    }

    @Test
    void aUnitFailedOnOneNodeIsRetriedOnAnotherAndFailedOnEveryNodeFailsTheJob(@TempDir Path ownDir) {
        // A farm of its own: "every node" means every node present, so other tests' nodes must not count.
        try (TestFarm alone = TestFarm.start(ownDir, JobLimits.DEFAULT, TestFarm.FAST, SchedulingPolicy.DEFAULT)) {
            String oneUnit = """
                    {"id": "%s", "sceneRef": "builtin:cornell-box", "passes": [], "writers": [], "width": 8, "height": 8, "spp": 1}""";
            TestNode a = alone.node("node-a");
            TestNode b = alone.node("node-b");
            // A node counts as present once it has claimed (a real node claims right after registering).
            assertTrue(a.claim(1).isEmpty());
            assertTrue(b.claim(1).isEmpty());

            alone.submit(oneUnit.formatted("retried"));
            WorkGrant first = a.claim(1).get(0);
            assertEquals("RETRYING", a.fail(first, "node-a: shader compile failed").as(UnitOutcome.class).outcome());
            assertTrue(a.claim(1).isEmpty(), "the node that failed the unit is not handed it again while others may");
            WorkGrant second = b.claim(1).get(0);
            assertEquals(first.assignment().unit().key(), second.assignment().unit().key());
            assertTrue(second.assignment().lease().epoch() > first.assignment().lease().epoch());
            assertEquals("ACCEPTED", b.complete(second, 1.0).as(UnitOutcome.class).outcome());
            TestFarm.await("job retried to complete", PATIENCE, () -> alone.job("retried").status().equals("COMPLETED"));

            alone.submit(oneUnit.formatted("doomed"));
            assertEquals("RETRYING", a.fail(a.claim(1).get(0), "node-a: out of device memory").as(UnitOutcome.class).outcome());
            assertEquals("FAILED", b.fail(b.claim(1).get(0), "node-b: VK_ERROR_DEVICE_LOST in vkQueueSubmit")
                    .as(UnitOutcome.class).outcome());
            JobView doomed = alone.job("doomed");
            assertEquals("FAILED", doomed.status());
            assertNotNull(doomed.error());
            assertTrue(doomed.error().contains("VK_ERROR_DEVICE_LOST"), "the job's error shows the node's message: "
                    + doomed.error());
        }
    }
}
