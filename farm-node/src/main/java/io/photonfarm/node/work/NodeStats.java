package io.photonfarm.node.work;

import io.photonfarm.api.node.Heartbeat;
import io.photonfarm.api.node.NodeActivity;
import io.photonfarm.api.work.WorkUnitKey;
import java.time.Duration;
import java.util.function.LongSupplier;

/**
 * What the node reports in its heartbeats: activity, current unit, throughput and counts.
 * Throughput is pixel samples per second (pixels x samples / render seconds) of each unit,
 * exponentially weighted so recent units count most. Thread-safe.
 */
final class NodeStats {
    /** Weight of the newest unit: about the last 5 units dominate. */
    static final double SMOOTHING = 0.3;

    private NodeActivity activity = NodeActivity.IDLE;
    private WorkUnitKey current;
    private double samplesPerSecond;
    private boolean measured;
    private long done;
    private long failed;
    private final LongSupplier nanoTime;
    private long renders;
    private long renderNanos;
    private long renderStart;
    private long firstRenderStart;
    private long lastRenderEnd;
    private long claimNanos;
    private long claims;
    private long uploadNanos;

    NodeStats() {
        this(System::nanoTime);
    }

    /** @param nanoTime a monotonic clock, nanoseconds (times renders, claims and uploads for {@link #times()}) */
    NodeStats(LongSupplier nanoTime) {
        this.nanoTime = nanoTime;
    }

    synchronized void idle() {
        if (activity != NodeActivity.DRAINING) {
            activity = NodeActivity.IDLE;
        }
        current = null;
    }

    synchronized void rendering(WorkUnitKey unit) {
        if (activity != NodeActivity.DRAINING) {
            activity = NodeActivity.RENDERING;
        }
        current = unit;
        renderStart = nanoTime.getAsLong();
        if (renders == 0) {
            firstRenderStart = renderStart;
        }
    }

    /** The render begun by {@link #rendering} ended (rendered or failed). */
    synchronized void renderEnded() {
        lastRenderEnd = nanoTime.getAsLong();
        renderNanos += lastRenderEnd - renderStart;
        renders++;
    }

    /** Reads the clock {@link #times()} uses. */
    long now() {
        return nanoTime.getAsLong();
    }

    synchronized void claimed(long startNanos) {
        claimNanos += nanoTime.getAsLong() - startNanos;
        claims++;
    }

    synchronized void uploaded(long startNanos) {
        uploadNanos += nanoTime.getAsLong() - startNanos;
    }

    synchronized NodeTimes times() {
        return new NodeTimes(renders, renderNanos, claimNanos, claims, uploadNanos, firstRenderStart, lastRenderEnd);
    }

    synchronized void draining() {
        activity = NodeActivity.DRAINING;
    }

    /**
     * Records a rendered unit's throughput.
     *
     * @param pixelSamples pixels x samples of the unit
     * @param took         its render time
     */
    synchronized void rendered(long pixelSamples, Duration took) {
        double seconds = took.toNanos() / 1e9;
        if (seconds <= 0) {
            return; // a clock too coarse to time it says nothing about speed
        }
        double rate = pixelSamples / seconds;
        samplesPerSecond = measured ? SMOOTHING * rate + (1 - SMOOTHING) * samplesPerSecond : rate;
        measured = true;
    }

    synchronized void completed() {
        done++;
    }

    synchronized void failed() {
        failed++;
    }

    synchronized Heartbeat heartbeat() {
        return new Heartbeat(activity, current == null ? null : current.toString(), samplesPerSecond, done, failed);
    }
}
