package io.photonfarm.coordinator.events;

/** An event ready for the wire: its SSE name and its JSON data. */
public record EncodedEvent(String type, String json) {
}
