package io.photonfarm.sensor;

import java.util.function.IntConsumer;
import java.util.stream.IntStream;

/**
 * Row-parallel loops. Work runs in the caller's fork-join pool (the common pool unless the caller
 * runs inside another), so a caller bounds the threads by choosing the pool. Every per-row body must
 * write only its own row's outputs; sums across rows go through {@link #sum} so their rounding does
 * not depend on how the rows were split.
 */
final class Rows {
    private Rows() {
    }

    static void forEach(int rows, IntConsumer body) {
        IntStream.range(0, rows).parallel().forEach(body);
    }

    /** Adds per-row partial sums in row order: the same result for any thread count. */
    static double sum(double[] perRow) {
        double s = 0;
        for (double v : perRow) {
            s += v;
        }
        return s;
    }
}
