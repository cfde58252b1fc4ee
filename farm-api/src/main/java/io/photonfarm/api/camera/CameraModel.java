package io.photonfarm.api.camera;

import com.fasterxml.jackson.annotation.JsonIgnore;
import com.fasterxml.jackson.annotation.JsonInclude;
import io.photonfarm.api.job.JobSpecException;
import java.util.List;

/**
 * The physical camera a job simulates, beyond its pose: the lens's geometric distortion (applied in
 * ray generation, so every label is distorted with the image), the sensor and its image signal
 * processor (applied to the assembled linear radiance), an optional depth sensor, and refiners that
 * move the processed images towards a target domain of real photographs. Every part is optional; a
 * job without a camera model gets an ideal pinhole camera and a clean sRGB image, as before.
 *
 * @param lens         the lens distortion, or null for none
 * @param sensor       the sensor and ISP profile (or a preset reference), or null for a clean sRGB rendering
 * @param depthSensor  a depth sensor whose noisy {@code depth_sensor} pass is written next to the exact depth, or null
 * @param refiners     photometric refiners applied in order after the ISP; empty for none
 * @param targetDomain the uploaded target photographs the refiners and the domain-gap report use, as an
 *                     asset reference ({@code asset:HASH}); required when a refiner needs one
 */
@JsonInclude(JsonInclude.Include.NON_NULL)
public record CameraModel(LensDistortion lens, SensorProfile sensor, DepthSensorProfile depthSensor,
        List<RefinerSpec> refiners, String targetDomain) {

    public CameraModel {
        refiners = refiners == null ? List.of() : List.copyOf(refiners);
    }

    /** Whether nothing at all differs from the ideal camera. (Not a JSON property: readers refuse unknown fields.) */
    @JsonIgnore
    public boolean isIdeal() {
        return lens == null && sensor == null && depthSensor == null && refiners.isEmpty();
    }

    /**
     * Adds a violation for every bad field to {@code bad}, each named {@code field.part...}.
     *
     * @param field the JSON name of this object as the client wrote it, e.g. {@code camera}
     */
    public void check(String field, List<JobSpecException.Violation> bad) {
        if (lens != null) {
            lens.check(field + ".lens", bad);
        }
        if (sensor != null) {
            sensor.check(field + ".sensor", bad);
        }
        if (depthSensor != null) {
            depthSensor.check(field + ".depthSensor", bad);
        }
        for (int i = 0; i < refiners.size(); i++) {
            RefinerSpec r = refiners.get(i);
            if (r == null) {
                bad.add(new JobSpecException.Violation(field + ".refiners[" + i + "]", "null", "a refiner object"));
            } else {
                r.check(field + ".refiners[" + i + "]", bad);
            }
        }
        if (refiners.stream().anyMatch(r -> r != null && r.needsTarget()) && (targetDomain == null || targetDomain.isBlank())) {
            bad.add(new JobSpecException.Violation(field + ".targetDomain", String.valueOf(targetDomain),
                    "an uploaded photo set (asset:HASH) when a refiner matches a target domain"));
        }
    }
}
