package io.photonfarm.scene.camera;

import io.photonfarm.api.camera.LensDistortion;
import io.photonfarm.api.job.JobSpecException;
import java.util.List;

/**
 * The mathematics of a {@link LensDistortion} on normalised camera coordinates (OpenCV camera frame:
 * x right, y down, z forward; a point (X, Y, Z) has normalised coordinates (X/Z, Y/Z)): the forward
 * mapping exactly as OpenCV writes it, its inverse in double precision, and the check that the
 * renderer can invert it over a whole image.
 *
 * <p>The renderer inverts the mapping for every camera ray with {@link #SHADER_NEWTON_STEPS} Newton
 * steps started at the distorted point itself ({@code include/camera.glsl}; Newton, Raphson). That
 * scheme is exact once it has converged, and {@link #checkInvertible} refuses a lens over an image
 * where it would not: where the radial mapping stops increasing before the image corner (the image
 * would fold over itself there and no ray could be generated), where a fisheye's corner would need a
 * ray at or beyond 90 degrees from the axis (the stated limit of this renderer's Kannala-Brandt model),
 * or where the fixed step count does not reach the solution.
 *
 * <p>Instances are immutable and thread-safe.
 */
public final class LensMapping {
    /** Newton steps the shader takes (a drift test keeps {@code Bindings.LENS_NEWTON_STEPS} equal). */
    public static final int SHADER_NEWTON_STEPS = 12;
    /** How close the shader's scheme must come to the exact inverse (normalised units) to be accepted. */
    static final double SHADER_TOLERANCE = 1e-9;
    /** Samples per image side of the grid {@link #checkInvertible} runs the shader's scheme over. */
    private static final int CHECK_GRID = 65;

    private final boolean fisheye;
    private final double k1;
    private final double k2;
    private final double k3;
    private final double k4;
    private final double p1;
    private final double p2;

    private LensMapping(LensDistortion d) {
        fisheye = d.isFisheye();
        k1 = d.k1();
        k2 = d.k2();
        k3 = d.k3();
        k4 = fisheye ? d.k4() : 0;
        p1 = fisheye ? 0 : d.p1();
        p2 = fisheye ? 0 : d.p2();
    }

    /** The mapping of {@code distortion} (checked with {@link LensDistortion#check} first). */
    public static LensMapping of(LensDistortion distortion) {
        return new LensMapping(distortion);
    }

    /** Whether this is the Kannala-Brandt (fisheye) model. */
    public boolean fisheye() {
        return fisheye;
    }

    /**
     * The distorted normalised coordinates of undistorted ones, {x_d, y_d}: OpenCV's equations (see
     * {@link LensDistortion}). For a fisheye, (x, y) must belong to a point in front of the camera.
     */
    public double[] distort(double x, double y) {
        double r2 = x * x + y * y;
        if (fisheye) {
            double r = Math.sqrt(r2);
            double scale = r > 0 ? radial(Math.atan(r)) / r : 1;
            return new double[] {scale * x, scale * y};
        }
        double radial = 1 + r2 * (k1 + r2 * (k2 + r2 * k3));
        return new double[] {x * radial + 2 * p1 * x * y + p2 * (r2 + 2 * x * x),
                y * radial + p1 * (r2 + 2 * y * y) + 2 * p2 * x * y};
    }

    /**
     * The radial mapping: Brown-Conrady's {@code g(r) = r (1 + k1 r² + k2 r⁴ + k3 r⁶)} of the undistorted
     * radius r = |(x, y)| (without tangential terms), or Kannala-Brandt's θ_d of the angle θ from the axis.
     */
    public double radial(double r) {
        double s = r * r;
        return r * (1 + s * (k1 + s * (k2 + s * (k3 + s * k4))));
    }

    /** The derivative of {@link #radial} with respect to its argument. */
    public double radialSlope(double r) {
        double s = r * r;
        return 1 + s * (3 * k1 + s * (5 * k2 + s * (7 * k3 + s * 9 * k4)));
    }

    /** An upper bound of |second derivative of {@link #radial}| over [0, r]. */
    private double radialCurvatureBound(double r) {
        double s = r * r;
        return r * (6 * Math.abs(k1) + s * (20 * Math.abs(k2) + s * (42 * Math.abs(k3) + s * 72 * Math.abs(k4))));
    }

