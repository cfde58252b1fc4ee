package io.photonfarm.image;

import java.io.ByteArrayOutputStream;
import java.nio.charset.StandardCharsets;

/** Radiance RGBE files assembled byte by byte for the tests. */
final class HdrFiles {
    private HdrFiles() {
    }

    static byte[] file(String headerAndResolution, int... pixelBytes) {
        ByteArrayOutputStream out = new ByteArrayOutputStream();
        out.writeBytes(headerAndResolution.getBytes(StandardCharsets.US_ASCII));
        for (int b : pixelBytes) {
            out.write(b);
        }
        return out.toByteArray();
    }

    static String header(String resolution) {
        return "#?RADIANCE\n# made by a test\nFORMAT=32-bit_rle_rgbe\nEXPOSURE=1.0\n\n" + resolution + "\n";
    }

    /** The decoding rule under test: mantissa * 2^(exponent - 136), exponent 0 is black. */
    static float rgbe(int mantissa, int exponent) {
        return exponent == 0 ? 0f : (float) (mantissa * Math.pow(2, exponent - 136));
    }
}
