package io.photonfarm.api.camera;

import com.fasterxml.jackson.annotation.JsonInclude;
import io.photonfarm.api.job.JobSpecException.Violation;
import java.util.ArrayList;
import java.util.Collections;
import java.util.List;
import java.util.Set;

/**
 * The image sensor: colour filters, noise and the analogue-to-digital converter.
 *
 * <p>Units. Signals are digital numbers (DN) at the profile's bit depth. The raw value of a pixel is
 * black level + signal + noise, rounded and clipped to 0..2^bitDepth-1; "signal" is the mean DN above
 * the black level. The temporal noise follows the Poisson-Gaussian model of Foi et al. (2008),
 * var(DN) = a' × signal + b', with a' = a × gain and b' = b × gain² at gain = iso / baseIso: shot
 * noise is exact Poisson on the electron count (a is the conversion gain in DN per electron at base
 * ISO) and b is the signal-independent variance at base ISO, ADC quantisation (1/12 DN²) and row
 * noise included, so the model holds for the digitised values a user measures.
 *
 * <p>Fixed-pattern noise (PRNU, DSNU) depends on {@code seed} and the pixel only: it is the same in
 * every frame of every job that uses this sensor.
 *
 * @param cfa           the colour filter array's 2x2 tile from the top-left pixel: {@code RGGB}, {@code BGGR},
 *                      {@code GRBG}, {@code GBRG}, or {@code none} for a monochrome sensor (1-channel images);
 *                      default RGGB
 * @param bitDepth      the ADC's bits, 8..16; default 12
 * @param blackLevel    the DN of no light, 0..2^bitDepth/4; default 2^(bitDepth-4)
 * @param a             conversion gain at base ISO, DN per electron (the noise model's slope); greater than 0,
 *                      at most 64; required
 * @param b             signal-independent temporal variance at base ISO, DN² (the noise model's intercept),
 *                      quantisation and row noise included; 0..1e6; required
 * @param rowNoiseShare the share of b's variance (above quantisation) common to a whole row, as banding;
 *                      0..1; default 0
 * @param darkCurrent   thermal electrons per second per pixel, 0..1e6, Poisson like the signal; default 0
 * @param prnu          photo-response non-uniformity: the standard deviation of each pixel's fixed relative
 *                      gain, 0..0.5; default 0
 * @param dsnu          dark-signal non-uniformity: the standard deviation of each pixel's fixed offset in DN,
 *                      0..1000; default 0
 * @param seed          the sensor's seed for its fixed pattern; default 0
 * @param baseIso       the ISO at unit analogue gain, 1..100000; default 100
 * @param colorResponse the colour filters' response, 9 numbers row-major (-1..4): camera RGB = M × scene
 *                      linear RGB; every row must see white (sum above 0.01) and M must be invertible; ignored
 *                      by a monochrome sensor (which sees luminance, Rec. 709 weights); default identity
 */
@JsonInclude(JsonInclude.Include.NON_NULL)
public record SensorStage(String cfa, Integer bitDepth, Integer blackLevel, Double a, Double b, Double rowNoiseShare,
        Double darkCurrent, Double prnu, Double dsnu, Long seed, Double baseIso, List<Double> colorResponse) {

    public static final String MONOCHROME = "none";
    public static final Set<String> CFAS = Set.of("RGGB", "BGGR", "GRBG", "GBRG", MONOCHROME);
    public static final String DEFAULT_CFA = "RGGB";
    public static final int DEFAULT_BIT_DEPTH = 12;
    public static final double DEFAULT_BASE_ISO = 100;

    public SensorStage {
        colorResponse = colorResponse == null ? null : Collections.unmodifiableList(new ArrayList<>(colorResponse));
    }

    /** The default black level of a {@code bits}-bit ADC: 1/16 of its range. */
    public static int defaultBlackLevel(int bits) {
        return 1 << (bits - 4);
    }

    /** Adds a violation for every bad field to {@code bad}, named {@code field.name}. */
    public void check(String field, List<Violation> bad) {
        SensorChecks.oneOf(bad, field + ".cfa", cfa, CFAS);
        SensorChecks.range(bad, field + ".bitDepth", bitDepth, 8, 16);
        int bits = bitDepth == null || bitDepth < 8 || bitDepth > 16 ? DEFAULT_BIT_DEPTH : bitDepth;
        SensorChecks.range(bad, field + ".blackLevel", blackLevel, 0, (1 << bits) / 4);
        SensorChecks.required(bad, field + ".a", a, "DN per electron at base ISO, greater than 0, at most 64");
        SensorChecks.positive(bad, field + ".a", a, 64);
        SensorChecks.required(bad, field + ".b", b, "the signal-independent variance at base ISO in DN², 0..1e6");
        SensorChecks.range(bad, field + ".b", b, 0, 1e6);
        SensorChecks.range(bad, field + ".rowNoiseShare", rowNoiseShare, 0, 1);
        SensorChecks.range(bad, field + ".darkCurrent", darkCurrent, 0, 1e6);
        SensorChecks.range(bad, field + ".prnu", prnu, 0, 0.5);
        SensorChecks.range(bad, field + ".dsnu", dsnu, 0, 1000);
        SensorChecks.range(bad, field + ".baseIso", baseIso, 1, 100000);
        if (SensorChecks.numbers(bad, field + ".colorResponse", colorResponse, 9, -1, 4) && colorResponse != null) {
            for (int row = 0; row < 3; row++) {
                double sum = colorResponse.get(3 * row) + colorResponse.get(3 * row + 1) + colorResponse.get(3 * row + 2);
                if (sum <= 0.01) {
                    bad.add(new Violation(field + ".colorResponse", colorResponse.toString(),
                            "every row's sum (its response to white) above 0.01; row " + row + " sums to " + sum));
                }
            }
            double det = SensorChecks.determinant(colorResponse);
            if (Math.abs(det) < 1e-6) {
                bad.add(new Violation(field + ".colorResponse", colorResponse.toString(),
                        "an invertible matrix (|determinant| at least 1e-6; it is " + det + ")"));
            }
        }
    }
}
