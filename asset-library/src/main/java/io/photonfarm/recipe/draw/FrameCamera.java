package io.photonfarm.recipe.draw;

import io.photonfarm.api.camera.CameraMotion;
import io.photonfarm.api.work.Vec3;
import io.photonfarm.recipe.CameraRecipe;
import io.photonfarm.recipe.Range;
import io.photonfarm.recipe.SequenceSpec;
import io.photonfarm.scene.CameraSpec;
import org.joml.Vector3f;

/**
 * Draws a frame's camera: looking at the target from the drawn distance, elevation and azimuth,
 * with the drawn field of view and aperture, focused on the target. In a sequence the draws are the
 * sequence's and the azimuth sweeps linearly through the drawn sweep over the sequence's frames.
 */
final class FrameCamera {
    private FrameCamera() {
    }

    /**
     * The camera at the frame's label time. With a shutter ({@code shutter > 0} frame intervals) it also
     * carries its motion during the exposure: in a sequence, the orbit about the target at the sweep's
     * rate (exact: a turn about the vertical through the target); else none.
     */
    static CameraSpec draw(CameraRecipe c, SequenceSpec seq, DrawRng rng, Vector3f target, int frameInSequence,
            int framesPerSequence, double shutter) {
        double distance = rng.in(Range.or(c.distanceM(), 0.35, 0.6));
        Range elevation = Range.or(c.elevationDeg(), 30, 70);
        double u = rng.nextDouble();
        double el;
        if (Boolean.TRUE.equals(c.uniformOnSphere())) {
            // Uniform on the sphere zone: sin(elevation) is uniform between the bounds' sines.
            double lo = StrictMath.sin(Math.toRadians(elevation.min()));
            double hi = StrictMath.sin(Math.toRadians(elevation.max()));
            el = StrictMath.asin(lo + u * (hi - lo));
        } else {
            el = Math.toRadians(elevation.at(u));
        }
        double az = Math.toRadians(rng.in(Range.or(c.azimuthDeg(), 0, 360)));
        double vfov;
        if (c.focalLengthMm() != null) {
            double f = rng.in(c.focalLengthMm());
            double sensor = c.sensorHeightMm() == null ? 24 : c.sensorHeightMm();
            vfov = Math.toDegrees(2 * StrictMath.atan(sensor / (2 * f)));
        } else {
            vfov = rng.in(Range.or(c.vfovDeg(), 35, 45));
        }
        double aperture = rng.in(Range.or(c.apertureM(), 0, 0));
        double sweep = Math.toRadians(rng.in(seq == null ? Range.of(0, 0) : Range.or(seq.cameraSweepDeg(), 10, 30)));
        if (rng.chance(0.5)) {
            sweep = -sweep;
        }
        if (framesPerSequence > 1) {
            az += sweep * ((double) frameInSequence / (framesPerSequence - 1) - 0.5);
        }
        Vector3f position = new Vector3f((float) (distance * StrictMath.cos(el) * StrictMath.cos(az)),
                (float) (distance * StrictMath.sin(el)), (float) (distance * StrictMath.cos(el) * StrictMath.sin(az))).add(target);
        CameraSpec camera = new CameraSpec(position, target, new Vector3f(0, 1, 0), (float) vfov, (float) aperture, 0f);
        if (shutter <= 0) {
            return camera;
        }
        // The azimuth grows by sweep / (K - 1) per frame interval; growing azimuth turns the camera about -y.
        double rate = framesPerSequence > 1 ? sweep / (framesPerSequence - 1) : 0;
        return camera.withMotion(new CameraMotion(ZERO, new Vec3(0, -rate, 0), vec(target), shutter));
    }

    /**
     * Camera shake: {@code camera} also turning about its own centre, about the image-plane axis at angle
     * {@code axisAngle} from its right vector, through {@code angleRad} over an exposure of {@code shutter}
     * frame intervals. Combined with a motion it already has to first order: the angular velocities add and
     * the lens centre keeps the velocity the first motion gives it (the pivot becomes the lens centre).
     */
    static CameraSpec shake(CameraSpec camera, double axisAngle, double angleRad, double shutter) {
        Vector3f forward = new Vector3f(camera.lookAt()).sub(camera.position()).normalize();
        Vector3f right = new Vector3f(forward).cross(camera.up()).normalize();
        Vector3f up = new Vector3f(right).cross(forward).normalize();
        double rate = angleRad / shutter;
        double ax = StrictMath.cos(axisAngle);
        double ay = StrictMath.sin(axisAngle);
        double[] w = {rate * (ax * right.x + ay * up.x), rate * (ax * right.y + ay * up.y), rate * (ax * right.z + ay * up.z)};
        Vec3 centre = vec(camera.position());
        CameraMotion m = camera.motion();
        if (m == null) {
            return camera.withMotion(new CameraMotion(ZERO, new Vec3(w[0], w[1], w[2]), centre, shutter));
        }
        // Velocity of the lens centre under the first motion: v + w1 x (centre - pivot).
        Vec3 w1 = m.angularVelocity();
        double rx = centre.x() - m.pivot().x();
        double ry = centre.y() - m.pivot().y();
        double rz = centre.z() - m.pivot().z();
        Vec3 v = new Vec3(m.velocity().x() + w1.y() * rz - w1.z() * ry, m.velocity().y() + w1.z() * rx - w1.x() * rz,
                m.velocity().z() + w1.x() * ry - w1.y() * rx);
        return camera.withMotion(new CameraMotion(v, new Vec3(w1.x() + w[0], w1.y() + w[1], w1.z() + w[2]), centre,
                m.shutter()));
    }

    private static final Vec3 ZERO = new Vec3(0, 0, 0);

    private static Vec3 vec(org.joml.Vector3fc v) {
        return new Vec3(v.x(), v.y(), v.z());
    }
}
