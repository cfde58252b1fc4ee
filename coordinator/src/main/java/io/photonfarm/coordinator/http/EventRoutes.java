package io.photonfarm.coordinator.http;

import io.photonfarm.coordinator.events.EventBus;
import java.util.function.Consumer;

/**
 * {@code GET /api/v1/events}: the farm's events as server-sent events (event name = type, data =
 * JSON). The connection stays open; a comment is sent every {@code keepAliveMillis} so proxies and
 * clients notice a dead connection.
 */
public final class EventRoutes implements Consumer<ApiServer.Registrar> {
    private static final System.Logger LOG = System.getLogger(EventRoutes.class.getName());
    private final EventBus events;

    public EventRoutes(EventBus events) {
        this.events = events;
    }

    @Override
    public void accept(ApiServer.Registrar r) {
        r.sse("/api/v1/events", client -> {
            client.keepAlive();
            AutoCloseable subscription = events.subscribe(e -> {
                if (!client.terminated()) {
                    client.sendEvent(e.type(), e.json());
                }
            });
            client.sendComment("connected");
            client.onClose(() -> {
                try {
                    subscription.close();
                } catch (Exception e) {
                    LOG.log(System.Logger.Level.WARNING, "closing an event subscription: " + e);
                }
            });
        });
    }
}
