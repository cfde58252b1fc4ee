package io.photonfarm.api.tile;

/**
 * What rendering one tile for one sample range produces: unnormalised radiance sums per pixel and
 * the number of samples each pixel received. Data, not a picture: results merge by addition in
 * any order, and the frame is normalised once, at assembly.
 *
 * @param rect    the pixels covered
 * @param samples the sample indices rendered for every pixel of {@code rect}
 * @param sums    fixed-point linear RGB sums ({@link RadianceSums}), 3 per pixel, row-major within rect
 */
public record TileResult(TileRect rect, SampleRange samples, long[] sums) {
    public TileResult {
        if (sums.length != (long) rect.pixelCount() * 3) {
            throw new IllegalArgumentException("tile " + rect + ": expected " + rect.pixelCount() * 3L
                    + " sums, got " + sums.length);
        }
    }

    /** The mean radiance of channel {@code c} of the pixel at tile-local (px, py). */
    public double mean(int px, int py, int c) {
        return RadianceSums.toRadiance(sums[(py * rect.width() + px) * 3 + c]) / samples.count();
    }
}
