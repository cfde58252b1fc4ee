package io.photonfarm.api.tile;

/**
 * What rendering one tile for one sample range produces: unnormalised radiance sums per pixel and
 * the number of samples each pixel received, and, when the job asks for labels, coverage counts and
 * (from the unit that starts at sample 0) the pixel-centre label records. Data, not a picture:
 * results merge by addition in any order, and the frame is normalised once, at assembly.
 *
 * @param rect     the pixels covered
 * @param samples  the sample indices rendered for every pixel of {@code rect}
 * @param sums     fixed-point linear RGB sums ({@link RadianceSums}), 3 per pixel, row-major within rect
 * @param coverage per pixel, how many of this range's samples first hit the instance the pixel-centre
 *                 ray hits (0..count); null when the job has no labels
 * @param labels   {@link LabelRecord#WORDS} words per pixel, row-major within rect; null unless this
 *                 result carries the tile's labels (its range starts at sample 0 and the job has labels)
 */
public record TileResult(TileRect rect, SampleRange samples, long[] sums, int[] coverage, int[] labels) {
    public TileResult {
        if (sums.length != (long) rect.pixelCount() * 3) {
            throw new IllegalArgumentException("tile " + rect + ": expected " + rect.pixelCount() * 3L
                    + " sums, got " + sums.length);
        }
        if (coverage != null && coverage.length != rect.pixelCount()) {
            throw new IllegalArgumentException("tile " + rect + ": expected " + rect.pixelCount()
                    + " coverage counts, got " + coverage.length);
        }
        if (labels != null && labels.length != (long) rect.pixelCount() * LabelRecord.WORDS) {
            throw new IllegalArgumentException("tile " + rect + ": expected " + (long) rect.pixelCount() * LabelRecord.WORDS
                    + " label words, got " + labels.length);
        }
        if (labels != null && coverage == null) {
            throw new IllegalArgumentException("tile " + rect + ": labels without coverage counts");
        }
    }

    /** A result without labels. */
    public TileResult(TileRect rect, SampleRange samples, long[] sums) {
        this(rect, samples, sums, null, null);
    }

    /** The mean radiance of channel {@code c} of the pixel at tile-local (px, py). */
    public double mean(int px, int py, int c) {
        return RadianceSums.toRadiance(sums[(py * rect.width() + px) * 3 + c]) / samples.count();
    }
}
