package io.photonfarm.coordinator.schedule;

import com.hazelcast.map.IMap;
import java.util.HashSet;
import java.util.Set;

/**
 * When each node was last heard from (a claim, renewal or failure), so that retries and give-ups
 * consider only nodes that are still around. A plain overwrite per call: the latest sighting wins,
 * and nothing is read back before writing.
 */
final class HzNodePresence {
    private final IMap<String, Long> lastSeen;
    private final long activeMillis;

    /** @param activeMillis how long after its last sighting a node still counts as present, milliseconds */
    HzNodePresence(IMap<String, Long> lastSeen, long activeMillis) {
        this.lastSeen = lastSeen;
        this.activeMillis = activeMillis;
    }

    void seen(String nodeId, long nowMillis) {
        lastSeen.set(nodeId, nowMillis);
    }

    /** The nodes seen within the active window before {@code nowMillis}; reads the whole (small) map. */
    Set<String> present(long nowMillis) {
        Set<String> present = new HashSet<>();
        lastSeen.forEach((node, seen) -> {
            if (seen >= nowMillis - activeMillis) {
                present.add(node);
            }
        });
        return present;
    }
}
