package io.photonfarm.labels.raycast;

import io.photonfarm.labels.PinholeCalibration;

/**
 * A world-space ray with a unit direction, so that a hit's {@code t} is a distance in metres.
 *
 * @param ox origin x, metres
 * @param oy origin y, metres
 * @param oz origin z, metres
 * @param dx direction x (normalised by the constructor)
 * @param dy direction y
 * @param dz direction z
 */
public record Ray(double ox, double oy, double oz, double dx, double dy, double dz) {
    public Ray {
        double n = Math.sqrt(dx * dx + dy * dy + dz * dz);
        if (!(n > 0) || !Double.isFinite(n) || !Double.isFinite(ox) || !Double.isFinite(oy) || !Double.isFinite(oz)) {
            throw new IllegalArgumentException("ray from (" + ox + ", " + oy + ", " + oz + ") along (" + dx + ", " + dy
                    + ", " + dz + "): origin must be finite and direction finite and non-zero");
        }
        if (n != 1) {
            dx /= n;
            dy /= n;
            dz /= n;
        }
    }

    /** The ray from {@code origin} along {@code direction} (any positive length), both {x, y, z}. */
    public static Ray of(double[] origin, double[] direction) {
        return new Ray(origin[0], origin[1], origin[2], direction[0], direction[1], direction[2]);
    }

    /** The ray from {@code from} towards {@code to}, both world points {x, y, z}; they must differ. */
    public static Ray towards(double[] from, double[] to) {
        return new Ray(from[0], from[1], from[2], to[0] - from[0], to[1] - from[1], to[2] - from[2]);
    }

    /**
     * The primary ray of pixel (u, v) through its exact centre (u + 0.5, v + 0.5), as the renderer
     * casts it for labels: from the camera centre, aperture ignored.
     */
    public static Ray pixelCentre(PinholeCalibration cal, int u, int v) {
        return of(cal.cameraCentre(), cal.worldDirection(u + 0.5, v + 0.5));
    }

    /** The point at distance {@code t} along the ray, {x, y, z}. */
    public double[] at(double t) {
        return new double[] {ox + t * dx, oy + t * dy, oz + t * dz};
    }
}
