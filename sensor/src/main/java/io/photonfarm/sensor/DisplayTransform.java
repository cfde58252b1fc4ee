package io.photonfarm.sensor;

import io.photonfarm.image.FloatImage;

/**
 * From white-balanced linear camera RGB to display values in [0, 1]: the colour correction matrix,
 * clipping, the transfer function (sRGB or a power law) and the tone curve. Immutable; its lookup
 * table is built once per pipeline.
 */
final class DisplayTransform {
    /** Table entries over sqrt(x): dense near black, where power laws are steep. */
    private static final int LUT_SIZE = 4096;

    private final double[] ccm;
    private final boolean sCurve;
    private final double contrast;
    private final float[] lut;

    /**
     * @param ccm      row-major, or null for none (monochrome)
     * @param gamma    0 for the sRGB curve, else the exponent of v = x^(1/gamma)
     * @param sCurve   whether to apply the s-curve
     * @param contrast its strength, 0..1
     */
    DisplayTransform(double[] ccm, double gamma, boolean sCurve, double contrast) {
        this.ccm = ccm == null ? null : ccm.clone();
        this.sCurve = sCurve;
        this.contrast = contrast;
        this.lut = new float[LUT_SIZE + 2];
        for (int i = 0; i <= LUT_SIZE; i++) {
            double t = (double) i / LUT_SIZE;
            lut[i] = (float) transfer(t * t, gamma);
        }
        lut[LUT_SIZE + 1] = lut[LUT_SIZE];
    }

    /** The transfer function, exactly: IEC 61966-2-1 when gamma is 0, else a pure power law. */
    static double transfer(double x, double gamma) {
        if (gamma > 0) {
            return StrictMath.pow(x, 1 / gamma);
        }
        return x <= 0.0031308 ? 12.92 * x : 1.055 * StrictMath.pow(x, 1 / 2.4) - 0.055;
    }

    /** Transforms {@code linear} (3 channels with a ccm, or 1 without) into a new display image. */
    FloatImage apply(FloatImage linear) {
        int w = linear.width();
        int channels = linear.channels();
        float[] in = linear.data();
        float[] out = new float[in.length];
        Rows.forEach(linear.height(), y -> {
            for (int i = y * w * channels, end = i + w * channels; i < end; i += channels) {
                if (ccm != null) {
                    double r = in[i];
                    double g = in[i + 1];
                    double b = in[i + 2];
                    out[i] = display(ccm[0] * r + ccm[1] * g + ccm[2] * b);
                    out[i + 1] = display(ccm[3] * r + ccm[4] * g + ccm[5] * b);
                    out[i + 2] = display(ccm[6] * r + ccm[7] * g + ccm[8] * b);
                } else {
                    for (int c = 0; c < channels; c++) {
                        out[i + c] = display(in[i + c]);
                    }
                }
            }
        });
        return new FloatImage(w, linear.height(), channels, out);
    }

    private float display(double linear) {
        if (!(linear > 0)) {
            return sCurve ? (float) tone(0) : 0f;
        }
        double t = Math.sqrt(Math.min(linear, 1)) * LUT_SIZE;
        int k = (int) t;
        double f = t - k;
        double v = lut[k] + (lut[k + 1] - lut[k]) * f;
        return (float) (sCurve ? tone(v) : v);
    }

    /** The s-curve on an encoded value: a blend towards smoothstep, monotonic for contrast in [0, 1]. */
    private double tone(double v) {
        return (1 - contrast) * v + contrast * v * v * (3 - 2 * v);
    }
}
