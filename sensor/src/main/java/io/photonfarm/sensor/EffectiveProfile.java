package io.photonfarm.sensor;

import io.photonfarm.api.camera.ExposureStage;
import io.photonfarm.api.camera.IspStage;
import io.photonfarm.api.camera.OpticsStage;
import io.photonfarm.api.camera.SensorProfile;
import io.photonfarm.api.camera.SensorStage;

/**
 * A resolved {@link SensorProfile} with every default filled in, as plain values the stages use. The
 * record classes of farm-api keep absent fields absent (so canonical JSON stays short); this is the
 * one place that knows the defaults' values.
 *
 * @param optics   the optics, or null when the profile has none
 * @param exposure the exposure (never null: a profile without one gets {@link Exposure#none})
 * @param sensor   the sensor (an ideal one when the profile has none)
 * @param isp      the image signal processor
 */
record EffectiveProfile(Optics optics, Exposure exposure, Sensor sensor, Isp isp, boolean keepRaw, boolean keepLinear) {

    /** Vignetting and lateral chromatic aberration; see {@link OpticsStage}. */
    record Optics(double cos4FieldOfView, double[] vignetting, double chromaticRed, double chromaticBlue) {
    }

    /**
     * Exposure; see {@link ExposureStage}.
     *
     * @param present    false when the profile has no exposure stage: radiance 1 is full scale at gain 1
     * @param fullWell   electrons, already defaulted from the sensor
     */
    record Exposure(boolean present, boolean auto, double time, double iso, double targetMean, double minTime,
            double maxTime, double maxIso, double electronsPerRadianceSecond, double fullWell) {
    }

    /**
     * The sensor; see {@link SensorStage}.
     *
     * @param ideal     true when the profile has no sensor stage: 3 channels, no mosaic, noise or quantisation
     * @param cfa       the filter pattern, or null for a monochrome or ideal sensor
     * @param fullScale the largest signal in DN above black: 2^bitDepth - 1 - blackLevel (1 for the ideal sensor)
     */
    record Sensor(boolean ideal, CfaPattern cfa, int bitDepth, int blackLevel, double fullScale, double a, double b,
            double rowNoiseShare, double darkCurrent, double prnu, double dsnu, long seed, double baseIso, double[] response) {

        boolean monochrome() {
            return !ideal && cfa == null;
        }

        /** Channels of the images after the sensor: 1 for monochrome, else 3. */
        int channels() {
            return monochrome() ? 1 : 3;
        }

        int whiteLevel() {
            return (1 << bitDepth) - 1;
        }
    }

    /** The image signal processor; see {@link IspStage}. Gamma 0 means the sRGB curve. */
    record Isp(String whiteBalance, double[] gains, String demosaic, double[] ccm, double gamma, boolean sCurve,
            double contrast, double sharpen, double sharpenRadius, Integer jpegQuality) {
    }

    /** The ideal sensor's full well when the profile gives none: it only sets the scale of exposure's electrons. */
    static final double IDEAL_FULL_WELL = 10_000;

    /**
     * Fills in the defaults of a resolved profile, which {@link SensorPresets#resolve} has checked.
     */
    static EffectiveProfile of(SensorProfile p) {
        Sensor sensor = sensor(p.sensor(), p.exposure());
        return new EffectiveProfile(optics(p.optics()), exposure(p.exposure(), sensor), sensor, isp(p.isp(), sensor),
                p.keepsRaw(), p.keepsLinear());
    }

    private static Optics optics(OpticsStage o) {
        if (o == null) {
            return null;
        }
        double[] poly = o.vignetting() == null ? new double[0] : o.vignetting().stream().mapToDouble(Double::doubleValue).toArray();
        return new Optics(or(o.cos4FieldOfView(), 0), poly, or(o.lateralChromaticRed(), 0), or(o.lateralChromaticBlue(), 0));
    }

