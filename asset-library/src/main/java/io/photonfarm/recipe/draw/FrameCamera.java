package io.photonfarm.recipe.draw;

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

    static CameraSpec draw(CameraRecipe c, SequenceSpec seq, DrawRng rng, Vector3f target, int frameInSequence,
            int framesPerSequence) {
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
        return new CameraSpec(position, target, new Vector3f(0, 1, 0), (float) vfov, (float) aperture, 0f);
    }
}
