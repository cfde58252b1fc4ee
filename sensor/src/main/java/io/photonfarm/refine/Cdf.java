package io.photonfarm.refine;

import java.util.Arrays;

/**
 * The cumulative distribution of values in [0, 1] from a histogram of {@link #BINS} equal bins,
 * linear within each bin (values spread evenly over their bin). Immutable.
 */
final class Cdf {
    /** Bins over [0, 1]: finer than 16-bit photographs need, coarse enough to build per frame. */
    static final int BINS = 4096;
    /** cumulative[i]: the fraction of values below i / BINS; cumulative[BINS] = 1. */
    private final double[] cumulative;

    private Cdf(double[] cumulative) {
        this.cumulative = cumulative;
    }

    /** The distribution of a histogram of {@link #BINS} non-negative masses (any positive total). */
    static Cdf of(double[] histogram) {
        if (histogram.length != BINS) {
            throw new IllegalArgumentException("a histogram of " + BINS + " bins expected, got " + histogram.length);
        }
        double[] c = new double[BINS + 1];
        for (int i = 0; i < BINS; i++) {
            c[i + 1] = c[i] + histogram[i];
        }
        double total = c[BINS];
        if (!(total > 0)) {
            throw new IllegalArgumentException("an empty histogram has no distribution");
        }
        for (int i = 0; i <= BINS; i++) {
            c[i] /= total;
        }
        return new Cdf(c);
    }

    /** The bin of value {@code v}, clamped to [0, 1] (NaN counts as 0). */
    static int bin(double v) {
        if (!(v > 0)) {
            return 0;
        }
        return Math.min(BINS - 1, (int) (v * BINS));
    }

    /** Adds every {@code stride}-th sample from {@code offset} of {@code data} to {@code histogram}, with mass {@code weight} each. */
    static void add(float[] data, int offset, int stride, double weight, double[] histogram) {
        for (int i = offset; i < data.length; i += stride) {
            histogram[bin(data[i])] += weight;
        }
    }

    /** The fraction of values at or below {@code v}. */
    double at(double v) {
        if (!(v > 0)) {
            return 0;
        }
        if (v >= 1) {
            return 1;
        }
        double t = v * BINS;
        int i = Math.min(BINS - 1, (int) t);
        double f = t - i;
        return cumulative[i] * (1 - f) + cumulative[i + 1] * f;
    }

    /** The smallest value whose cumulative fraction reaches {@code u} in [0, 1] (linear within its bin). */
    double inverse(double u) {
        if (!(u > 0)) {
            // The lowest value the distribution holds: the start of its first non-empty bin.
            int i = 0;
            while (i < BINS && cumulative[i + 1] <= 0) {
                i++;
            }
            return (double) i / BINS;
        }
        if (u >= 1) {
            int i = BINS;
            while (i > 0 && cumulative[i - 1] >= 1) {
                i--;
            }
            return (double) i / BINS;
        }
        int hi = Arrays.binarySearch(cumulative, u);
        if (hi >= 0) {
            // Exactly on an edge: the first edge holding u (empty bins before it are skipped).
            while (hi > 0 && cumulative[hi - 1] == u) {
                hi--;
            }
            return (double) hi / BINS;
        }
        int i = -hi - 2; // cumulative[i] < u < cumulative[i + 1]
        double f = (u - cumulative[i]) / (cumulative[i + 1] - cumulative[i]);
        return (i + f) / BINS;
    }

    /** The cumulative fraction at bin edge {@code i} in 0..{@link #BINS}. */
    double edge(int i) {
        return cumulative[i];
    }

    /** The Kolmogorov-Smirnov distance: the largest difference of the two distributions over the bin edges. */
    double ksDistance(Cdf other) {
        double d = 0;
        for (int i = 0; i <= BINS; i++) {
            d = Math.max(d, Math.abs(cumulative[i] - other.cumulative[i]));
        }
        return d;
    }

    /** The earth mover's (Wasserstein-1) distance in value units: the area between the two distributions. */
    double earthMoversDistance(Cdf other) {
        double area = 0;
        for (int i = 0; i < BINS; i++) {
            // Both are linear within a bin; the trapezoid of the difference is exact unless they cross.
            area += Math.abs((cumulative[i] - other.cumulative[i]) + (cumulative[i + 1] - other.cumulative[i + 1])) / 2;
        }
        return area / BINS;
    }
}
