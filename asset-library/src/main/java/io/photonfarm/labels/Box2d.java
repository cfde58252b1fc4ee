package io.photonfarm.labels;

/**
 * An axis-aligned box in continuous image coordinates (pixel (u, v) covers [u, u+1) x [v, v+1),
 * origin top-left, u right, v down). The tight box of a set of pixels therefore runs from the
 * smallest u to the largest u plus 1: a single pixel (3, 4) is the box (3, 4, 4, 5).
 *
 * @param xMin left edge, pixels
 * @param yMin top edge, pixels
 * @param xMax right edge, pixels, >= xMin
 * @param yMax bottom edge, pixels, >= yMin
 */
public record Box2d(double xMin, double yMin, double xMax, double yMax) {
    public Box2d {
        if (!(xMax >= xMin) || !(yMax >= yMin)) {
            throw new IllegalArgumentException("box (" + xMin + ", " + yMin + ", " + xMax + ", " + yMax
                    + "): max must be >= min and all finite or infinite, not NaN");
        }
    }

    public double width() {
        return xMax - xMin;
    }

    public double height() {
        return yMax - yMin;
    }

    /** This box clipped to an image of {@code width} x {@code height} pixels, or null if they do not overlap. */
    public Box2d clip(int width, int height) {
        double x0 = Math.max(0, xMin);
        double y0 = Math.max(0, yMin);
        double x1 = Math.min(width, xMax);
        double y1 = Math.min(height, yMax);
        return x1 > x0 && y1 > y0 ? new Box2d(x0, y0, x1, y1) : null;
    }
}
