package io.photonfarm.coordinator.events;

import com.fasterxml.jackson.core.JsonProcessingException;
import com.fasterxml.jackson.databind.ObjectMapper;
import com.hazelcast.core.HazelcastInstance;
import com.hazelcast.topic.ITopic;
import io.photonfarm.api.event.FarmEvent;
import java.util.UUID;
import java.util.function.Consumer;

/**
 * {@link EventBus} over a Hazelcast topic named {@code <namespace>.events}. Messages are the SSE
 * name and the JSON, joined by a newline, so every member decodes them without sharing classes.
 */
public final class HzEventBus implements EventBus {
    private final ITopic<String> topic;
    private final ObjectMapper json;

    public HzEventBus(HazelcastInstance hz, String namespace, ObjectMapper json) {
        this.topic = hz.getTopic(namespace + ".events");
        this.json = json;
    }

    @Override
    public void publish(FarmEvent event) {
        try {
            topic.publish(event.type() + "\n" + json.writeValueAsString(event));
        } catch (JsonProcessingException e) {
            throw new IllegalStateException("encoding event " + event + ": " + e.getMessage(), e);
        }
    }

    @Override
    public AutoCloseable subscribe(Consumer<EncodedEvent> listener) {
        UUID id = topic.addMessageListener(m -> {
            String message = m.getMessageObject();
            int nl = message.indexOf('\n');
            listener.accept(new EncodedEvent(message.substring(0, nl), message.substring(nl + 1)));
        });
        return () -> topic.removeMessageListener(id);
    }
}
