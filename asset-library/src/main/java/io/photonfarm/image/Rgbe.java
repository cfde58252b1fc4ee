package io.photonfarm.image;

/**
 * Radiance's shared-exponent colour encoding: three 8-bit mantissas and one 8-bit exponent.
 *
 * <p>Decoding uses {@code value = mantissa * 2^(exponent - 136)} (that is, mantissa / 256 times
 * 2^(exponent - 128)), and exponent 0 means black. This is the convention of most HDR readers;
 * Radiance's own {@code colr_color} adds 0.5 to the mantissa (the centre of the quantisation step),
 * which differs by at most half a step but would turn a zero mantissa into a small positive value.
 */
final class Rgbe {
    private Rgbe() {
    }

    /**
     * @param mantissa 0..255
     * @param exponent 0..255, biased by 128; 0 encodes zero for all three components
     */
    static float toFloat(int mantissa, int exponent) {
        if (exponent == 0) {
            return 0f;
        }
        return Math.scalb((float) mantissa, exponent - 136);
    }
}
