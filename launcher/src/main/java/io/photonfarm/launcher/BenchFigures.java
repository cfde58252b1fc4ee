package io.photonfarm.launcher;

import java.util.Arrays;
import java.util.Locale;

/** Small helpers the benchmarks share: the machine line and latency percentiles. */
final class BenchFigures {
    private BenchFigures() {
    }

    /** Cores, Java, OS and heap, in one line. */
    static String machine() {
        Runtime rt = Runtime.getRuntime();
        return String.format(Locale.ROOT, "machine: %d cores, Java %s (%s), %s %s %s, max heap %d MB",
                rt.availableProcessors(), System.getProperty("java.version"), System.getProperty("java.vm.name"),
                System.getProperty("os.name"), System.getProperty("os.version"), System.getProperty("os.arch"),
                rt.maxMemory() / 1_000_000);
    }

    /** Latencies in nanoseconds, sorted once; percentiles in milliseconds. */
    static final class Latencies {
        private final long[] sorted;

        Latencies(long[] nanos, int count) {
            this.sorted = Arrays.copyOf(nanos, count);
            Arrays.sort(sorted);
        }

        int count() {
            return sorted.length;
        }

        /** The {@code q}-quantile (0..1) in milliseconds, nearest rank; NaN when empty. */
        double millis(double q) {
            if (sorted.length == 0) {
                return Double.NaN;
            }
            int i = (int) Math.min(sorted.length - 1, Math.max(0, Math.ceil(q * sorted.length) - 1));
            return sorted[i] / 1e6;
        }

        String summary() {
            return String.format(Locale.ROOT, "median %.2f ms, p99 %.2f ms, max %.1f ms (%,d calls)", millis(0.5),
                    millis(0.99), millis(1.0), count());
        }
    }

    /** A growable array of nanosecond durations, one per thread (not thread-safe). */
    static final class Samples {
        long[] nanos = new long[1 << 14];
        int count;

        void add(long value) {
            if (count == nanos.length) {
                nanos = Arrays.copyOf(nanos, count * 2);
            }
            nanos[count++] = value;
        }
    }

    static Latencies merge(Iterable<Samples> all) {
        int n = 0;
        for (Samples s : all) {
            n += s.count;
        }
        long[] merged = new long[n];
        int at = 0;
        for (Samples s : all) {
            System.arraycopy(s.nanos, 0, merged, at, s.count);
            at += s.count;
        }
        return new Latencies(merged, n);
    }
}
