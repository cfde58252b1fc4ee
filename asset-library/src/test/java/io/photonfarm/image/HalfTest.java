package io.photonfarm.image;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

import org.junit.jupiter.api.Test;

class HalfTest {

    @Test
    void knownHalfBitPatternsConvertToTheirExactValues() {
        assertEquals(1.0f, Half.toFloat(0x3C00));
        assertEquals(-2.0f, Half.toFloat(0xC000));
        assertEquals(65504.0f, Half.toFloat(0x7BFF), "largest finite half");
        assertEquals(5.9604644775390625e-8f, Half.toFloat(0x0001), "smallest subnormal is 2^-24");
        assertEquals(6.097555160522461e-5f, Half.toFloat(0x03FF), "largest subnormal is 1023 * 2^-24");
        assertEquals(6.103515625e-5f, Half.toFloat(0x0400), "smallest normal is 2^-14");
        assertEquals(0.333251953125f, Half.toFloat(0x3555));
        assertEquals(Float.POSITIVE_INFINITY, Half.toFloat(0x7C00));
        assertEquals(Float.NEGATIVE_INFINITY, Half.toFloat(0xFC00));
        assertEquals(0x80000000, Float.floatToRawIntBits(Half.toFloat(0x8000)), "negative zero keeps its sign");
        assertEquals(0, Float.floatToRawIntBits(Half.toFloat(0x0000)));
        assertTrue(Float.isNaN(Half.toFloat(0x7E00)));
        assertTrue(Float.isNaN(Half.toFloat(0xFC01)));
    }

    @Test
    void everyHalfMatchesTheBinary16Definition() {
        for (int bits = 0; bits < 0x10000; bits++) {
            int sign = bits >>> 15;
            int exponent = (bits >>> 10) & 0x1f;
            int fraction = bits & 0x3ff;
            float actual = Half.toFloat(bits);
            if (exponent == 0x1f) {
                assertEquals(fraction == 0, Float.isInfinite(actual), "bits " + Integer.toHexString(bits));
                assertEquals(fraction != 0, Float.isNaN(actual), "bits " + Integer.toHexString(bits));
                continue;
            }
            double magnitude = exponent == 0
                    ? fraction * Math.pow(2, -24)
                    : (1 + fraction / 1024.0) * Math.pow(2, exponent - 15);
            double expected = sign == 1 ? -magnitude : magnitude;
            assertEquals(expected, actual, 0.0, "bits " + Integer.toHexString(bits));
            assertEquals(sign == 1, (Float.floatToRawIntBits(actual) & 0x80000000) != 0, "sign of " + bits);
        }
    }

    @Test
    void bitsAboveTheLowSixteenAreIgnored() {
        // The reader passes ByteBuffer.getShort() results, which are sign-extended.
        assertEquals(-2.0f, Half.toFloat((short) 0xC000));
        assertEquals(65504.0f, Half.toFloat(0xFFFF7BFF));
    }
}
