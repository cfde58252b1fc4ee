package io.photonfarm.api.tile;

/**
 * A rectangle of a frame, in pixels: columns {@code [x, x + width)}, rows {@code [y, y + height)},
 * origin at the top-left of the image, rows going down.
 */
public record TileRect(int x, int y, int width, int height) {
    public TileRect {
        if (x < 0 || y < 0 || width <= 0 || height <= 0) {
            throw new IllegalArgumentException("tile " + x + "," + y + " " + width + "x" + height
                    + ": origin must be >= 0 and size > 0");
        }
    }

    public int pixelCount() {
        return Math.multiplyExact(width, height);
    }

    /** Whether this rectangle lies inside an image of the given size. */
    public boolean fitsIn(int imageWidth, int imageHeight) {
        return (long) x + width <= imageWidth && (long) y + height <= imageHeight;
    }
}
