package io.photonfarm.launcher.process;

import java.io.IOException;
import java.io.UncheckedIOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Duration;
import java.util.Comparator;
import java.util.HashMap;
import java.util.Map;
import java.util.stream.Stream;

/**
 * Datasets of jobs rendered without disturbance (one coordinator, one node, nothing killed), the
 * reference the crash tests compare with. A job is rendered once per test JVM and shared by the
 * tests that submit the same job; the directory is deleted when the JVM exits.
 */
final class UndisturbedRuns {
    private static final Map<String, Path> RENDERED = new HashMap<>();

    private UndisturbedRuns() {
    }

    /** The data directory of a farm that rendered {@code jobJson} (whose id is {@code jobId}) undisturbed. */
    static synchronized Path dataset(String jobJson, String jobId, Duration timeout) throws Exception {
        Path cached = RENDERED.get(jobJson);
        if (cached != null) {
            return cached;
        }
        Path dir = Files.createTempDirectory("photonfarm-undisturbed-");
        Runtime.getRuntime().addShutdownHook(new Thread(() -> deleteTree(dir)));
        FarmProcesses farm = new FarmProcesses();
        try {
            FarmProcesses.Coordinator c = farm.coordinator("undisturbed-coordinator", dir, dir.resolve("data"),
                    FarmProcess.freePort(), FarmProcess.freePort(), 30);
            farm.node("undisturbed-node", dir, c.url());
            FarmApi api = FarmProcesses.api(c.url());
            api.submit(jobJson);
            farm.awaitCompleted(api, jobId, timeout);
        } catch (Exception | AssertionError e) {
            throw new AssertionError("rendering the undisturbed reference of " + jobId + ": " + e.getMessage() + "\n"
                    + farm.tails(), e);
        } finally {
            farm.closeAll();
        }
        RENDERED.put(jobJson, dir.resolve("data"));
        return dir.resolve("data");
    }

    private static void deleteTree(Path dir) {
        try (Stream<Path> paths = Files.walk(dir)) {
            paths.sorted(Comparator.reverseOrder()).forEach(p -> p.toFile().delete());
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        }
    }
}
