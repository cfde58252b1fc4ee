package io.photonfarm.coordinator.http;

import io.photonfarm.coordinator.dashboard.LiveStatus;
import io.photonfarm.coordinator.events.EventBus;
import java.util.function.Consumer;

/**
 * {@code GET /api/v1/events}: the farm's events as server-sent events (event name = type, data =
 * JSON), plus this coordinator's {@code farm} status about once a second (see {@link LiveStatus}).
 * The connection stays open; the status events double as a keep-alive, so proxies and clients
 * notice a dead connection.
 */
public final class EventRoutes implements Consumer<ApiServer.Registrar> {
    private static final System.Logger LOG = System.getLogger(EventRoutes.class.getName());
    private final EventBus events;
    private final LiveStatus live;

    public EventRoutes(EventBus events, LiveStatus live) {
        this.events = events;
        this.live = live;
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
            live.add(client);
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
