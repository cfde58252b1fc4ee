package io.photonfarm.api.work;

/** A point or direction in world space, metres (right-handed, y up). */
public record Vec3(double x, double y, double z) {
    public Vec3 {
        if (!Double.isFinite(x) || !Double.isFinite(y) || !Double.isFinite(z)) {
            throw new IllegalArgumentException("vector (" + x + ", " + y + ", " + z + "): components must be finite");
        }
    }
}