    /**
     * The unit camera-frame direction {x, y, z} of the ray that images at distorted normalised
     * coordinates (x_d, y_d), converged to double precision: Newton's method from (x_d, y_d) until a
     * step moves less than 1e-15 (relative), after which, converging quadratically, it is off by far
     * less; at most 100 steps.
     */
    public double[] ray(double xd, double yd) {
        return ray(xd, yd, 100);
    }

    /**
     * {@link #ray} as the shader computes it: exactly {@link #SHADER_NEWTON_STEPS} Newton steps, in
     * double precision, with no convergence test.
     */
    double[] shaderRay(double xd, double yd) {
        return ray(xd, yd, -SHADER_NEWTON_STEPS);
    }

    /** maxSteps > 0: iterate until converged, at most that often; maxSteps < 0: exactly -maxSteps steps. */
    private double[] ray(double xd, double yd, int maxSteps) {
        boolean fixed = maxSteps < 0;
        int steps = Math.abs(maxSteps);
        if (fisheye) {
            double thetaD = Math.sqrt(xd * xd + yd * yd);
            double t = thetaD;
            for (int i = 0; i < steps; i++) {
                double step = (radial(t) - thetaD) / radialSlope(t);
                t -= step;
                if (!fixed && !(Math.abs(step) > 1e-15 * (1 + t))) {
                    break;
                }
            }
            double s = thetaD > 0 ? Math.sin(t) / thetaD : 1;
            return new double[] {s * xd, s * yd, Math.cos(t)};
        }
        double x = xd;
        double y = yd;
        for (int i = 0; i < steps; i++) {
            double r2 = x * x + y * y;
            double radial = 1 + r2 * (k1 + r2 * (k2 + r2 * k3));
            double dRadial = k1 + r2 * (2 * k2 + 3 * r2 * k3);
            double fx = x * radial + 2 * p1 * x * y + p2 * (r2 + 2 * x * x) - xd;
            double fy = y * radial + p1 * (r2 + 2 * y * y) + 2 * p2 * x * y - yd;
            // The Jacobian of the distortion is symmetric: d x_d / dy = d y_d / dx.
            double jxx = radial + 2 * x * x * dRadial + 2 * p1 * y + 6 * p2 * x;
            double jxy = 2 * x * y * dRadial + 2 * p1 * x + 2 * p2 * y;
            double jyy = radial + 2 * y * y * dRadial + 6 * p1 * y + 2 * p2 * x;
            double det = jxx * jyy - jxy * jxy;
            double sx = (jyy * fx - jxy * fy) / det;
            double sy = (jxx * fy - jxy * fx) / det;
            x -= sx;
            y -= sy;
            if (!fixed && !(Math.abs(sx) + Math.abs(sy) > 1e-15 * (1 + Math.abs(x) + Math.abs(y)))) {
                break;
            }
        }
        double n = Math.sqrt(x * x + y * y + 1);
        return new double[] {x / n, y / n, 1 / n};
    }

    /** The determinant of the distortion's Jacobian at undistorted (x, y) (Brown-Conrady); > 0 where it is locally invertible. */
    double jacobianDeterminant(double x, double y) {
        double r2 = x * x + y * y;
        double radial = 1 + r2 * (k1 + r2 * (k2 + r2 * k3));
        double dRadial = k1 + r2 * (2 * k2 + 3 * r2 * k3);
        double jxx = radial + 2 * x * x * dRadial + 2 * p1 * y + 6 * p2 * x;
        double jxy = 2 * x * y * dRadial + 2 * p1 * x + 2 * p2 * y;
        double jyy = radial + 2 * y * y * dRadial + 6 * p1 * y + 2 * p2 * x;
        return jxx * jyy - jxy * jxy;
    }

    /**
     * The undistorted radius (Brown-Conrady: |(x, y)|; Kannala-Brandt: the angle θ, radians) up to which
     * the radial mapping is proven strictly increasing, at least up to the radius where it reaches
     * {@code reach} (and up to half as far again where it keeps increasing); or NaN when it stops
     * increasing (or, for a fisheye, reaches 90 degrees) first. The proof samples the slope in steps h
     * and demands at each sample more than h times a bound of its derivative over the next step, so
     * the slope cannot dip to 0 between samples.
     */
    double increasingUpTo(double reach) {
        double cap = fisheye ? Math.PI / 2 : 64 * (1 + reach);
        double h = Math.max(0.05, fisheye ? Math.min(reach, cap) : reach) / 4096;
        double reached = Double.NaN;
        for (double r = 0; r < cap; r += h) {
            if (!(radialSlope(r) > h * radialCurvatureBound(r + h))) {
                return reached;
            }
            if (Double.isNaN(reached) && radial(r + h) >= reach) {
                reached = r + h;
            }
            if (r + h >= 1.5 * reached) {
                return r + h;
            }
        }
        return reached;
    }

