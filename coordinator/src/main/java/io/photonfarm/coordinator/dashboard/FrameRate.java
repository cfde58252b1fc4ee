package io.photonfarm.coordinator.dashboard;

import io.photonfarm.coordinator.events.EncodedEvent;
import java.time.InstantSource;
import java.util.ArrayDeque;
import java.util.Deque;

/**
 * Frames written over the last minute, counted from the farm's {@code frame-done} events (which
 * reach every coordinator of a cluster, so each counts the whole farm).
 */
public final class FrameRate {
    static final long WINDOW_MILLIS = 60_000;
    private final InstantSource clock;
    private final Deque<Long> times = new ArrayDeque<>();

    public FrameRate(InstantSource clock) {
        this.clock = clock;
    }

    /** Feeds an event; only {@code frame-done} ones count. */
    public void accept(EncodedEvent e) {
        if ("frame-done".equals(e.type())) {
            long now = clock.millis();
            synchronized (times) {
                times.addLast(now);
                trim(now);
            }
        }
    }

    /** Frames written in the minute up to now. */
    public int lastMinute() {
        long now = clock.millis();
        synchronized (times) {
            trim(now);
            return times.size();
        }
    }

    private void trim(long now) {
        while (!times.isEmpty() && times.peekFirst() <= now - WINDOW_MILLIS) {
            times.removeFirst();
        }
    }
}
