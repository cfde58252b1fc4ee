package io.photonfarm.coordinator.dashboard;

import io.photonfarm.api.farm.ThroughputPoint;
import java.util.ArrayDeque;
import java.util.ArrayList;
import java.util.Deque;
import java.util.List;

/**
 * The farm's throughput over the last {@code capacity} sampling periods, in memory: what the
 * dashboard's chart shows as soon as it opens. A restarted coordinator starts a new history.
 */
public final class ThroughputHistory {
    private final int capacity;
    private final Deque<ThroughputPoint> points = new ArrayDeque<>();

    /** @param capacity the most points kept (older ones are dropped) */
    public ThroughputHistory(int capacity) {
        if (capacity < 1) {
            throw new IllegalArgumentException("throughput history: capacity " + capacity + " must be >= 1");
        }
        this.capacity = capacity;
    }

    public synchronized void add(ThroughputPoint p) {
        points.addLast(p);
        while (points.size() > capacity) {
            points.removeFirst();
        }
    }

    /** The points kept, oldest first. */
    public synchronized List<ThroughputPoint> points() {
        return new ArrayList<>(points);
    }
}
