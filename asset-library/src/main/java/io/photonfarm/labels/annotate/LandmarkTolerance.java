package io.photonfarm.labels.annotate;

/**
 * How far before a landmark the first surface on the ray from the camera centre may be and the
 * landmark still count as visible: a hit at distance {@code >= d - at(d)}, d the landmark's distance
 * from the camera centre, does not hide it. Covers landmarks that lie on their own surface (a box
 * corner, a point on a face) and the rounding of the ray test.
 *
 * @param relative       fraction of the landmark's distance, >= 0
 * @param absoluteMetres lower bound, metres, >= 0
 */
public record LandmarkTolerance(double relative, double absoluteMetres) {
    /** The default: {@code max(1e-4 d, 1e-4 m)}; datasets state it in {@code conventions.json}. */
    public static final LandmarkTolerance DEFAULT = new LandmarkTolerance(1e-4, 1e-4);

    public LandmarkTolerance {
        if (!(relative >= 0) || !(absoluteMetres >= 0) || Double.isInfinite(relative) || Double.isInfinite(absoluteMetres)) {
            throw new IllegalArgumentException("landmark tolerance: relative " + relative + " and absolute "
                    + absoluteMetres + " m must be finite and >= 0");
        }
    }

    /** The tolerance for a landmark at {@code distance} metres from the camera centre: {@code max(relative d, absolute)}. */
    public double at(double distance) {
        return Math.max(relative * distance, absoluteMetres);
    }

    /** The rule in words, as {@code conventions.json} states it. */
    public String describe() {
        return "a landmark at distance d from the camera centre is visible when the first surface on the ray to it"
                + " is at >= d - max(" + relative + " * d, " + absoluteMetres + " m)";
    }
}
