package io.photonfarm.refine;

/**
 * Colour conversions of display-referred sRGB values (IEC 61966-2-1 primaries and D65 white): to
 * linear light, to CIE XYZ and to CIELAB (CIE 15:2004), and Rec. 709 luma of encoded values.
 */
final class Colour {
    /** D65 reference white of CIELAB, Y = 1. */
    private static final double XN = 0.95047;
    private static final double ZN = 1.08883;
    private static final double DELTA = 6.0 / 29.0;
    /** Steps of the decoding table over [0, 1]: linear interpolation between them is off by under 1e-7. */
    private static final int DECODE_STEPS = 4096;
    private static final double[] DECODE = decodeTable();

    private Colour() {
    }

    /** The sRGB decoding curve: encoded value in [0, 1] to linear light. */
    static double toLinear(double v) {
        return v <= 0.04045 ? v / 12.92 : Math.pow((v + 0.055) / 1.055, 2.4);
    }

    /** {@link #toLinear} of a value in [0, 1] (clamped), from a table: the curve is smooth enough to interpolate. */
    static double toLinearFast(double v) {
        double t = (v > 0 ? Math.min(1.0, v) : 0.0) * DECODE_STEPS;
        int i = Math.min(DECODE_STEPS - 1, (int) t);
        double f = t - i;
        return DECODE[i] + f * (DECODE[i + 1] - DECODE[i]);
    }

    private static double[] decodeTable() {
        double[] t = new double[DECODE_STEPS + 1];
        for (int i = 0; i <= DECODE_STEPS; i++) {
            t[i] = toLinear((double) i / DECODE_STEPS);
        }
        return t;
    }

    /** The sRGB encoding curve: linear light (clamped to [0, 1]) to an encoded value. */
    static double toDisplay(double linear) {
        if (!(linear > 0)) {
            return 0;
        }
        if (linear >= 1) {
            return 1;
        }
        return linear <= 0.0031308 ? 12.92 * linear : 1.055 * Math.pow(linear, 1 / 2.4) - 0.055;
    }

    /** Rec. 709 luma of encoded R', G', B' (what a grey frame is compared with). */
    static double luma(double r, double g, double b) {
        return 0.2126 * r + 0.7152 * g + 0.0722 * b;
    }

    /** Encoded sRGB in [0, 1] (clamped) to CIELAB {L* in [0, 100], a*, b*}, written to {@code lab}. */
    static void srgbToLab(double r, double g, double b, double[] lab) {
        double lr = toLinearFast(r);
        double lg = toLinearFast(g);
        double lb = toLinearFast(b);
        double x = (0.4124564 * lr + 0.3575761 * lg + 0.1804375 * lb) / XN;
        double y = 0.2126729 * lr + 0.7151522 * lg + 0.0721750 * lb;
        double z = (0.0193339 * lr + 0.1191920 * lg + 0.9503041 * lb) / ZN;
        double fx = f(x);
        double fy = f(y);
        double fz = f(z);
        lab[0] = 116 * fy - 16;
        lab[1] = 500 * (fx - fy);
        lab[2] = 200 * (fy - fz);
    }

    /** CIELAB to encoded sRGB, each channel clamped to [0, 1], written to {@code rgb}. */
    static void labToSrgb(double l, double a, double bStar, double[] rgb) {
        double fy = (l + 16) / 116;
        double x = XN * fInverse(fy + a / 500);
        double y = fInverse(fy);
        double z = ZN * fInverse(fy - bStar / 200);
        rgb[0] = toDisplay(3.2404542 * x - 1.5371385 * y - 0.4985314 * z);
        rgb[1] = toDisplay(-0.9692660 * x + 1.8760108 * y + 0.0415560 * z);
        rgb[2] = toDisplay(0.0556434 * x - 0.2040259 * y + 1.0572252 * z);
    }

    /** L* of an encoded grey value in [0, 1] (clamped; its luminance is its linear value). */
    static double greyToLightness(double v) {
        return 116 * f(toLinearFast(v)) - 16;
    }

    /** The encoded grey value of lightness L*, clamped to [0, 1]. */
    static double lightnessToGrey(double l) {
        return toDisplay(fInverse((l + 16) / 116));
    }

    private static double f(double t) {
        return t > DELTA * DELTA * DELTA ? Math.cbrt(t) : t / (3 * DELTA * DELTA) + 4.0 / 29.0;
    }

    private static double fInverse(double u) {
        return u > DELTA ? u * u * u : 3 * DELTA * DELTA * (u - 4.0 / 29.0);
    }
}
