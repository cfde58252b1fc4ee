package io.photonfarm.api.tile;

/**
 * Fixed-point encoding of radiance sums.
 *
 * <p>Each sample's linear RGB radiance is rounded to a multiple of {@code 2^-FRACTION_BITS} and
 * summed as a 64-bit integer. Integer addition is associative, so sums of a pixel over any split of
 * its sample indices, merged in any order, are bit-identical: this is what makes tiles and sample
 * ranges freely re-splittable across nodes. The resolution (about 1e-6 of a unit of radiance) is
 * far below Monte Carlo noise; a single sample is clamped to {@link #MAX_SAMPLE_RADIANCE}.
 */
public final class RadianceSums {
    /** Bits after the binary point. */
    public static final int FRACTION_BITS = 20;
    /** The largest radiance one sample can contribute per channel (larger values are clamped). */
    public static final float MAX_SAMPLE_RADIANCE = 1.0e6f;

    private RadianceSums() {
    }

    /** The radiance a fixed-point sum stands for. */
    public static double toRadiance(long fixedPoint) {
        return Math.scalb((double) fixedPoint, -FRACTION_BITS);
    }
}
