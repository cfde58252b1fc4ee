package io.photonfarm.api.camera;

import com.fasterxml.jackson.annotation.JsonInclude;
import io.photonfarm.api.job.JobSpecException.Violation;
import java.util.ArrayList;
import java.util.Collections;
import java.util.List;

/**
 * The lens's photometric effects on the scene radiance, before anything reaches the sensor:
 * vignetting and lateral chromatic aberration. Geometric distortion is not here: it belongs to ray
 * generation ({@link LensDistortion}). Every field is optional; an absent one has no effect.
 *
 * <p>Radii are measured from the image centre and normalised to 1 at the image corner (half the
 * diagonal), so a profile means the same on any image size.
 *
 * @param cos4FieldOfView      the lens's diagonal field of view in degrees for natural cos⁴ falloff: a pixel
 *                             whose ray makes angle θ with the axis receives cos⁴θ of the light, θ reaching half
 *                             this angle at the corners; 0 exclusive to 170; absent for none
 * @param vignetting           radial polynomial [k1, k2, k3] (one to three coefficients, each -2..2) for the
 *                             lens's mechanical and residual vignetting: gain = 1 + k1 r² + k2 r⁴ + k3 r⁶; the gain
 *                             must stay within 0.05..2 over the image; absent for none
 * @param lateralChromaticRed  lateral chromatic aberration: the red image's magnification relative to green,
 *                             minus 1 (0.001 makes red 0.1% larger, a colour fringe growing towards the corners);
 *                             -0.01..0.01, default 0
 * @param lateralChromaticBlue the blue image's magnification relative to green, minus 1; -0.01..0.01, default 0
 */
@JsonInclude(JsonInclude.Include.NON_NULL)
public record OpticsStage(Double cos4FieldOfView, List<Double> vignetting, Double lateralChromaticRed,
        Double lateralChromaticBlue) {

    public OpticsStage {
        // Null elements are kept (not rejected by List.copyOf) so that check() can name them.
        vignetting = vignetting == null ? null : Collections.unmodifiableList(new ArrayList<>(vignetting));
    }

    /** The vignetting gain at normalised radius {@code r} (0 centre, 1 corner) from the polynomial alone. */
    public static double polynomialGain(List<Double> coefficients, double r) {
        double gain = 1;
        double r2 = r * r;
        double rp = r2;
        for (Double k : coefficients) {
            gain += k * rp;
            rp *= r2;
        }
        return gain;
    }

    /** Adds a violation for every bad field to {@code bad}, named {@code field.name}. */
    public void check(String field, List<Violation> bad) {
        SensorChecks.positive(bad, field + ".cos4FieldOfView", cos4FieldOfView, 170);
        if (vignetting != null) {
            if (vignetting.isEmpty() || vignetting.size() > 3) {
                bad.add(new Violation(field + ".vignetting", vignetting.toString(), "1 to 3 coefficients [k1, k2, k3]"));
            } else if (SensorChecks.numbers(bad, field + ".vignetting", vignetting, vignetting.size(), -2, 2)) {
                for (int i = 0; i <= 100; i++) {
                    double g = polynomialGain(vignetting, i / 100.0);
                    if (g < 0.05 || g > 2) {
                        bad.add(new Violation(field + ".vignetting", vignetting.toString(),
                                "a gain within 0.05..2 from centre to corner (it is " + (float) g + " at radius " + i / 100.0 + ")"));
                        break;
                    }
                }
            }
        }
        SensorChecks.range(bad, field + ".lateralChromaticRed", lateralChromaticRed, -0.01, 0.01);
        SensorChecks.range(bad, field + ".lateralChromaticBlue", lateralChromaticBlue, -0.01, 0.01);
    }
}
