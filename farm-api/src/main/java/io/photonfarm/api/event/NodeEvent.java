package io.photonfarm.api.event;

/**
 * A node joined, left cleanly, or failed (stopped calling without leaving) (types {@code node-joined},
 * {@code node-left}, {@code node-failed}).
 *
 * @param change joined, left or failed
 * @param nodeId the node
 * @param name   host and process, as it registered
 * @param device the device name
 */
public record NodeEvent(long atMillis, String change, String nodeId, String name, String device) implements FarmEvent {
    @Override
    public String type() {
        return "node-" + change;
    }
}
