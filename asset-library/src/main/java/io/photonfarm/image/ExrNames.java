package io.photonfarm.image;

import java.nio.charset.StandardCharsets;
import java.util.Arrays;

/** OpenEXR orders channels by name as C strings: unsigned byte-wise comparison of the UTF-8 bytes. */
final class ExrNames {
    private ExrNames() {
    }

    static int compare(String a, String b) {
        return Arrays.compareUnsigned(a.getBytes(StandardCharsets.UTF_8), b.getBytes(StandardCharsets.UTF_8));
    }
}
