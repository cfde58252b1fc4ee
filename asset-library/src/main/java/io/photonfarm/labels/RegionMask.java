package io.photonfarm.labels;

import java.util.BitSet;

/**
 * A binary mask over a rectangle of an image: pixel (x + i, y + j) is set when bit {@code j * width + i}
 * is. Used for masks that are not part of the frame's instance pass, e.g. an object's unoccluded
 * (amodal) silhouette.
 *
 * @param x      left column of the rectangle, pixels
 * @param y      top row, pixels
 * @param width  columns, >= 0
 * @param height rows, >= 0
 * @param bits   the set pixels (owned by this record)
 */
public record RegionMask(int x, int y, int width, int height, BitSet bits) {
    public RegionMask {
        if (width < 0 || height < 0) {
            throw new IllegalArgumentException("region mask " + width + "x" + height + ": size must be >= 0");
        }
    }

    public static RegionMask empty() {
        return new RegionMask(0, 0, 0, 0, new BitSet());
    }

    /** Whether image pixel (u, v) is set; false outside the rectangle. */
    public boolean get(int u, int v) {
        int i = u - x;
        int j = v - y;
        return i >= 0 && j >= 0 && i < width && j < height && bits.get(j * width + i);
    }

    public int count() {
        return bits.cardinality();
    }
}
