package io.photonfarm.node.work;

import io.photonfarm.api.work.Lease;
import io.photonfarm.api.work.LeaseRef;
import io.photonfarm.api.work.WorkUnitKey;
import java.util.List;
import java.util.Map;
import java.util.Set;
import java.util.concurrent.ConcurrentHashMap;

/**
 * The leases a node holds now (claimed, not yet completed, failed or handed back), and which of
 * them the coordinator said are lost. Shared by the work loop and the renewer. Thread-safe.
 */
final class HeldLeases {
    private final Map<WorkUnitKey, LeaseRef> held = new ConcurrentHashMap<>();
    private final Set<WorkUnitKey> lost = ConcurrentHashMap.newKeySet();

    void hold(Lease lease) {
        held.put(lease.key(), new LeaseRef(lease.key(), lease.epoch()));
    }

    void release(WorkUnitKey key) {
        held.remove(key);
        lost.remove(key);
    }

    /** The leases to renew: held and not lost. */
    List<LeaseRef> renewable() {
        return held.values().stream().filter(r -> !lost.contains(r.key())).toList();
    }

    /** Marks a held unit lost; returns false if it is not held (already done, or never claimed). */
    boolean markLost(WorkUnitKey key) {
        if (!held.containsKey(key)) {
            return false;
        }
        lost.add(key);
        return true;
    }

    /** Marks every held unit lost: they belonged to a registration the coordinator forgot. */
    void markAllLost() {
        lost.addAll(held.keySet());
    }

    boolean isLost(WorkUnitKey key) {
        return lost.contains(key);
    }

    int size() {
        return held.size();
    }

    void clear() {
        held.clear();
        lost.clear();
    }
}
