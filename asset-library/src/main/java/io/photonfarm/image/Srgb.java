package io.photonfarm.image;

/** The sRGB transfer function of IEC 61966-2-1 and 8-bit quantisation of display values. */
final class Srgb {
    private Srgb() {
    }

    /**
     * Encodes linear light into an 8-bit sRGB code value: clamps to [0, 1] (NaN counts as 0),
     * applies the piecewise sRGB curve (linear segment 12.92 x up to 0.0031308, then
     * 1.055 x^(1/2.4) - 0.055) and rounds to the nearest code.
     */
    static int encode8(float linear) {
        if (!(linear > 0f)) {
            return 0;
        }
        if (linear >= 1f) {
            return 255;
        }
        double x = linear;
        double v = x <= 0.0031308 ? 12.92 * x : 1.055 * Math.pow(x, 1.0 / 2.4) - 0.055;
        return (int) Math.floor(v * 255.0 + 0.5);
    }

    /** Quantises a value that is stored linearly (alpha): clamp to [0, 1], NaN as 0, round to nearest. */
    static int linear8(float value) {
        if (!(value > 0f)) {
            return 0;
        }
        if (value >= 1f) {
            return 255;
        }
        return (int) Math.floor(value * 255.0 + 0.5);
    }
}
