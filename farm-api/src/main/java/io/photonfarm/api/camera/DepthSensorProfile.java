package io.photonfarm.api.camera;

import com.fasterxml.jackson.annotation.JsonInclude;
import io.photonfarm.api.job.JobSpecException;
import java.util.List;

/**
 * A depth camera whose measurements are simulated from the exact depth: the {@code depth_sensor}
 * pass, in metres along the optical axis like {@code depth_z}, with 0 where the sensor returns no
 * measurement (as real depth cameras report holes). Every field left out takes the kind's default
 * ({@link #resolved()}); lengths in metres, angles in degrees.
 *
 * @param kind                {@code structured-light} (a projector beside the camera: disparity
 *                            quantisation and projector shadows) or {@code tof} (time of flight: return
 *                            signal falls with albedo, incidence and range squared)
 * @param minRange            the nearest measurable depth, metres
 * @param maxRange            the farthest measurable depth, metres
 * @param noise               axial noise sigma(z) = noise[0] + noise[1] z + noise[2] z^2, metres (three terms)
 * @param baseline            structured light: the projector's offset along the camera's +x axis, metres
 * @param disparityStep       structured light: the disparity resolution, pixels (0 = no quantisation)
 * @param edgeThreshold       a depth jump larger than this fraction of the nearer depth is an edge
 * @param edgeWidth           pixels on either side of an edge that may drop out
 * @param edgeDropProbability the chance each of those pixels drops out, 0..1
 * @param darkAlbedo          surfaces whose albedo luminance is below this return nothing (0 disables)
 * @param maxIncidenceDeg     surfaces seen at more than this angle from their normal return nothing
 * @param minSignal           time of flight: the least relative return albedo * cos(incidence) / (z / maxRange)^2
 *                            that still measures (0 disables)
 */
@JsonInclude(JsonInclude.Include.NON_NULL)
public record DepthSensorProfile(String kind, Double minRange, Double maxRange, List<Double> noise, Double baseline,
        Double disparityStep, Double edgeThreshold, Integer edgeWidth, Double edgeDropProbability, Double darkAlbedo,
        Double maxIncidenceDeg, Double minSignal) {

    public static final String STRUCTURED_LIGHT = "structured-light";
    public static final String TIME_OF_FLIGHT = "tof";

    /**
     * This profile with every field left out filled in from its kind's defaults: a short-range
     * structured-light camera (0.2..6 m, 5 cm baseline, 1/8 px disparity steps, sigma growing with
     * z^2) or a time-of-flight camera (0.1..5 m, sigma growing linearly, dark and far surfaces weak).
     *
     * @throws IllegalArgumentException if the kind is unknown (call {@link #check} first)
     */
    public DepthSensorProfile resolved() {
        boolean sl = STRUCTURED_LIGHT.equals(kind);
        if (!sl && !TIME_OF_FLIGHT.equals(kind)) {
            throw new IllegalArgumentException("depth sensor kind '" + kind + "': one of " + STRUCTURED_LIGHT + ", " + TIME_OF_FLIGHT);
        }
        return new DepthSensorProfile(kind, or(minRange, sl ? 0.2 : 0.1), or(maxRange, sl ? 6.0 : 5.0),
                noise != null ? noise : sl ? List.of(0.001, 0.0, 0.0025) : List.of(0.002, 0.004, 0.0),
                or(baseline, sl ? 0.05 : 0.0), or(disparityStep, sl ? 0.125 : 0.0), or(edgeThreshold, 0.05),
                edgeWidth != null ? edgeWidth : sl ? 2 : 1, or(edgeDropProbability, sl ? 0.6 : 0.8), or(darkAlbedo, sl ? 0.03 : 0.0),
                or(maxIncidenceDeg, sl ? 80.0 : 85.0), or(minSignal, sl ? 0.0 : 0.02));
    }

    /** Adds a violation for every bad field to {@code bad}, named {@code field.name}. */
    public void check(String field, List<JobSpecException.Violation> bad) {
        if (!STRUCTURED_LIGHT.equals(kind) && !TIME_OF_FLIGHT.equals(kind)) {
            bad.add(new JobSpecException.Violation(field + ".kind", String.valueOf(kind),
                    "one of " + STRUCTURED_LIGHT + ", " + TIME_OF_FLIGHT));
        }
        range(bad, field + ".minRange", minRange, 0, 1000);
        range(bad, field + ".maxRange", maxRange, 0, 1000);
        if (minRange != null && maxRange != null && !(maxRange > minRange)) {
            bad.add(new JobSpecException.Violation(field + ".maxRange", maxRange.toString(), "greater than minRange " + minRange));
        }
        if (noise != null) {
            if (noise.size() != 3) {
                bad.add(new JobSpecException.Violation(field + ".noise", noise.size() + " terms",
                        "three terms [c0, c1, c2] of sigma(z) = c0 + c1 z + c2 z^2"));
            } else {
                for (int i = 0; i < 3; i++) {
                    range(bad, field + ".noise[" + i + "]", noise.get(i), 0, 1);
                }
            }
        }
        range(bad, field + ".baseline", baseline, 0, 1);
        range(bad, field + ".disparityStep", disparityStep, 0, 16);
        range(bad, field + ".edgeThreshold", edgeThreshold, 0, 100);
        if (edgeWidth != null && (edgeWidth < 0 || edgeWidth > 16)) {
            bad.add(new JobSpecException.Violation(field + ".edgeWidth", edgeWidth.toString(), "0..16 pixels"));
        }
        range(bad, field + ".edgeDropProbability", edgeDropProbability, 0, 1);
        range(bad, field + ".darkAlbedo", darkAlbedo, 0, 1);
        range(bad, field + ".maxIncidenceDeg", maxIncidenceDeg, 0, 90);
        range(bad, field + ".minSignal", minSignal, 0, 1);
    }

    private static void range(List<JobSpecException.Violation> bad, String field, Double value, double min, double max) {
        if (value != null && !(value >= min && value <= max)) {
            bad.add(new JobSpecException.Violation(field, value.toString(), min + ".." + max));
        }
    }

    private static double or(Double value, double fallback) {
        return value != null ? value : fallback;
    }
}
