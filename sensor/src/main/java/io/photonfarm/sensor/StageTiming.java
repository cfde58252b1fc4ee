package io.photonfarm.sensor;

/**
 * How long one stage took on one frame.
 *
 * @param stage  the stage's name: optics, exposure, linear (the clean image), sensor, black-level, white-balance, demosaic, color, sharpen, encode, raw
 * @param nanos  wall-clock nanoseconds
 * @param pixels the pixels it processed
 */
public record StageTiming(String stage, long nanos, long pixels) {
    /** Millions of pixels per second of wall-clock time. */
    public double megapixelsPerSecond() {
        return pixels * 1e3 / Math.max(nanos, 1);
    }
}
