package io.photonfarm.coordinator.dashboard;

import com.fasterxml.jackson.core.JsonProcessingException;
import com.fasterxml.jackson.databind.ObjectMapper;
import io.javalin.http.sse.SseClient;
import java.util.Set;
import java.util.concurrent.ConcurrentHashMap;

/**
 * Pushes the farm's status to the event streams connected to this coordinator, as {@code farm}
 * events, once per run (scheduled about once a second): node heartbeats and queue depth change all
 * the time and are not worth an event each. The status is taken once per run, whatever the number of
 * clients, and not at all without one. Sent only to this coordinator's clients (every coordinator
 * sees the whole farm, so a cluster-wide event would reach each client once per coordinator).
 */
public final class LiveStatus implements Runnable {
    /** The event name. */
    public static final String EVENT = "farm";
    private static final System.Logger LOG = System.getLogger(LiveStatus.class.getName());
    private final FarmStatusService status;
    private final ObjectMapper json;
    private final Set<SseClient> clients = ConcurrentHashMap.newKeySet();

    public LiveStatus(FarmStatusService status, ObjectMapper json) {
        this.status = status;
        this.json = json;
    }

    /** Adds a connected stream (and sends it the status at once); it leaves when it closes. */
    public void add(SseClient client) {
        clients.add(client);
        client.onClose(() -> clients.remove(client));
        String now = encode();
        if (now != null && !client.terminated()) {
            client.sendEvent(EVENT, now);
        }
    }

    @Override
    public void run() {
        clients.removeIf(SseClient::terminated);
        if (clients.isEmpty()) {
            return;
        }
        String now = encode();
        if (now == null) {
            return;
        }
        for (SseClient c : clients) {
            if (!c.terminated()) {
                c.sendEvent(EVENT, now);
            }
        }
    }

    private String encode() {
        try {
            return json.writeValueAsString(status.status().withoutHistory());
        } catch (JsonProcessingException | RuntimeException e) {
            LOG.log(System.Logger.Level.WARNING, "taking the farm's status: " + e);
            return null;
        }
    }
}
