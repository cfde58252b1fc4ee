package io.photonfarm.coordinator.events;

import io.photonfarm.api.event.FarmEvent;
import java.util.function.Consumer;

/**
 * Delivers farm events to every subscriber on every coordinator of the cluster, so a dashboard
 * connected to one coordinator sees frames finished by another. Delivery is best effort and in order
 * per publisher; events are notifications, never the record of state.
 */
public interface EventBus {

    void publish(FarmEvent event);

    /**
     * @param listener called on a bus thread for every event published anywhere after this call; must not block
     * @return closing it ends the subscription
     */
    AutoCloseable subscribe(Consumer<EncodedEvent> listener);
}
