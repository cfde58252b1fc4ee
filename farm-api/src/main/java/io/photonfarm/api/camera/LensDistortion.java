package io.photonfarm.api.camera;

import io.photonfarm.api.job.JobSpecException;
import java.util.List;

/**
 * Geometric lens distortion in OpenCV's conventions, applied to normalised camera coordinates
 * (x, y) = (X/Z, Y/Z) before the intrinsics.
 *
 * @param model {@code brown-conrady} (OpenCV's radial k1, k2, k3 and tangential p1, p2) or
 *              {@code kannala-brandt} (OpenCV's fisheye model: k1..k4 on the angle from the axis)
 * @param k1    first radial coefficient
 * @param k2    second radial coefficient
 * @param k3    third radial coefficient
 * @param k4    fourth radial coefficient (kannala-brandt only; 0 for brown-conrady)
 * @param p1    first tangential coefficient (brown-conrady only)
 * @param p2    second tangential coefficient (brown-conrady only)
 */
public record LensDistortion(String model, double k1, double k2, double k3, double k4, double p1, double p2) {
    public static final String BROWN_CONRADY = "brown-conrady";
    public static final String KANNALA_BRANDT = "kannala-brandt";

    /** Adds a violation for every bad field to {@code bad}, named {@code field.name}. */
    public void check(String field, List<JobSpecException.Violation> bad) {
        if (!BROWN_CONRADY.equals(model) && !KANNALA_BRANDT.equals(model)) {
            bad.add(new JobSpecException.Violation(field + ".model", String.valueOf(model),
                    "one of " + BROWN_CONRADY + ", " + KANNALA_BRANDT));
        }
        double[] all = {k1, k2, k3, k4, p1, p2};
        String[] names = {"k1", "k2", "k3", "k4", "p1", "p2"};
        for (int i = 0; i < all.length; i++) {
            if (!Double.isFinite(all[i]) || Math.abs(all[i]) > 10) {
                bad.add(new JobSpecException.Violation(field + "." + names[i], Double.toString(all[i]), "finite, within [-10, 10]"));
            }
        }
    }
}
