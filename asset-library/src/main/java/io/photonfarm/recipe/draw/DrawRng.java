package io.photonfarm.recipe.draw;

import io.photonfarm.recipe.IntRange;
import io.photonfarm.recipe.Range;
import java.nio.charset.StandardCharsets;

/**
 * A counter-based random stream: the n-th value is a hash of (key, n), and the key is a hash of
 * (job seed, index, purpose). So every draw is a pure function of what it is for: no generator is
 * shared between frames or purposes, and drawing frame k alone gives what it gets in a whole job.
 * Values come from SplitMix64's finaliser (Steele, Lea and Flood, "Fast splittable pseudorandom
 * number generators", OOPSLA 2014) over a Weyl sequence of the counter. Not thread-safe (it counts).
 */
public final class DrawRng {
    private static final long GOLDEN = 0x9E3779B97F4A7C15L;
    private final long key;
    private long counter;

    private DrawRng(long key) {
        this.key = key;
    }

    /**
     * The stream for {@code purpose} (any text naming what is drawn, e.g. {@code "place"} or
     * {@code "material:0:3"}) of unit {@code index} (a frame or sequence index) of a job with {@code seed}.
     */
    public static DrawRng of(long seed, long index, String purpose) {
        return new DrawRng(mix(mix(seed ^ fnv1a(purpose)) + index * GOLDEN));
    }

    /** The next 64 random bits. */
    public long nextLong() {
        return mix(key + GOLDEN * ++counter);
    }

    /** Uniform in [0, 1), 53 bits. */
    public double nextDouble() {
        return (nextLong() >>> 11) * 0x1.0p-53;
    }

    /** Uniform in 0..bound-1 (bound >= 1), by Lemire's multiply-shift with rejection of the biased tail. */
    public int nextInt(int bound) {
        if (bound <= 0) {
            throw new IllegalArgumentException("bound must be >= 1, was " + bound);
        }
        while (true) {
            long r = nextLong() >>> 32;
            long m = r * bound;
            long low = m & 0xFFFFFFFFL;
            if (low >= (0x1_0000_0000L % bound)) {
                return (int) (m >>> 32);
            }
        }
    }

    /** Uniform in the closed range (always consumes one value). */
    public double in(Range r) {
        return r.at(nextDouble());
    }

    /** Uniform in the integer range (always consumes one value). */
    public int in(IntRange r) {
        return r.min() + nextInt(r.size());
    }

    /** Whether an event of probability {@code p} happens (always consumes one value). */
    public boolean chance(double p) {
        return nextDouble() < p;
    }

    /** SplitMix64's finaliser: a bijective 64-bit mix. */
    static long mix(long z) {
        z = (z ^ (z >>> 30)) * 0xBF58476D1CE4E5B9L;
        z = (z ^ (z >>> 27)) * 0x94D049BB133111EBL;
        return z ^ (z >>> 31);
    }

    /** 64-bit FNV-1a of the UTF-8 bytes: a fixed hash of a purpose name, the same on every JVM. */
    static long fnv1a(String text) {
        long h = 0xcbf29ce484222325L;
        for (byte b : text.getBytes(StandardCharsets.UTF_8)) {
            h ^= b & 0xFF;
            h *= 0x100000001b3L;
        }
        return h;
    }
}
