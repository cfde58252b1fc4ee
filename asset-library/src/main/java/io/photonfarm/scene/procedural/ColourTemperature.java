package io.photonfarm.scene.procedural;

import io.photonfarm.scene.Rgb;

/**
 * The colour of a black body at a temperature, as linear Rec. 709 RGB with luminance 1. Planck's law
 * is integrated against the CIE 1931 2-degree colour matching functions in the multi-lobe Gaussian
 * fit of Wyman, Sloan and Shirley, "Simple Analytic Approximations to the CIE XYZ Color Matching
 * Functions" (JCGT 2013), 380-780 nm in 1 nm steps; XYZ to linear sRGB with the standard matrix.
 * Negative components (outside the sRGB gamut, below about 1,600 K) are clamped to 0.
 */
public final class ColourTemperature {
    /** Lowest temperature accepted, kelvin. */
    public static final double MIN_KELVIN = 1000;
    /** Highest temperature accepted, kelvin. */
    public static final double MAX_KELVIN = 40000;

    private ColourTemperature() {
    }

    public static Rgb of(double kelvin) {
        if (!(kelvin >= MIN_KELVIN && kelvin <= MAX_KELVIN)) {
            throw new IllegalArgumentException("colour temperature " + kelvin + " K outside " + MIN_KELVIN + ".." + MAX_KELVIN);
        }
        double x = 0;
        double y = 0;
        double z = 0;
        for (int nm = 380; nm <= 780; nm++) {
            double p = planck(nm * 1e-9, kelvin);
            x += p * xBar(nm);
            y += p * yBar(nm);
            z += p * zBar(nm);
        }
        double r = 3.2404542 * x - 1.5371385 * y - 0.4985314 * z;
        double g = -0.9692660 * x + 1.8760108 * y + 0.0415560 * z;
        double b = 0.0556434 * x - 0.2040259 * y + 1.0572252 * z;
        r = Math.max(0, r);
        g = Math.max(0, g);
        b = Math.max(0, b);
        double lum = 0.2126 * r + 0.7152 * g + 0.0722 * b;
        return new Rgb((float) (r / lum), (float) (g / lum), (float) (b / lum));
    }

    /** Spectral radiance of a black body, up to a constant factor (the result is normalised anyway). */
    private static double planck(double lambda, double kelvin) {
        double c2 = 1.4387769e-2; // h c / k, metre kelvin
        return 1.0 / (Math.pow(lambda, 5) * (Math.exp(c2 / (lambda * kelvin)) - 1));
    }

    private static double g(double x, double mu, double s1, double s2) {
        double t = (x - mu) / (x < mu ? s1 : s2);
        return Math.exp(-0.5 * t * t);
    }

    private static double xBar(double nm) {
        return 1.056 * g(nm, 599.8, 37.9, 31.0) + 0.362 * g(nm, 442.0, 16.0, 26.7) - 0.065 * g(nm, 501.1, 20.4, 26.2);
    }

    private static double yBar(double nm) {
        return 0.821 * g(nm, 568.8, 46.9, 40.5) + 0.286 * g(nm, 530.9, 16.3, 31.1);
    }

    private static double zBar(double nm) {
        return 1.217 * g(nm, 437.0, 11.8, 36.0) + 0.681 * g(nm, 459.0, 26.0, 13.8);
    }
}
