package io.photonfarm.labels.annotate;

import io.photonfarm.labels.Box2d;

/**
 * A rectangle of whole pixels: columns {@code [x0, x1)}, rows {@code [y0, y1)}; empty when either range is.
 */
record PixelRect(int x0, int y0, int x1, int y1) {
    static final PixelRect EMPTY = new PixelRect(0, 0, 0, 0);

    /**
     * The pixels of a {@code width} x {@code height} image whose centres (u + 0.5, v + 0.5) lie in the
     * closed box, widened by {@code slack} pixels on every side; empty for a null box.
     */
    static PixelRect centresIn(Box2d box, int width, int height, double slack) {
        if (box == null) {
            return EMPTY;
        }
        int x0 = firstCentreAtOrAfter(box.xMin() - slack, width);
        int x1 = lastCentreAtOrBefore(box.xMax() + slack, width) + 1;
        int y0 = firstCentreAtOrAfter(box.yMin() - slack, height);
        int y1 = lastCentreAtOrBefore(box.yMax() + slack, height) + 1;
        return x1 > x0 && y1 > y0 ? new PixelRect(x0, y0, x1, y1) : EMPTY;
    }

    /** The first index in [0, n] whose centre is >= c (n when none is). */
    static int firstCentreAtOrAfter(double c, int n) {
        double i = Math.ceil(c - 0.5);
        return (int) Math.max(0, Math.min(n, i));
    }

    /** The last index in [-1, n - 1] whose centre is <= c (-1 when none is). */
    static int lastCentreAtOrBefore(double c, int n) {
        double i = Math.floor(c - 0.5);
        return (int) Math.max(-1, Math.min(n - 1, i));
    }

    boolean isEmpty() {
        return x1 <= x0 || y1 <= y0;
    }

    int width() {
        return isEmpty() ? 0 : x1 - x0;
    }

    int height() {
        return isEmpty() ? 0 : y1 - y0;
    }

    PixelRect union(PixelRect o) {
        if (isEmpty()) {
            return o;
        }
        if (o.isEmpty()) {
            return this;
        }
        return new PixelRect(Math.min(x0, o.x0), Math.min(y0, o.y0), Math.max(x1, o.x1), Math.max(y1, o.y1));
    }

    PixelRect intersect(PixelRect o) {
        PixelRect r = new PixelRect(Math.max(x0, o.x0), Math.max(y0, o.y0), Math.min(x1, o.x1), Math.min(y1, o.y1));
        return r.isEmpty() ? EMPTY : r;
    }
}
