package io.photonfarm.node.work;

import java.util.ArrayList;
import java.util.Iterator;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.function.Function;

/**
 * A least-recently-used map of at most {@code capacity} closeable values that closes what it
 * evicts, and everything on {@link #close()}. Not thread-safe.
 */
final class ClosingLru<K, V extends AutoCloseable> implements AutoCloseable {
    private final int capacity;
    private final LinkedHashMap<K, V> entries = new LinkedHashMap<>(16, 0.75f, true);

    ClosingLru(int capacity) {
        if (capacity < 1) {
            throw new IllegalArgumentException("cache capacity " + capacity + " must be >= 1");
        }
        this.capacity = capacity;
    }

    /**
     * The value for {@code key}, made by {@code load} if absent. The least recently used value is
     * closed before a new one is made, so at most {@code capacity} are alive at once (device memory
     * is what is short).
     */
    V get(K key, Function<K, V> load) {
        V v = entries.get(key);
        if (v != null) {
            return v;
        }
        while (entries.size() >= capacity) {
            Iterator<Map.Entry<K, V>> eldest = entries.entrySet().iterator();
            V evicted = eldest.next().getValue();
            eldest.remove();
            closeQuietly(evicted);
        }
        v = load.apply(key);
        entries.put(key, v);
        return v;
    }

    /** The value for {@code key} (now the most recently used), or null. */
    V find(K key) {
        return entries.get(key);
    }

    int size() {
        return entries.size();
    }

    List<K> keys() {
        return new ArrayList<>(entries.keySet());
    }

    @Override
    public void close() {
        entries.values().forEach(ClosingLru::closeQuietly);
        entries.clear();
    }

    private static void closeQuietly(AutoCloseable c) {
        try {
            c.close();
        } catch (Exception e) {
            System.getLogger(ClosingLru.class.getName()).log(System.Logger.Level.WARNING,
                    "closing cached " + c.getClass().getSimpleName() + " failed: " + e.getMessage(), e);
        }
    }
}