    /**
     * Checks that the renderer can generate a ray for every film position of an image whose distorted
     * normalised coordinates span {@code [-halfWidth, halfWidth] x [-halfHeight, halfHeight]} (an image
     * of w x h pixels with focal length f and a centred principal point: w / 2f and h / 2f). Adds one
     * violation named {@code field} when it cannot, saying why.
     *
     * @param field the lens's JSON name as the client wrote it, e.g. {@code camera.lens}
     * @param what  the image, in words, for the message (e.g. "a 640x480 image at vfov 60 deg")
     */
    public void checkInvertible(String field, double halfWidth, double halfHeight, String what,
            List<JobSpecException.Violation> bad) {
        double corner = Math.hypot(halfWidth, halfHeight);
        // Tangential terms move points by up to about 3 (|p1| + |p2|) r²: the radial part must reach past that.
        double reach = corner + 3 * (Math.abs(p1) + Math.abs(p2)) * corner * corner;
        double limit = increasingUpTo(reach);
        if (Double.isNaN(limit)) {
            bad.add(new JobSpecException.Violation(field, describe(), fisheye
                    ? "a fisheye mapping that increases strictly and stays below 90 degrees from the axis out to the "
                            + "image corner (distorted radius " + round(corner) + " for " + what + ")"
                    : "a radial mapping that increases strictly out to the image corner (distorted radius "
                            + round(corner) + " for " + what + "); it turns back or never gets there"));
            return;
        }
        for (int j = 0; j < CHECK_GRID; j++) {
            double yd = halfHeight * (2.0 * j / (CHECK_GRID - 1) - 1);
            for (int i = 0; i < CHECK_GRID; i++) {
                double xd = halfWidth * (2.0 * i / (CHECK_GRID - 1) - 1);
                String failure = shaderFailure(xd, yd, limit);
                if (failure != null) {
                    bad.add(new JobSpecException.Violation(field, describe(), "a mapping the renderer can invert over "
                            + what + ": at distorted (" + round(xd) + ", " + round(yd) + ") " + failure));
                    return;
                }
            }
        }
    }

    /**
     * {@link #checkInvertible} over a {@code width} x {@code height} image whose undistorted pinhole has
     * vertical field of view {@code vfovDeg} (square pixels, principal point at the centre), as the
     * renderer builds it: the distorted normalised coordinates span tan(vfov / 2) times (w / h, 1).
     */
    public void checkOverImage(String field, int width, int height, double vfovDeg, List<JobSpecException.Violation> bad) {
        double t = Math.tan(Math.toRadians(vfovDeg) / 2);
        checkInvertible(field, t * width / height, t, "a " + width + "x" + height + " image at vfov " + round(vfovDeg)
                + " deg", bad);
    }

    /** Why the shader's scheme fails at distorted (xd, yd), or null when it lands on the exact inverse. */
    private String shaderFailure(double xd, double yd, double limit) {
        double[] ray = shaderRay(xd, yd);
        if (!(ray[2] > 0) || !Double.isFinite(ray[0]) || !Double.isFinite(ray[1])) {
            return "the inverse diverges";
        }
        double x = ray[0] / ray[2];
        double y = ray[1] / ray[2];
        double r = Math.hypot(x, y);
        double reached = fisheye ? Math.atan(r) : r;
        if (reached > limit) {
            return "the inverse leaves the range where the mapping increases";
        }
        if (!fisheye && !(jacobianDeterminant(x, y) > 0)) {
            return "the mapping folds (its Jacobian is not positive)";
        }
        double[] back = distort(x, y);
        double error = Math.hypot(back[0] - xd, back[1] - yd);
        if (!(error <= SHADER_TOLERANCE * (1 + Math.hypot(xd, yd)))) {
            return SHADER_NEWTON_STEPS + " Newton steps leave an error of " + error;
        }
        return null;
    }

    private String describe() {
        return fisheye ? "kannala-brandt k = [" + k1 + ", " + k2 + ", " + k3 + ", " + k4 + "]"
                : "brown-conrady [k1, k2, p1, p2, k3] = [" + k1 + ", " + k2 + ", " + p1 + ", " + p2 + ", " + k3 + "]";
    }

    private static String round(double v) {
        return String.format(java.util.Locale.ROOT, "%.4g", v);
    }
}
