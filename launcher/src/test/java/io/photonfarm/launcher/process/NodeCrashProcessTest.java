package io.photonfarm.launcher.process;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertTrue;

import com.fasterxml.jackson.databind.JsonNode;
import java.nio.file.Path;
import java.time.Duration;
import java.util.HashMap;
import java.util.Map;
import java.util.concurrent.atomic.AtomicReference;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.extension.RegisterExtension;
import org.junit.jupiter.api.io.TempDir;

/**
 * A render node killed with SIGKILL in the middle of a job: the coordinator takes its leases back
 * when they lapse, the other node renders them, and the dataset is byte for byte the one an
 * undisturbed farm writes, because a unit rendered twice gives the same sums on the same device.
 */
class NodeCrashProcessTest {
    static final String JOB_ID = "crash";
    /**
     * 4 frames x 16 tiles x 8 sample ranges = 512 units of 32x32 pixels x 8 samples: a few seconds of
     * work for two lavapipe nodes on two cores, long enough to kill one of them mid-job.
     */
    static final String JOB = """
            {"id": "crash", "sceneRef": "builtin:cornell-box", "frames": 4, "width": 128, "height": 128, "spp": 64,
             "maxBounces": 4, "seed": 7, "tileSize": 32, "samplesPerUnit": 8}""";
    static final int UNITS = 4 * 16 * 8;
    static final Duration JOB_TIMEOUT = Duration.ofSeconds(90);

    @RegisterExtension
    final FarmProcesses farm = new FarmProcesses();
    @TempDir
    Path dir;

    @Test
    void aJobSurvivesANodeKilledWithSigkillAndEqualsAnUndisturbedRun() throws Exception {
        FarmProcesses.Coordinator c = farm.coordinator("coordinator", dir, dir.resolve("data"), FarmProcess.freePort(),
                FarmProcess.freePort(), 3);
        FarmApi api = FarmProcesses.api(c.url());
        Map<String, FarmProcess> nodes = new HashMap<>();
        for (String name : new String[] {"node-a", "node-b"}) {
            nodes.put(name, farm.node(name, dir, c.url()));
        }
        Poll.until("both nodes registered", FarmProcesses.STARTUP, Duration.ofMillis(200),
                () -> api.nodes().filter(n -> n.size() == 2).orElse(null), () -> String.valueOf(api.nodes()));
        api.submit(JOB);

        // Kill a node that has completed units and says it is rendering, while units are leased: killed
        // between two claims it would hold no lease, and the test would prove nothing about lost leases.
        AtomicReference<JsonNode> seen = new AtomicReference<>();
        String victimName = Poll.until("a node rendering job " + JOB_ID + " after some units are done",
                JOB_TIMEOUT, Duration.ofMillis(50), () -> {
                    JsonNode job = api.job(JOB_ID).orElseThrow();
                    seen.set(job);
                    assertFalse(job.path("status").asText().equals("COMPLETED"),
                            "the job finished before a node could be killed mid-job: " + job);
                    if (job.path("unitsDone").asInt() == 0 || job.path("unitsLeased").asInt() < 2) {
                        return null;
                    }
                    for (JsonNode n : api.nodes().orElseThrow()) {
                        if (n.path("unitsDone").asLong() > 0 && nodes.containsKey(n.path("name").asText())
                                && n.path("activity").asText().equals("RENDERING") && !n.path("currentUnit").isNull()) {
                            return n.path("name").asText();
                        }
                    }
                    return null;
                }, () -> String.valueOf(seen.get()));
        FarmProcess victim = nodes.get(victimName);
        int exit = victim.kill();
        assertEquals(137, exit, "SIGKILL ends a JVM with 128 + 9");
        JsonNode atKill = api.job(JOB_ID).orElseThrow();
        assertTrue(atKill.path("unitsDone").asInt() < atKill.path("units").asInt() && atKill.path("unitsLeased").asInt() > 0,
                "the job was unfinished, with units leased, when " + victimName + " was killed: " + atKill);

        JsonNode done = farm.awaitCompleted(api, JOB_ID, JOB_TIMEOUT);
        assertEquals(UNITS, done.path("units").asInt(), done.toString());
        assertEquals(UNITS, done.path("unitsDone").asInt(), done.toString());
        assertEquals(0, done.path("unitsFailed").asInt(), done.toString());
        FarmProcess survivor = nodes.values().stream().filter(p -> p != victim).findFirst().orElseThrow();
        assertTrue(survivor.isAlive(), "the other node kept running");

        Path undisturbed = UndisturbedRuns.dataset(JOB, JOB_ID, JOB_TIMEOUT);
        Datasets.assertSameDataset(undisturbed, c.data(), JOB_ID, 4);
    }
}
