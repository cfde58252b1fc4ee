package io.photonfarm.api.camera;

import com.fasterxml.jackson.annotation.JsonCreator;
import com.fasterxml.jackson.annotation.JsonIgnore;
import com.fasterxml.jackson.annotation.JsonProperty;
import io.photonfarm.api.job.JobSpecException;
import java.util.List;

/**
 * Geometric lens distortion in OpenCV's conventions, applied to normalised camera coordinates
 * (x, y) = (X/Z, Y/Z) (OpenCV camera frame: x right, y down, z forward) before the intrinsics, so a
 * camera point lands at pixel {@code (fx x_d + cx, fy y_d + cy)} in the dataset's continuous pixel
 * coordinates. The renderer applies it where it stays exact: it undistorts each film position into
 * the ray it generates, so every label pass is distorted exactly like the image.
 *
 * <ul>
 *   <li>{@code brown-conrady} ({@code cv::projectPoints}): with r² = x² + y²,
 *       {@code x_d = x (1 + k1 r² + k2 r⁴ + k3 r⁶) + 2 p1 x y + p2 (r² + 2 x²)},
 *       {@code y_d = y (1 + k1 r² + k2 r⁴ + k3 r⁶) + p1 (r² + 2 y²) + 2 p2 x y};</li>
 *   <li>{@code kannala-brandt} ({@code cv::fisheye}): with r = |(x, y)| and θ = atan(r),
 *       {@code θ_d = θ (1 + k1 θ² + k2 θ⁴ + k3 θ⁶ + k4 θ⁸)} and {@code (x_d, y_d) = (θ_d / r) (x, y)}.</li>
 * </ul>
 *
 * As JSON: {@code {"model": "brown-conrady", "k1": -0.2, "k2": 0.05, "p1": 0.001}}; coefficients left
 * out are 0.
 *
 * @param model {@code brown-conrady} (OpenCV's radial k1, k2, k3 and tangential p1, p2) or
 *              {@code kannala-brandt} (OpenCV's fisheye model: k1..k4 on the angle from the axis)
 * @param k1    first radial coefficient
 * @param k2    second radial coefficient
 * @param k3    third radial coefficient
 * @param k4    fourth radial coefficient (kannala-brandt only; 0 for brown-conrady)
 * @param p1    first tangential coefficient (brown-conrady only; 0 for kannala-brandt)
 * @param p2    second tangential coefficient (brown-conrady only; 0 for kannala-brandt)
 */
public record LensDistortion(String model, double k1, double k2, double k3, double k4, double p1, double p2) {
    public static final String BROWN_CONRADY = "brown-conrady";
    public static final String KANNALA_BRANDT = "kannala-brandt";
    /** The largest magnitude a coefficient may have. */
    public static final double MAX_COEFFICIENT = 10;

    /** The lens as JSON gives it: coefficients left out (or null) are 0. */
    @JsonCreator
    static LensDistortion fromJson(@JsonProperty("model") String model, @JsonProperty("k1") Double k1,
            @JsonProperty("k2") Double k2, @JsonProperty("k3") Double k3, @JsonProperty("k4") Double k4,
            @JsonProperty("p1") Double p1, @JsonProperty("p2") Double p2) {
        return new LensDistortion(model, orZero(k1), orZero(k2), orZero(k3), orZero(k4), orZero(p1), orZero(p2));
    }

    private static double orZero(Double v) {
        return v == null ? 0 : v;
    }

    /** A Brown-Conrady lens with OpenCV's five coefficients. */
    public static LensDistortion brownConrady(double k1, double k2, double p1, double p2, double k3) {
        return new LensDistortion(BROWN_CONRADY, k1, k2, k3, 0, p1, p2);
    }

    /** A Kannala-Brandt (OpenCV fisheye) lens with its four coefficients. */
    public static LensDistortion kannalaBrandt(double k1, double k2, double k3, double k4) {
        return new LensDistortion(KANNALA_BRANDT, k1, k2, k3, k4, 0, 0);
    }

    /** Whether this is the Kannala-Brandt (fisheye) model; otherwise it is Brown-Conrady (after {@link #check}). */
    @JsonIgnore
    public boolean isFisheye() {
        return KANNALA_BRANDT.equals(model);
    }

    /**
     * The coefficients in the order OpenCV's functions take them: {@code [k1, k2, p1, p2, k3]} for
     * Brown-Conrady ({@code distCoeffs} of {@code cv::projectPoints}), {@code [k1, k2, k3, k4]} for
     * Kannala-Brandt ({@code D} of {@code cv::fisheye::projectPoints}).
     */
    public double[] opencvCoefficients() {
        return isFisheye() ? new double[] {k1, k2, k3, k4} : new double[] {k1, k2, p1, p2, k3};
    }

    /**
     * Adds a violation for every bad field to {@code bad}, named {@code field.name}. Whether the mapping
     * can be inverted over an image depends on the image's field of view, so that is checked where the
     * camera is known (the scene library's {@code LensMapping#checkInvertible}).
     */
    public void check(String field, List<JobSpecException.Violation> bad) {
        if (!BROWN_CONRADY.equals(model) && !KANNALA_BRANDT.equals(model)) {
            bad.add(new JobSpecException.Violation(field + ".model", String.valueOf(model),
                    "one of " + BROWN_CONRADY + ", " + KANNALA_BRANDT));
        }
        double[] all = {k1, k2, k3, k4, p1, p2};
        String[] names = {"k1", "k2", "k3", "k4", "p1", "p2"};
        for (int i = 0; i < all.length; i++) {
            if (!Double.isFinite(all[i]) || Math.abs(all[i]) > MAX_COEFFICIENT) {
                bad.add(new JobSpecException.Violation(field + "." + names[i], Double.toString(all[i]),
                        "finite, within [-" + MAX_COEFFICIENT + ", " + MAX_COEFFICIENT + "]"));
            }
        }
        // A coefficient the model does not have would be silently ignored: refuse it instead.
        if (BROWN_CONRADY.equals(model) && k4 != 0) {
            bad.add(new JobSpecException.Violation(field + ".k4", Double.toString(k4), "0 (brown-conrady has k1, k2, k3, p1, p2)"));
        }
        if (KANNALA_BRANDT.equals(model)) {
            if (p1 != 0) {
                bad.add(new JobSpecException.Violation(field + ".p1", Double.toString(p1), "0 (kannala-brandt has k1..k4)"));
            }
            if (p2 != 0) {
                bad.add(new JobSpecException.Violation(field + ".p2", Double.toString(p2), "0 (kannala-brandt has k1..k4)"));
            }
        }
    }
}
