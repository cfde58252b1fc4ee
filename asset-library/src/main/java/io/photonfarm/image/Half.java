package io.photonfarm.image;

/**
 * IEEE 754 binary16 ("half", OpenEXR's HALF pixel type): 1 sign bit, 5 exponent bits with bias 15,
 * 10 fraction bits. Java 17 has no conversion of its own (Float.float16ToFloat came in Java 20).
 */
final class Half {
    private Half() {
    }

    /**
     * Exact conversion: every half is representable as a float, including subnormals (fraction
     * times 2^-24), signed zeros, infinities and NaNs (whose payload is kept in the top fraction bits).
     *
     * @param bits the half's 16 bits in the low bits of {@code bits}; higher bits are ignored
     */
    static float toFloat(int bits) {
        int sign = (bits & 0x8000) << 16;
        int exponent = (bits >>> 10) & 0x1f;
        int fraction = bits & 0x3ff;
        if (exponent == 0) {
            // Zero or subnormal: fraction * 2^-24; the product is exact in float.
            float magnitude = fraction * 0x1p-24f;
            return Float.intBitsToFloat(sign | Float.floatToRawIntBits(magnitude));
        }
        if (exponent == 0x1f) {
            return Float.intBitsToFloat(sign | 0x7f800000 | fraction << 13);
        }
        // Normal: rebias the exponent from 15 to 127 and widen the fraction from 10 to 23 bits.
        return Float.intBitsToFloat(sign | (exponent + 127 - 15) << 23 | fraction << 13);
    }
}
