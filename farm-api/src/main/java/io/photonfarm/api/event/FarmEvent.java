package io.photonfarm.api.event;

/**
 * What the event stream ({@code GET /api/v1/events}, server-sent events) carries. The SSE event
 * name is {@link #type()}; the data is the event as JSON. Events are notifications for dashboards:
 * a client that reconnects reads the current state from the API rather than replaying events.
 */
public sealed interface FarmEvent permits JobProgressEvent, JobChangedEvent, FrameDoneEvent, NodeEvent {

    /** The SSE event name. */
    String type();

    /** When it happened, epoch milliseconds (UTC). */
    long atMillis();
}
