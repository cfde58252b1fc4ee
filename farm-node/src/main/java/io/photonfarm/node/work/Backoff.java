package io.photonfarm.node.work;

import java.time.Duration;

/**
 * Capped exponential backoff with jitter: the n-th wait (from 0) is drawn uniformly from
 * {@code [d/2, d]} where {@code d = min(max, initial * 2^n)}. Jitter keeps a farm of nodes from
 * hammering a coordinator in lockstep when it comes back; the floor of d/2 keeps waits growing.
 *
 * @param initial the first nominal wait
 * @param max     the longest nominal wait
 */
public record Backoff(Duration initial, Duration max) {
    public Backoff {
        if (initial == null || max == null || initial.isNegative() || initial.isZero() || max.compareTo(initial) < 0) {
            throw new IllegalArgumentException("backoff " + initial + " .. " + max + ": initial must be > 0 and <= max");
        }
    }

    /** 250 ms doubling up to 15 s. */
    public static Backoff standard() {
        return new Backoff(Duration.ofMillis(250), Duration.ofSeconds(15));
    }

    /**
     * The wait before retry {@code attempt}.
     *
     * @param attempt how many waits came before this one in the same outage, from 0
     * @param random  a uniform draw from [0, 1)
     */
    public Duration delay(int attempt, double random) {
        long maxNanos = max.toNanos();
        long nominal = initial.toNanos();
        for (int i = 0; i < attempt && nominal < maxNanos; i++) {
            nominal = Math.min(maxNanos, nominal * 2);
        }
        nominal = Math.min(maxNanos, nominal);
        return Duration.ofNanos(nominal / 2 + (long) (random * (nominal - nominal / 2)));
    }
}
