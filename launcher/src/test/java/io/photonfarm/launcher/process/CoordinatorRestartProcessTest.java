package io.photonfarm.launcher.process;

import static org.junit.jupiter.api.Assertions.assertArrayEquals;
import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

import com.fasterxml.jackson.databind.JsonNode;
import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.nio.file.attribute.FileTime;
import java.time.Duration;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.concurrent.atomic.AtomicReference;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.extension.RegisterExtension;
import org.junit.jupiter.api.io.TempDir;

/**
 * The coordinator killed with SIGKILL in the middle of a job and started again on the same data
 * directory and port: the node, never restarted, rides out the outage and carries on; the job
 * completes; frames written before the crash are never rewritten; and the dataset is byte for byte
 * the one an undisturbed farm writes.
 */
class CoordinatorRestartProcessTest {
    static final String JOB_ID = NodeCrashProcessTest.JOB_ID;
    static final String JOB = NodeCrashProcessTest.JOB;
    static final int FRAMES = 4;
    static final Duration JOB_TIMEOUT = Duration.ofSeconds(120);

    @RegisterExtension
    final FarmProcesses farm = new FarmProcesses();
    @TempDir
    Path dir;

    /** What a written file is on disk: its bytes, modification time and inode (a rewrite changes the inode). */
    record FileState(byte[] bytes, FileTime modified, Object inode) {
        static FileState of(Path p) throws IOException {
            return new FileState(Files.readAllBytes(p), Files.getLastModifiedTime(p), Files.getAttribute(p, "unix:ino"));
        }
    }

    @Test
    void aJobSurvivesItsCoordinatorKilledWithSigkillAndRestartedWithoutRewritingFrames() throws Exception {
        Path data = dir.resolve("data");
        int httpPort = FarmProcess.freePort();
        int clusterPort = FarmProcess.freePort();
        FarmProcesses.Coordinator first = farm.coordinator("coordinator-1", dir, data, httpPort, clusterPort, 3);
        FarmApi api = FarmProcesses.api(first.url());
        FarmProcess node = farm.node("node", dir, first.url());
        Poll.until("the node registered", FarmProcesses.STARTUP, Duration.ofMillis(200),
                () -> api.nodes().filter(n -> n.size() == 1).orElse(null), () -> String.valueOf(api.nodes()));
        api.submit(JOB);

        AtomicReference<JsonNode> seen = new AtomicReference<>();
        List<Integer> before = Poll.until("a frame of job " + JOB_ID + " written", JOB_TIMEOUT, Duration.ofMillis(50),
                () -> {
                    List<Integer> written = Datasets.writtenFrames(data, JOB_ID);
                    return written.isEmpty() ? null : written;
                }, () -> String.valueOf(api.job(JOB_ID)));
        Map<Path, FileState> written = new LinkedHashMap<>();
        for (int frame : before) {
            Path frameDir = Datasets.frameDir(data, JOB_ID, frame);
            for (String name : List.of("radiance.exr", "rgb.png", "meta.json")) {
                written.put(frameDir.resolve(name), FileState.of(frameDir.resolve(name)));
            }
        }
        assertEquals(137, first.process().kill(), "SIGKILL ends a JVM with 128 + 9");
        assertTrue(before.size() < FRAMES, "the job was unfinished when its coordinator was killed: frames " + before
                + " written");
        assertTrue(node.isAlive(), "the node outlives its coordinator");

        FarmProcesses.Coordinator second = farm.coordinator("coordinator-2", dir, data, httpPort, clusterPort, 3);
        JsonNode done = farm.awaitCompleted(api, JOB_ID, JOB_TIMEOUT);
        assertEquals(NodeCrashProcessTest.UNITS, done.path("unitsDone").asInt(), done.toString());
        assertEquals(0, done.path("unitsFailed").asInt(), done.toString());
        assertTrue(node.isAlive(), "the same node process finished the job");
        assertTrue(second.process().isAlive(), "the restarted coordinator serves");

        for (Map.Entry<Path, FileState> e : written.entrySet()) {
            FileState now = FileState.of(e.getKey());
            String what = data.relativize(e.getKey()) + ", written before the crash,";
            assertArrayEquals(e.getValue().bytes(), now.bytes(), what + " kept its bytes");
            assertEquals(e.getValue().modified(), now.modified(), what + " was not rewritten (modification time)");
            assertEquals(e.getValue().inode(), now.inode(), what + " was not replaced (inode)");
        }
        Path undisturbed = UndisturbedRuns.dataset(JOB, JOB_ID, JOB_TIMEOUT);
        Datasets.assertSameDataset(undisturbed, data, JOB_ID, FRAMES);
        Path spool = data.resolve("datasets/jobs/" + JOB_ID + "/spool");
        if (Files.exists(spool)) {
            try (var files = Files.walk(spool)) {
                assertEquals(List.of(), files.filter(Files::isRegularFile).toList(), "spooled tiles left behind");
            }
        }
    }
}