    private static Sensor sensor(SensorStage s, ExposureStage e) {
        if (s == null) {
            double fullWell = e == null || e.fullWellElectrons() == null ? IDEAL_FULL_WELL : e.fullWellElectrons();
            return new Sensor(true, null, 0, 0, 1, 1 / fullWell, 0, 0, 0, 0, 0, 0, SensorStage.DEFAULT_BASE_ISO, Matrix3.IDENTITY);
        }
        String cfaName = s.cfa() == null ? SensorStage.DEFAULT_CFA : s.cfa();
        CfaPattern cfa = SensorStage.MONOCHROME.equals(cfaName) ? null : CfaPattern.parse(cfaName);
        int bits = s.bitDepth() == null ? SensorStage.DEFAULT_BIT_DEPTH : s.bitDepth();
        int black = s.blackLevel() == null ? SensorStage.defaultBlackLevel(bits) : s.blackLevel();
        double[] response = s.colorResponse() == null ? Matrix3.IDENTITY : Matrix3.of(s.colorResponse());
        return new Sensor(false, cfa, bits, black, (1 << bits) - 1 - black, s.a(), s.b(), or(s.rowNoiseShare(), 0),
                or(s.darkCurrent(), 0), or(s.prnu(), 0), or(s.dsnu(), 0), s.seed() == null ? 0 : s.seed(),
                or(s.baseIso(), SensorStage.DEFAULT_BASE_ISO), response);
    }

    private static Exposure exposure(ExposureStage e, Sensor sensor) {
        double fullScaleElectrons = sensor.fullScale() / sensor.a();
        if (e == null) {
            return new Exposure(false, false, 0, sensor.baseIso(), 0, 0, 0, 0, 0, fullScaleElectrons);
        }
        return new Exposure(true, e.auto(), or(e.exposureTime(), ExposureStage.DEFAULT_EXPOSURE_TIME), or(e.iso(), sensor.baseIso()),
                or(e.targetMean(), ExposureStage.DEFAULT_TARGET_MEAN), or(e.minExposureTime(), ExposureStage.DEFAULT_MIN_EXPOSURE_TIME),
                or(e.maxExposureTime(), ExposureStage.DEFAULT_MAX_EXPOSURE_TIME), or(e.maxIso(), ExposureStage.DEFAULT_MAX_ISO),
                or(e.electronsPerRadianceSecond(), ExposureStage.DEFAULT_ELECTRONS_PER_RADIANCE_SECOND),
                or(e.fullWellElectrons(), fullScaleElectrons));
    }

    private static Isp isp(IspStage i, Sensor sensor) {
        IspStage s = i != null ? i : new IspStage(null, null, null, null, null, null, null, null, null, null);
        String wb = s.whiteBalance() == null ? IspStage.WB_RESPONSE : s.whiteBalance();
        double[] gains = s.whiteBalanceGains() == null ? null : s.whiteBalanceGains().stream().mapToDouble(Double::doubleValue).toArray();
        double[] ccm = s.ccm() != null ? Matrix3.of(s.ccm()) : defaultCcm(sensor.response());
        return new Isp(wb, gains, s.demosaic() == null ? IspStage.MALVAR : s.demosaic(), ccm, or(s.gamma(), 0),
                IspStage.TONE_S_CURVE.equals(s.toneCurve()), or(s.contrast(), IspStage.DEFAULT_CONTRAST), or(s.sharpen(), 0),
                or(s.sharpenRadius(), IspStage.DEFAULT_SHARPEN_RADIUS), s.jpegQuality());
    }

    /**
     * The calibrated correction for a colour response M: camera RGB c = M s and white balance W (the
     * gains that make M's response to white neutral) give s = M⁻¹ W⁻¹ (W c); its rows are then
     * scaled to sum to 1 so that a white-balanced neutral stays neutral at the same level.
     */
    static double[] defaultCcm(double[] response) {
        double[] white = Matrix3.rowSums(response);
        double[] unbalance = new double[9];
        for (int c = 0; c < 3; c++) {
            unbalance[c * 4] = white[c] / white[1];
        }
        return Matrix3.normaliseRows(multiply(Matrix3.inverse(response), unbalance));
    }

    /** The response white balance: gains that bring M's response to white to green's level. */
    static double[] responseGains(double[] response) {
        double[] white = Matrix3.rowSums(response);
        return new double[] {white[1] / white[0], 1, white[1] / white[2]};
    }

    private static double[] multiply(double[] l, double[] r) {
        double[] out = new double[9];
        for (int i = 0; i < 3; i++) {
            for (int j = 0; j < 3; j++) {
                out[i * 3 + j] = l[i * 3] * r[j] + l[i * 3 + 1] * r[3 + j] + l[i * 3 + 2] * r[6 + j];
            }
        }
        return out;
    }

    private static double or(Double v, double fallback) {
        return v == null ? fallback : v;
    }
}
