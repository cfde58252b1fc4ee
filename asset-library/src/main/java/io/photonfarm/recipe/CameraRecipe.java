package io.photonfarm.recipe;

import com.fasterxml.jackson.annotation.JsonIgnoreProperties;
import com.fasterxml.jackson.annotation.JsonInclude;
import java.util.List;

/**
 * How each frame's camera is drawn: it looks at {@code target} from a point at the drawn distance,
 * elevation and azimuth around it. The image size is the job's.
 *
 * @param target          world point looked at, metres (default: the centre of the placed objects' bounds)
 * @param distanceM       distance from the target, metres (default [0.35, 0.6])
 * @param elevationDeg    above the horizontal through the target, degrees in [-89, 89] (default [30, 70])
 * @param azimuthDeg      from +x towards +z, degrees (default [0, 360])
 * @param uniformOnSphere true: directions are uniform over the sphere zone the elevation range spans
 *                        (a hemisphere for [0, 90]) rather than uniform in elevation angle; default false
 * @param vfovDeg         vertical field of view, degrees (default [35, 45]); or give {@code focalLengthMm}
 * @param focalLengthMm   focal length, millimetres, with {@code sensorHeightMm}
 * @param sensorHeightMm  sensor height, millimetres (default 24)
 * @param apertureM       thin-lens aperture diameter, metres (default 0, a pinhole); focus is on the target
 */
@JsonIgnoreProperties(ignoreUnknown = false)
@JsonInclude(JsonInclude.Include.NON_NULL)
public record CameraRecipe(List<Double> target, Range distanceM, Range elevationDeg, Range azimuthDeg,
        Boolean uniformOnSphere, Range vfovDeg, Range focalLengthMm, Double sensorHeightMm, Range apertureM) {

    /**
     * The widest vertical field of view a frame can draw, degrees: the top of {@code vfovDeg} (default 45),
     * or the view of the shortest focal length on the sensor. Call after validation.
     */
    public double widestVfovDeg() {
        if (focalLengthMm != null) {
            double sensor = sensorHeightMm == null ? 24 : sensorHeightMm;
            return Math.toDegrees(2 * StrictMath.atan(sensor / (2 * focalLengthMm.min())));
        }
        return vfovDeg == null ? 45 : vfovDeg.max();
    }
}
