package io.photonfarm.node.work;

/**
 * Where a node's time went since it started, for benchmarks and diagnostics; nanoseconds of a
 * monotonic clock. The busy window runs from the start of the first render to the end of the last,
 * so the wait for the first grant and the tail after the last unit are not in it.
 *
 * @param renders          units rendered (successfully or not)
 * @param renderNanos      time spent inside the renderer, all units together
 * @param claimNanos       time spent in claim calls (long polls included), all together
 * @param claims           claim calls that returned, with or without work
 * @param uploadNanos      time spent uploading results (retries included)
 * @param firstRenderStart when the first render started, or 0 before it
 * @param lastRenderEnd    when the last render ended, or 0 before it
 */
public record NodeTimes(long renders, long renderNanos, long claimNanos, long claims, long uploadNanos,
        long firstRenderStart, long lastRenderEnd) {

    /** From the start of the first render to the end of the last, nanoseconds; 0 before the first. */
    public long busyWindowNanos() {
        return renders == 0 ? 0 : lastRenderEnd - firstRenderStart;
    }

    /** Time in the busy window not spent rendering (claims, uploads, bookkeeping), nanoseconds. */
    public long idleNanos() {
        return Math.max(0, busyWindowNanos() - renderNanos);
    }

    /** {@link #idleNanos()} over {@link #busyWindowNanos()}; 0 without a window. */
    public double idleFraction() {
        long w = busyWindowNanos();
        return w <= 0 ? 0 : (double) idleNanos() / w;
    }
}
