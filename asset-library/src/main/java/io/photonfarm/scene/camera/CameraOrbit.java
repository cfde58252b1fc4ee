package io.photonfarm.scene.camera;

import io.photonfarm.scene.CameraSpec;
import java.util.SplittableRandom;
import org.joml.Vector3f;

/**
 * Draws one camera pose per frame around a base camera, so the frames of a job differ: the base
 * camera's position is swung about the vertical axis (world +y) through its look-at point by an
 * azimuth offset, raised or lowered by an elevation offset, and moved nearer or farther by a distance
 * factor; it keeps looking at the same point with the same lens. Frame {@code k}'s pose is a pure
 * function of (base, job seed, k): rendering frame k alone gives the pose it has in the whole job.
 *
 * @param maxAzimuthDeg   offsets are uniform in [-max, max] degrees about +y
 * @param maxElevationDeg offsets are uniform in [-max, max] degrees, clamped to keep 5 degrees from the poles
 * @param maxDistanceScale the distance to the look-at point is scaled by a factor uniform in [1/s, s] (s >= 1)
 */
public record CameraOrbit(double maxAzimuthDeg, double maxElevationDeg, double maxDistanceScale) {
    /** Small enough to keep a camera inside an open box (such as the Cornell box) looking in. */
    public static final CameraOrbit DEFAULT = new CameraOrbit(25, 10, 1.1);
    /** Every frame gets the base camera unchanged. */
    public static final CameraOrbit FIXED = new CameraOrbit(0, 0, 1);

    private static final double POLE_MARGIN_DEG = 5;

    public CameraOrbit {
        if (!(maxAzimuthDeg >= 0 && maxAzimuthDeg <= 180) || !(maxElevationDeg >= 0 && maxElevationDeg <= 90)
                || !(maxDistanceScale >= 1 && maxDistanceScale <= 10)) {
            throw new IllegalArgumentException("camera orbit: azimuth " + maxAzimuthDeg + " deg must be in [0, 180], "
                    + "elevation " + maxElevationDeg + " deg in [0, 90], distance scale " + maxDistanceScale + " in [1, 10]");
        }
    }

    /** The pose of {@code frame} (from 0) of a job with seed {@code jobSeed}. */
    public CameraSpec poseOf(CameraSpec base, long jobSeed, int frame) {
        if (frame < 0) {
            throw new IllegalArgumentException("camera orbit: frame " + frame + " must be >= 0");
        }
        // One generator per (seed, frame), from a fixed mix of both: no state carries from frame to frame.
        SplittableRandom random = new SplittableRandom(mix(jobSeed, frame));
        double azimuth = Math.toRadians(symmetric(random, maxAzimuthDeg));
        double elevation = Math.toRadians(symmetric(random, maxElevationDeg));
        double logScale = symmetric(random, Math.log(maxDistanceScale));

        Vector3f target = new Vector3f(base.lookAt());
        Vector3f offset = new Vector3f(base.position()).sub(target);
        double distance = offset.length();
        double baseElevation = Math.asin(Math.max(-1, Math.min(1, offset.y / distance)));
        double baseAzimuth = Math.atan2(offset.x, offset.z);
        double limit = Math.toRadians(90 - POLE_MARGIN_DEG);
        double el = Math.max(-limit, Math.min(limit, baseElevation + elevation));
        double az = baseAzimuth + azimuth;
        double r = distance * Math.exp(logScale);
        Vector3f position = new Vector3f(
                (float) (r * Math.cos(el) * Math.sin(az)),
                (float) (r * Math.sin(el)),
                (float) (r * Math.cos(el) * Math.cos(az))).add(target);
        float focus = base.focusDistance() == 0 ? 0 : (float) (base.focusDistance() * r / distance);
        return new CameraSpec(position, target, new Vector3f(0, 1, 0), base.vfovDeg(), base.aperture(), focus, base.lens());
    }

    private static double symmetric(SplittableRandom random, double max) {
        double u = random.nextDouble(); // drawn even when unused, so every frame consumes the same draws
        return (u * 2 - 1) * max;
    }

    /** A 64-bit mix of seed and frame (SplitMix64's finaliser), so nearby seeds give unrelated poses. */
    static long mix(long seed, int frame) {
        long z = seed * 0x9E3779B97F4A7C15L + frame + 0x632BE59BD9B4E019L;
        z = (z ^ (z >>> 30)) * 0xBF58476D1CE4E5B9L;
        z = (z ^ (z >>> 27)) * 0x94D049BB133111EBL;
        return z ^ (z >>> 31);
    }
}
