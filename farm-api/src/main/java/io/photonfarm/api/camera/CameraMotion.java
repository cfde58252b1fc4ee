package io.photonfarm.api.camera;

import io.photonfarm.api.work.Vec3;

/**
 * How a camera moves while its shutter is open (motion blur). The exposure lasts {@code shutter} frame
 * intervals and is centred on the frame's label time, where the camera is exactly the frame's pose (so
 * every label pass and annotation sees that pose). At {@code s} frame intervals from the label time, with
 * |s| &lt;= shutter / 2, the camera has turned by the angle |angularVelocity| s about the world axis
 * along {@code angularVelocity} through {@code pivot}, and then moved by {@code velocity} s. An orbit about
 * a target is a turn about the target; a pan is a turn about the camera's own centre.
 *
 * @param velocity        linear velocity, metres per frame interval (world, right-handed, y up)
 * @param angularVelocity angular velocity, radians per frame interval about a world axis (right-hand rule)
 * @param pivot           the point the camera turns about, metres (world)
 * @param shutter         how long the shutter stays open, in frame intervals, in [0, 1]; 0 renders no blur
 */
public record CameraMotion(Vec3 velocity, Vec3 angularVelocity, Vec3 pivot, double shutter) {
    public CameraMotion {
        if (velocity == null || angularVelocity == null || pivot == null) {
            throw new IllegalArgumentException("camera motion: velocity, angularVelocity and pivot must be set");
        }
        if (!(shutter >= 0 && shutter <= 1)) {
            throw new IllegalArgumentException("camera motion: shutter " + shutter + " must be in [0, 1] frame intervals");
        }
    }

    /** A still camera with the shutter open for {@code shutter} frame intervals (objects may still move). */
    public static CameraMotion still(double shutter) {
        Vec3 zero = new Vec3(0, 0, 0);
        return new CameraMotion(zero, zero, zero, shutter);
    }
}
