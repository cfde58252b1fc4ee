package io.photonfarm.coordinator.http;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

import com.fasterxml.jackson.databind.JsonNode;
import io.photonfarm.api.work.UnitOutcome;
import io.photonfarm.api.work.WorkGrant;
import java.io.IOException;
import java.io.UncheckedIOException;
import java.net.URI;
import java.net.http.HttpRequest;
import java.net.http.HttpResponse;
import java.nio.file.Path;
import java.time.Duration;
import java.util.ArrayList;
import java.util.List;
import java.util.concurrent.BlockingQueue;
import java.util.concurrent.LinkedBlockingQueue;
import java.util.concurrent.TimeUnit;
import java.util.function.Predicate;
import java.util.stream.Stream;
import org.junit.jupiter.api.AfterAll;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/** {@code GET /api/v1/events} streams what happens on the farm as server-sent events. */
class EventStreamTest {
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

    /** One server-sent event: its name and its data as JSON. */
    record Event(String type, JsonNode data) {
    }

    /** An open event stream, parsed line by line on the HTTP client's threads. */
    static final class EventStream implements AutoCloseable {
        final BlockingQueue<Object> items = new LinkedBlockingQueue<>();
        private final List<Event> seen = new ArrayList<>();
        private final Stream<String> lines;

        EventStream(TestFarm farm) throws IOException, InterruptedException {
            HttpRequest request = HttpRequest.newBuilder(URI.create(farm.coordinator.url() + "/api/v1/events"))
                    .header("Authorization", "Bearer " + TestFarm.CLIENT_TOKEN).header("Accept", "text/event-stream").GET().build();
            HttpResponse<Stream<String>> response = farm.http.send(request, HttpResponse.BodyHandlers.ofLines());
            assertEquals(200, response.statusCode());
            assertTrue(response.headers().firstValue("Content-Type").orElse("").startsWith("text/event-stream"),
                    response.headers().map().toString());
            this.lines = response.body();
            Thread reader = new Thread(() -> parse(farm), "sse-reader");
            reader.setDaemon(true);
            reader.start();
        }

        private void parse(TestFarm farm) {
            String type = null;
            StringBuilder data = new StringBuilder();
            try {
                for (String line : (Iterable<String>) lines::iterator) {
                    if (line.startsWith(":")) {
                        items.add(line.substring(1).trim()); // a comment, e.g. "connected"
                    } else if (line.startsWith("event:")) {
                        type = line.substring(6).trim();
                    } else if (line.startsWith("data:")) {
                        data.append(line.substring(5).trim());
                    } else if (line.isEmpty() && type != null) {
                        items.add(new Event(type, farm.json.readTree(data.toString())));
                        type = null;
                        data.setLength(0);
                    }
                }
            } catch (IOException | UncheckedIOException e) {
                // The stream was closed: the test is over.
            }
        }

        /** Waits for the first event (after those already seen) that matches; fails after {@code timeout}. */
        Event await(String description, Duration timeout, Predicate<Event> wanted) throws InterruptedException {
            for (Event e : seen) {
                if (wanted.test(e)) {
                    return e;
                }
            }
            long deadline = System.nanoTime() + timeout.toNanos();
            while (true) {
                long left = deadline - System.nanoTime();
                Object item = left <= 0 ? null : items.poll(left, TimeUnit.NANOSECONDS);
                if (item == null) {
                    throw new AssertionError("no " + description + " event within " + timeout.toMillis() + " ms; saw " + seen);
                }
                if (item instanceof Event e) {
                    seen.add(e);
                    if (wanted.test(e)) {
                        return e;
                    }
                }
            }
        }

        void awaitComment(String comment, Duration timeout) throws InterruptedException {
            long deadline = System.nanoTime() + timeout.toNanos();
            while (true) {
                long left = deadline - System.nanoTime();
                Object item = left <= 0 ? null : items.poll(left, TimeUnit.NANOSECONDS);
                if (item == null) {
                    throw new AssertionError("no ': " + comment + "' comment within " + timeout.toMillis() + " ms");
                }
                if (item instanceof Event e) {
                    seen.add(e);
                } else if (comment.equals(item)) {
                    return;
                }
            }
        }

        @Override
        public void close() {
            lines.close();
        }
    }

    @Test
    void theStreamDeliversSubmissionJoiningProgressAndFinishedFramesNamingJobAndFrame() throws Exception {
        Duration patience = Duration.ofSeconds(10);
        try (EventStream events = new EventStream(farm)) {
            events.awaitComment("connected", patience);

            farm.submit("""
                    {"id": "evented", "sceneRef": "builtin:cornell-box", "passes": [], "writers": [], "frames": 2, "width": 16, "height": 16,
                     "tileSize": 8, "spp": 1}""");
            Event submitted = events.await("job-changed (submitted)", patience, e -> e.type().equals("job-changed")
                    && e.data().path("jobId").asText().equals("evented"));
            assertEquals("submitted", submitted.data().path("change").asText());
            assertEquals("RUNNING", submitted.data().path("status").asText());

            TestNode node = farm.node("evented-node");
            Event joined = events.await("node-joined", patience, e -> e.type().equals("node-joined")
                    && e.data().path("nodeId").asText().equals(node.id()));
            assertEquals("evented-node", joined.data().path("name").asText());
            assertEquals(TestNode.DEVICE.name(), joined.data().path("device").asText());

            // Frame 0's four tiles, and nothing of frame 1.
            int done = 0;
            for (int claims = 0; done < 4 && claims < 16; claims++) {
                for (WorkGrant g : node.claim(1, 2_000)) {
                    if (g.frame().frame() == 0) {
                        assertEquals("ACCEPTED", node.complete(g, 0.5).as(UnitOutcome.class).outcome());
                        done++;
                    }
                }
            }
            assertEquals(4, done, "frame 0's units were all handed out");
            Event progress = events.await("job-progress with 4 units done", patience, e -> e.type().equals("job-progress")
                    && e.data().path("jobId").asText().equals("evented") && e.data().path("done").asInt() == 4);
            assertEquals(8, progress.data().path("units").asInt());
            assertEquals(2, progress.data().path("frames").asInt());

            Event frameDone = events.await("frame-done", patience, e -> e.type().equals("frame-done")
                    && e.data().path("jobId").asText().equals("evented"));
            assertEquals(0, frameDone.data().path("frame").asInt());
            assertEquals("frames/000000", frameDone.data().path("path").asText().replace('\\', '/'));
        }
    }

    @Test
    void theStreamRefusesACallerWithoutAToken() {
        TestFarm.Reply r = farm.sendJson("GET", "/api/v1/events", null, null);
        assertEquals(401, r.status());
        assertTrue(r.error().message().contains("missing token"), r.text());
        assertEquals(401, farm.sendJson("GET", "/api/v1/events", "wrong-token-0000000000", null).status());
    }

    @Test
    void aCallerThatDoesNotAcceptAnEventStreamIsToldWhatToSend() {
        TestFarm.Reply r = farm.client("GET", "/api/v1/events");
        assertEquals(406, r.status(), r.text());
        assertTrue(r.error().message().contains("Accept: text/event-stream"), r.text());
    }
}
