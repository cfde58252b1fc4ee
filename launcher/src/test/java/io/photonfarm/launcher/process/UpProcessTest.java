package io.photonfarm.launcher.process;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

import com.fasterxml.jackson.databind.JsonNode;
import java.net.URI;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Duration;
import java.util.List;
import java.util.Map;
import java.util.OptionalInt;
import java.util.stream.IntStream;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.extension.RegisterExtension;
import org.junit.jupiter.api.io.TempDir;

/**
 * {@code farm up} as a user runs it: one process that prints where it serves and a generated token,
 * renders its demo job with the local node, and stops cleanly on SIGTERM with the frames on disk.
 */
class UpProcessTest {
    static final int DEMO_FRAMES = 8;

    @RegisterExtension
    final FarmProcesses farm = new FarmProcesses();
    @TempDir
    Path dir;

    @Test
    void upPrintsItsUrlAndTokenRendersTheDemoJobAndStopsCleanlyOnSigterm() throws Exception {
        int port = FarmProcess.freePort();
        Path data = dir.resolve("data");
        FarmProcess up = farm.farm("up", dir, Map.of(), "up", "--port", Integer.toString(port), "--data",
                data.toString(), "--cluster-port", Integer.toString(FarmProcess.freePort()), "--cluster-name",
                "up-test-" + port);
        String url = up.awaitOutput("PhotonFarm coordinator at (http://\\S+)", FarmProcesses.STARTUP);
        assertEquals("http://127.0.0.1:" + port, url, "the URL it prints");
        String token = up.awaitOutput("token \\(generated; set PHOTONFARM_TOKEN to choose one\\): (\\S+)",
                FarmProcesses.STARTUP);
        assertTrue(token.length() >= 16, "a generated token of at least 16 characters: " + token);

        up.awaitOutput("submitted the demo job 'demo'", FarmProcesses.STARTUP);
        FarmApi api = new FarmApi(URI.create(url), token);
        JsonNode demo = farm.awaitCompleted(api, "demo", Duration.ofSeconds(150));
        assertEquals("recipe:dominoes", demo.path("spec").path("sceneRef").asText(), demo.toString());
        assertEquals(DEMO_FRAMES, demo.path("framesWritten").asInt(), demo.toString());

        long stopAsked = System.nanoTime();
        OptionalInt exit = up.terminate(Duration.ofSeconds(60));
        assertTrue(exit.isPresent(), "farm up exits within 60 s of SIGTERM\n" + up.tail(40));
        assertTrue(exit.getAsInt() == 0 || exit.getAsInt() == 143, "exit code 0 or 143 after SIGTERM, not "
                + exit.getAsInt() + "\n" + up.tail(40));
        System.out.printf("farm up stopped with exit code %d %d ms after SIGTERM%n", exit.getAsInt(),
                Duration.ofNanos(System.nanoTime() - stopAsked).toMillis());

        List<Integer> all = IntStream.range(0, DEMO_FRAMES).boxed().toList();
        assertEquals(all, Datasets.writtenFrames(data, "demo"), "every demo frame is on disk");
        for (int frame : all) {
            for (String image : Datasets.IMAGES) {
                Path file = Datasets.frameDir(data, "demo", frame).resolve(image);
                assertTrue(Files.size(file) > 0, file + " is empty");
            }
            // The domino dataset: every annotated object is a domino whose landmarks are its 4 corners and its pips.
            JsonNode meta = new com.fasterxml.jackson.databind.ObjectMapper().readTree(
                    Datasets.frameDir(data, "demo", frame).resolve("meta.json").toFile());
            assertTrue(meta.path("recipe").path("classes").size() >= 3, meta.path("recipe").toString());
            for (JsonNode o : meta.path("objects")) {
                String cls = o.path("category").asText();
                assertTrue(cls.matches("domino_[0-6]_[0-6]"), cls);
                int pips = (cls.charAt(7) - '0') + (cls.charAt(9) - '0');
                assertEquals(4 + pips, o.path("landmarks").size(), cls);
            }
        }
        assertTrue(Files.exists(data.resolve("datasets/jobs/demo/stats.json")), "stats.json of the demo");
    }
}
