package io.photonfarm.api.camera;

import com.fasterxml.jackson.annotation.JsonInclude;
import io.photonfarm.api.job.JobSpecException.Violation;
import java.util.List;
import java.util.Set;

/**
 * How much light becomes charge: the exposure time and analogue gain, fixed or chosen per frame by
 * auto-exposure, and the pixel's full-well capacity.
 *
 * <p>Units. The renderer's linear radiance L (scene-referred, per colour channel, arbitrary but
 * consistent units) becomes expected photo-electrons through the explicit scale
 * {@code electronsPerRadianceSecond}: e = L' × electronsPerRadianceSecond × exposureTime, where L'
 * is the radiance as the pixel's colour filter sees it (the sensor's colour response applied). The
 * sensor stage turns electrons into digital numbers with gain = iso / baseIso.
 *
 * <p>Without an exposure stage, radiance 1.0 is the ADC's full scale at gain 1 (a plain linear
 * mapping, no time or ISO).
 *
 * @param mode                       {@code manual} (exposureTime and iso as given) or {@code auto} (chosen per frame
 *                                   so the metered mean hits targetMean); default manual
 * @param exposureTime               manual: seconds, greater than 0, at most 30; default 0.01
 * @param iso                        manual: the ISO speed, 1..409600; default the sensor's base ISO (gain 1)
 * @param targetMean                 auto: the metered mean (camera RGB weighted 1:2:1 as a Bayer mosaic samples
 *                                   it, or the monochrome signal) as a fraction of the ADC's full scale above black,
 *                                   0.01..0.9; default 0.18
 * @param minExposureTime            auto: the shortest exposure in seconds, greater than 0, at most 30; default 1/8000
 * @param maxExposureTime            auto: the longest exposure in seconds, greater than 0, at most 30; default 1/30;
 *                                   auto-exposure raises the ISO only once this is reached
 * @param maxIso                     auto: the highest ISO, 1..409600, at least the sensor's base ISO; default 3200
 * @param electronsPerRadianceSecond photo-electrons per unit of rendered radiance per second (for a filter of unit
 *                                   response); greater than 0, at most 1e12; default 1e6
 * @param fullWellElectrons          the charge a pixel holds before it saturates, 100..1e7 electrons; default
 *                                   the ADC's full scale at gain 1 (full scale / a)
 */
@JsonInclude(JsonInclude.Include.NON_NULL)
public record ExposureStage(String mode, Double exposureTime, Double iso, Double targetMean, Double minExposureTime,
        Double maxExposureTime, Double maxIso, Double electronsPerRadianceSecond, Double fullWellElectrons) {

    public static final String MANUAL = "manual";
    public static final String AUTO = "auto";
    public static final double DEFAULT_EXPOSURE_TIME = 0.01;
    public static final double DEFAULT_TARGET_MEAN = 0.18;
    public static final double DEFAULT_MIN_EXPOSURE_TIME = 1.0 / 8000;
    public static final double DEFAULT_MAX_EXPOSURE_TIME = 1.0 / 30;
    public static final double DEFAULT_MAX_ISO = 3200;
    public static final double DEFAULT_ELECTRONS_PER_RADIANCE_SECOND = 1e6;

    /** Whether this stage picks the exposure per frame. */
    public boolean auto() {
        return AUTO.equals(mode);
    }

    /** Adds a violation for every bad field to {@code bad}, named {@code field.name}. */
    public void check(String field, List<Violation> bad) {
        SensorChecks.oneOf(bad, field + ".mode", mode, Set.of(MANUAL, AUTO));
        if (auto()) {
            SensorChecks.absent(bad, field + ".exposureTime", exposureTime, "in auto mode");
            SensorChecks.absent(bad, field + ".iso", iso, "in auto mode");
            SensorChecks.range(bad, field + ".targetMean", targetMean, 0.01, 0.9);
            SensorChecks.positive(bad, field + ".minExposureTime", minExposureTime, 30);
            SensorChecks.positive(bad, field + ".maxExposureTime", maxExposureTime, 30);
            SensorChecks.range(bad, field + ".maxIso", maxIso, 1, 409600);
            double min = minExposureTime == null ? DEFAULT_MIN_EXPOSURE_TIME : minExposureTime;
            double max = maxExposureTime == null ? DEFAULT_MAX_EXPOSURE_TIME : maxExposureTime;
            if (min > max) {
                bad.add(new Violation(field + ".maxExposureTime", Double.toString(max), "at least minExposureTime (" + min + ")"));
            }
        } else {
            SensorChecks.positive(bad, field + ".exposureTime", exposureTime, 30);
            SensorChecks.range(bad, field + ".iso", iso, 1, 409600);
            String manual = "in manual mode (auto-exposure only)";
            SensorChecks.absent(bad, field + ".targetMean", targetMean, manual);
            SensorChecks.absent(bad, field + ".minExposureTime", minExposureTime, manual);
            SensorChecks.absent(bad, field + ".maxExposureTime", maxExposureTime, manual);
            SensorChecks.absent(bad, field + ".maxIso", maxIso, manual);
        }
        SensorChecks.positive(bad, field + ".electronsPerRadianceSecond", electronsPerRadianceSecond, 1e12);
        SensorChecks.range(bad, field + ".fullWellElectrons", fullWellElectrons, 100, 1e7);
    }
}
