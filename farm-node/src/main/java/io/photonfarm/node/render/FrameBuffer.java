package io.photonfarm.node.render;

import io.photonfarm.api.tile.LabelRecord;
import io.photonfarm.api.tile.RadianceSums;
import io.photonfarm.api.tile.TileResult;
import io.photonfarm.image.FloatImage;

/**
 * Assembles tile results into a frame: adds fixed-point sums, sample counts and coverage counts per
 * pixel (exact, in any order), keeps the label records of results that carry them, and normalises
 * once into a linear RGB image.
 */
public final class FrameBuffer {
    private final int width;
    private final int height;
    private final long[] sums;
    private final int[] counts;
    private final int[] covered;
    private int[] labels;

    public FrameBuffer(int width, int height) {
        this.width = width;
        this.height = height;
        this.sums = new long[Math.multiplyExact(Math.multiplyExact(width, height), 3)];
        this.counts = new int[width * height];
        this.covered = new int[width * height];
    }

    public void add(TileResult r) {
        if (!r.rect().fitsIn(width, height)) {
            throw new IllegalArgumentException("tile " + r.rect() + " outside the " + width + "x" + height + " frame");
        }
        for (int y = 0; y < r.rect().height(); y++) {
            for (int x = 0; x < r.rect().width(); x++) {
                int src = (y * r.rect().width() + x) * 3;
                int pixel = (r.rect().y() + y) * width + r.rect().x() + x;
                sums[pixel * 3] += r.sums()[src];
                sums[pixel * 3 + 1] += r.sums()[src + 1];
                sums[pixel * 3 + 2] += r.sums()[src + 2];
                counts[pixel] += r.samples().count();
                if (r.coverage() != null) {
                    covered[pixel] += r.coverage()[y * r.rect().width() + x];
                }
                if (r.labels() != null) {
                    if (labels == null) {
                        labels = new int[Math.multiplyExact(width * height, LabelRecord.WORDS)];
                    }
                    System.arraycopy(r.labels(), (y * r.rect().width() + x) * LabelRecord.WORDS, labels,
                            pixel * LabelRecord.WORDS, LabelRecord.WORDS);
                }
            }
        }
    }

    /** The label record words of every pixel ({@link LabelRecord}), row-major; null if no result carried labels. A copy. */
    public int[] labels() {
        return labels == null ? null : labels.clone();
    }

    /** The fraction of the pixel's samples whose first hit was the pixel-centre ray's instance (0 without samples). */
    public double coverage(int x, int y) {
        int p = y * width + x;
        return counts[p] == 0 ? 0 : (double) covered[p] / counts[p];
    }

    /** The raw fixed-point sums (3 per pixel, row-major); a copy. */
    public long[] sums() {
        return sums.clone();
    }

    public int samples(int x, int y) {
        return counts[y * width + x];
    }

    /** Mean linear radiance per pixel; pixels without samples are 0. */
    public FloatImage toImage() {
        float[] data = new float[sums.length];
        for (int p = 0; p < counts.length; p++) {
            if (counts[p] == 0) {
                continue;
            }
            for (int c = 0; c < 3; c++) {
                data[p * 3 + c] = (float) (RadianceSums.toRadiance(sums[p * 3 + c]) / counts[p]);
            }
        }
        return new FloatImage(width, height, 3, data);
    }

    public int width() {
        return width;
    }

    public int height() {
        return height;
    }
}
