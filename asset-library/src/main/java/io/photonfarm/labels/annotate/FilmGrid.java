package io.photonfarm.labels.annotate;

import io.photonfarm.labels.PinholeCalibration;

/**
 * The undistorted normalised coordinates (x, y) = (X/Z, Y/Z) of the ray through every pixel centre
 * (u + 0.5, v + 0.5) of an image seen through a lens ({@link PinholeCalibration#cameraRay}, double
 * precision), and, per row, what is needed to find the pixels whose (x, y) lies in a box: the row's
 * range of y, and whether x increases strictly along it (then a binary search finds the columns;
 * otherwise the whole row is a candidate). Radial mappings that increase, as the coordinator demands
 * of every lens, keep x increasing along rows; the fallback only costs time.
 *
 * <p>Built once per frame (16 bytes per pixel); immutable after construction.
 */
final class FilmGrid {
    private final int width;
    private final int height;
    private final double[] x;
    private final double[] y;
    private final double[] rowYMin;
    private final double[] rowYMax;
    private final boolean[] rowIncreasing;

    private FilmGrid(int width, int height) {
        this.width = width;
        this.height = height;
        x = new double[width * height];
        y = new double[width * height];
        rowYMin = new double[height];
        rowYMax = new double[height];
        rowIncreasing = new boolean[height];
    }

    /**
     * The grid of {@code cal} over a {@code width} x {@code height} image. A pixel whose ray does not
     * point forward (which a checked lens never has) gets NaN coordinates and is covered by nothing.
     */
    static FilmGrid of(PinholeCalibration cal, int width, int height) {
        FilmGrid g = new FilmGrid(width, height);
        for (int v = 0; v < height; v++) {
            double yMin = Double.POSITIVE_INFINITY;
            double yMax = Double.NEGATIVE_INFINITY;
            boolean increasing = true;
            for (int u = 0; u < width; u++) {
                double[] r = cal.cameraRay(u + 0.5, v + 0.5);
                int p = v * width + u;
                boolean forward = r[2] > 0;
                g.x[p] = forward ? r[0] / r[2] : Double.NaN;
                g.y[p] = forward ? r[1] / r[2] : Double.NaN;
                if (!forward) {
                    // Unknown rows are searched whole.
                    yMin = Double.NEGATIVE_INFINITY;
                    yMax = Double.POSITIVE_INFINITY;
                    increasing = false;
                    continue;
                }
                yMin = Math.min(yMin, g.y[p]);
                yMax = Math.max(yMax, g.y[p]);
                increasing &= u == 0 || g.x[p] > g.x[p - 1];
            }
            g.rowYMin[v] = yMin;
            g.rowYMax[v] = yMax;
            g.rowIncreasing[v] = increasing;
        }
        return g;
    }

    double x(int u, int v) {
        return x[v * width + u];
    }

    double y(int u, int v) {
        return y[v * width + u];
    }

    /**
     * The columns of row {@code v}, within [u0, u1), that may hold a centre whose (x, y) lies in the
     * closed box [xMin, xMax] x [yMin, yMax]: written to {@code out} as [first, end).
     *
     * @return false when no column of the row can
     */
    boolean columns(int v, double xMin, double xMax, double yMin, double yMax, int u0, int u1, int[] out) {
        if (rowYMax[v] < yMin || rowYMin[v] > yMax) {
            return false;
        }
        int first = u0;
        int end = u1;
        if (rowIncreasing[v]) {
            int base = v * width;
            first = Math.max(u0, firstAtLeast(base, xMin));
            end = Math.min(u1, firstAbove(base, xMax));
        }
        out[0] = first;
        out[1] = end;
        return end > first;
    }

    /** The pixel rectangle holding every centre whose (x, y) lies in the closed box; empty when none does. */
    PixelRect rectOf(double xMin, double xMax, double yMin, double yMax) {
        int[] cols = new int[2];
        int x0 = Integer.MAX_VALUE;
        int x1 = Integer.MIN_VALUE;
        int y0 = Integer.MAX_VALUE;
        int y1 = Integer.MIN_VALUE;
        for (int v = 0; v < height; v++) {
            if (columns(v, xMin, xMax, yMin, yMax, 0, width, cols)) {
                x0 = Math.min(x0, cols[0]);
                x1 = Math.max(x1, cols[1]);
                y0 = Math.min(y0, v);
                y1 = v + 1;
            }
        }
        return y1 > y0 ? new PixelRect(x0, y0, x1, y1) : PixelRect.EMPTY;
    }

    /** The first column of the row at {@code base} whose x is >= value (width when none is). */
    private int firstAtLeast(int base, double value) {
        int lo = 0;
        int hi = width;
        while (lo < hi) {
            int mid = (lo + hi) >>> 1;
            if (x[base + mid] >= value) {
                hi = mid;
            } else {
                lo = mid + 1;
            }
        }
        return lo;
    }

    /** The first column of the row at {@code base} whose x is > value (width when none is). */
    private int firstAbove(int base, double value) {
        int lo = 0;
        int hi = width;
        while (lo < hi) {
            int mid = (lo + hi) >>> 1;
            if (x[base + mid] > value) {
                hi = mid;
            } else {
                lo = mid + 1;
            }
        }
        return lo;
    }
}
