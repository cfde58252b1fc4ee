package io.photonfarm.launcher.process;

import com.fasterxml.jackson.databind.JsonNode;
import java.net.URI;
import java.nio.file.Path;
import java.time.Duration;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.concurrent.atomic.AtomicReference;
import org.junit.jupiter.api.extension.AfterEachCallback;
import org.junit.jupiter.api.extension.ExtensionContext;

/**
 * The farm processes of one test: starts coordinators and nodes on loopback with a fixed token,
 * and after each test kills whatever still runs, printing every process's log tail if the test failed.
 * Register with {@code @RegisterExtension}.
 */
final class FarmProcesses implements AfterEachCallback {
    static final String TOKEN = "process-test-token";
    static final Duration STARTUP = Duration.ofSeconds(60);

    private final List<FarmProcess> started = new ArrayList<>();

    /** A coordinator's process and its ports. */
    record Coordinator(FarmProcess process, int httpPort, int clusterPort, Path data) {
        URI url() {
            return URI.create("http://127.0.0.1:" + httpPort);
        }
    }

    /**
     * Starts {@code farm coordinator} on {@code data} and waits until it serves.
     *
     * @param workDir where its log goes
     */
    Coordinator coordinator(String name, Path workDir, Path data, int httpPort, int clusterPort, int leaseSeconds)
            throws InterruptedException {
        FarmProcess p = track(FarmProcess.start(name, workDir, Map.of("PHOTONFARM_TOKEN", TOKEN), "coordinator",
                "--host", "127.0.0.1", "--port", Integer.toString(httpPort), "--data", data.toString(),
                "--cluster-name", "process-test-" + clusterPort, "--cluster-host", "127.0.0.1",
                "--cluster-port", Integer.toString(clusterPort), "--lease-seconds", Integer.toString(leaseSeconds)));
        p.awaitOutput("PhotonFarm coordinator at (http://\\S+)", STARTUP);
        return new Coordinator(p, httpPort, clusterPort, data);
    }

    /** Starts {@code farm node} against {@code coordinator}; it registers by itself. */
    FarmProcess node(String name, Path workDir, URI coordinator) {
        return track(FarmProcess.start(name, workDir, Map.of("PHOTONFARM_TOKEN", TOKEN), "node",
                "--coordinator", coordinator.toString(), "--name", name, "--cache", workDir.resolve(name + "-cache")
                        .toString()));
    }

    /** Starts {@code farm <args>} with {@code env} (and no PHOTONFARM_TOKEN unless it is in {@code env}). */
    FarmProcess farm(String name, Path workDir, Map<String, String> env, String... args) {
        return track(FarmProcess.start(name, workDir, env, args));
    }

    static FarmApi api(URI url) {
        return new FarmApi(url, TOKEN);
    }

    /**
     * Polls the job until it is COMPLETED with every frame written.
     *
     * @throws AssertionError if it fails, is cancelled, or the deadline passes
     */
    JsonNode awaitCompleted(FarmApi api, String jobId, Duration timeout) throws Exception {
        AtomicReference<JsonNode> last = new AtomicReference<>();
        return Poll.until("job " + jobId + " COMPLETED", timeout, Duration.ofMillis(250), () -> {
            Optional<JsonNode> view = api.job(jobId);
            view.ifPresent(last::set);
            if (view.isEmpty()) {
                return null;
            }
            String status = view.get().path("status").asText();
            if (status.equals("FAILED") || status.equals("CANCELLED")) {
                throw new AssertionError("job " + jobId + " ended " + status + ": " + view.get());
            }
            JsonNode v = view.get();
            return status.equals("COMPLETED") && v.path("framesWritten").asInt() == v.path("spec").path("frames").asInt()
                    ? v : null;
        }, () -> String.valueOf(last.get()));
    }

    private FarmProcess track(FarmProcess p) {
        synchronized (started) {
            started.add(p);
        }
        return p;
    }

    /** Log tails of every process started, for failure messages. */
    String tails() {
        StringBuilder b = new StringBuilder();
        synchronized (started) {
            for (FarmProcess p : started) {
                b.append(p.tail(80)).append('\n');
            }
        }
        return b.toString();
    }

    @Override
    public void afterEach(ExtensionContext context) {
        if (context.getExecutionException().isPresent()) {
            System.err.println("farm processes of the failed test " + context.getDisplayName() + ":\n" + tails());
        }
        closeAll();
    }

    /** Kills every process started that still runs. */
    void closeAll() {
        synchronized (started) {
            started.forEach(FarmProcess::close);
            started.clear();
        }
    }
}
