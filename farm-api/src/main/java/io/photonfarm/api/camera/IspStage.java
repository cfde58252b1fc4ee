package io.photonfarm.api.camera;

import com.fasterxml.jackson.annotation.JsonInclude;
import io.photonfarm.api.job.JobSpecException.Violation;
import java.util.ArrayList;
import java.util.Collections;
import java.util.List;
import java.util.Set;

/**
 * The image signal processor: raw mosaic in, display image out. Steps in order: black-level
 * subtraction and normalisation to full scale, white balance (on the mosaic, clipped at full scale so
 * saturated highlights stay white), demosaicing, colour correction to linear sRGB, the transfer
 * function (gamma), the tone curve, sharpening, 8-bit quantisation and the encoding (PNG, or JPEG at
 * a quality whose artefacts the returned image keeps). A monochrome sensor skips white balance,
 * demosaicing and colour correction. Every field is optional.
 *
 * @param whiteBalance      {@code none}; {@code response} (the sensor's calibrated white: gains that make its
 *                          colour response to white neutral, green fixed at 1); {@code grey-world} (per frame, from
 *                          the mosaic's channel means); {@code gains} (the given whiteBalanceGains); default response
 * @param whiteBalanceGains [r, g, b] gains, each 0.01..16; with whiteBalance {@code gains} only
 * @param demosaic          {@code malvar} (Malvar, He and Cutler 2004, gradient-corrected bilinear) or {@code bilinear};
 *                          default malvar
 * @param ccm               the colour correction matrix, 9 numbers row-major (-8..8), white-balanced camera RGB to linear
 *                          sRGB; default the inverse of the sensor's colour response, its rows scaled to sum to 1 (so
 *                          a neutral stays neutral)
 * @param gamma             the display transfer: absent for the sRGB curve (IEC 61966-2-1), or a pure power law
 *                          v = x^(1/gamma), 1..3
 * @param toneCurve         {@code linear} or {@code s-curve} (on the encoded value v: (1 - contrast) v +
 *                          contrast (3v² - 2v³)); default linear
 * @param contrast          the s-curve's strength, 0..1; default 0.5; with toneCurve {@code s-curve} only
 * @param sharpen           the unsharp mask's amount (0 for none), 0..4: v + amount (v - blur(v)); default 0
 * @param sharpenRadius     the unsharp mask's Gaussian standard deviation in pixels, 0.3..5; default 1
 * @param jpegQuality       the JPEG quality 1..100 of the image written; absent for a lossless 8-bit PNG
 */
@JsonInclude(JsonInclude.Include.NON_NULL)
public record IspStage(String whiteBalance, List<Double> whiteBalanceGains, String demosaic, List<Double> ccm, Double gamma,
        String toneCurve, Double contrast, Double sharpen, Double sharpenRadius, Integer jpegQuality) {

    public static final String WB_NONE = "none";
    public static final String WB_RESPONSE = "response";
    public static final String WB_GREY_WORLD = "grey-world";
    public static final String WB_GAINS = "gains";
    public static final String MALVAR = "malvar";
    public static final String BILINEAR = "bilinear";
    public static final String TONE_LINEAR = "linear";
    public static final String TONE_S_CURVE = "s-curve";
    public static final double DEFAULT_CONTRAST = 0.5;
    public static final double DEFAULT_SHARPEN_RADIUS = 1;

    public IspStage {
        whiteBalanceGains = whiteBalanceGains == null ? null : Collections.unmodifiableList(new ArrayList<>(whiteBalanceGains));
        ccm = ccm == null ? null : Collections.unmodifiableList(new ArrayList<>(ccm));
    }

    /** Adds a violation for every bad field to {@code bad}, named {@code field.name}. */
    public void check(String field, List<Violation> bad) {
        SensorChecks.oneOf(bad, field + ".whiteBalance", whiteBalance, Set.of(WB_NONE, WB_RESPONSE, WB_GREY_WORLD, WB_GAINS));
        if (WB_GAINS.equals(whiteBalance)) {
            SensorChecks.required(bad, field + ".whiteBalanceGains", whiteBalanceGains, "[r, g, b] with whiteBalance gains");
            SensorChecks.numbers(bad, field + ".whiteBalanceGains", whiteBalanceGains, 3, 0.01, 16);
        } else {
            SensorChecks.absent(bad, field + ".whiteBalanceGains", whiteBalanceGains, "unless whiteBalance is gains");
        }
        SensorChecks.oneOf(bad, field + ".demosaic", demosaic, Set.of(MALVAR, BILINEAR));
        SensorChecks.numbers(bad, field + ".ccm", ccm, 9, -8, 8);
        SensorChecks.range(bad, field + ".gamma", gamma, 1, 3);
        SensorChecks.oneOf(bad, field + ".toneCurve", toneCurve, Set.of(TONE_LINEAR, TONE_S_CURVE));
        if (TONE_S_CURVE.equals(toneCurve)) {
            SensorChecks.range(bad, field + ".contrast", contrast, 0, 1);
        } else {
            SensorChecks.absent(bad, field + ".contrast", contrast, "unless toneCurve is s-curve");
        }
        SensorChecks.range(bad, field + ".sharpen", sharpen, 0, 4);
        SensorChecks.range(bad, field + ".sharpenRadius", sharpenRadius, 0.3, 5);
        SensorChecks.range(bad, field + ".jpegQuality", jpegQuality, 1, 100);
    }
}
