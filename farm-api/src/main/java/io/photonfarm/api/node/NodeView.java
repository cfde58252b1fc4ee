package io.photonfarm.api.node;

/**
 * A node as the API lists it ({@code GET /api/v1/nodes}).
 *
 * @param nodeId            its id
 * @param name              host and process, as it registered
 * @param device            its device
 * @param activity          what it last said it was doing ({@link NodeActivity#GONE} once it left or was lost)
 * @param currentUnit       the unit it last said it was rendering, or null
 * @param samplesPerSecond  its last reported throughput, pixel samples per second
 * @param unitsDone         units it completed
 * @param unitsFailed       units it reported as failed
 * @param registeredAtMillis when it registered, epoch milliseconds (UTC)
 * @param lastSeenAtMillis  its last heartbeat or call, epoch milliseconds (UTC)
 * @param draining          whether it was asked to drain
 * @param lost              whether it stopped calling without leaving (crashed, hung or cut off)
 */
public record NodeView(String nodeId, String name, NodeDevice device, NodeActivity activity, String currentUnit,
        double samplesPerSecond, long unitsDone, long unitsFailed, long registeredAtMillis, long lastSeenAtMillis,
        boolean draining, boolean lost) {
}
