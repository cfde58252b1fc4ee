package io.photonfarm.coordinator.schedule;

import com.hazelcast.map.IMap;
import java.util.HashSet;
import java.util.Map;
import java.util.Set;
import java.util.concurrent.ConcurrentHashMap;

/**
 * When each node was last heard from (a claim, renewal or failure), so that retries and give-ups
 * consider only nodes that are still around. A plain overwrite per call: the latest sighting wins,
 * and nothing is read back before writing. A node claiming thousands of times a second would make
 * this the busiest map of the farm, so each member writes a node's sighting at most once per
 * {@code activeMillis / 10} (1 s at most): presence is coarse by nature, and the stored time is at
 * most that much behind.
 */
final class HzNodePresence {
    private final IMap<String, Long> lastSeen;
    private final long activeMillis;
    private final long writeEveryMillis;
    /** What this member last wrote per node, to skip writes that would change next to nothing. */
    private final Map<String, Long> lastWritten = new ConcurrentHashMap<>();

    /** @param activeMillis how long after its last sighting a node still counts as present, milliseconds */
    HzNodePresence(IMap<String, Long> lastSeen, long activeMillis) {
        this.lastSeen = lastSeen;
        this.activeMillis = activeMillis;
        this.writeEveryMillis = Math.min(1_000, activeMillis / 10);
    }

    void seen(String nodeId, long nowMillis) {
        Long written = lastWritten.get(nodeId);
        if (written != null && nowMillis >= written && nowMillis - written < writeEveryMillis) {
            return;
        }
        lastWritten.put(nodeId, nowMillis);
        lastSeen.set(nodeId, nowMillis);
    }

    /** The node left: it no longer counts as present anywhere. */
    void forget(String nodeId) {
        lastWritten.remove(nodeId);
        lastSeen.delete(nodeId);
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
