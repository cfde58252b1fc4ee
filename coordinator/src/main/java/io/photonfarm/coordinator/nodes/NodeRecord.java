package io.photonfarm.coordinator.nodes;

import io.photonfarm.api.node.Heartbeat;
import io.photonfarm.api.node.NodeHello;

/**
 * What the farm knows of a node. Written only on the node's own calls (registration, heartbeat,
 * leave), so a plain overwrite never loses another writer's change; the operator's drain request
 * lives apart, in the registry's drain set.
 *
 * @param heartbeat          the latest heartbeat, or null before the first
 * @param registeredAtMillis when it registered, epoch milliseconds
 * @param lastSeenAtMillis   its latest registration or heartbeat, epoch milliseconds
 * @param left               whether it left cleanly
 */
public record NodeRecord(String nodeId, NodeHello hello, Heartbeat heartbeat, long registeredAtMillis,
        long lastSeenAtMillis, boolean left) {

    NodeRecord seen(Heartbeat beat, long nowMillis) {
        return new NodeRecord(nodeId, hello, beat, registeredAtMillis, nowMillis, false);
    }

    NodeRecord leaving(long nowMillis) {
        return new NodeRecord(nodeId, hello, heartbeat, registeredAtMillis, nowMillis, true);
    }
}
