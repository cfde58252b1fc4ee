package io.photonfarm.sensor;

import io.photonfarm.image.FloatImage;
import java.util.Locale;

/**
 * A Bayer colour filter array, named by its 2x2 tile read from the top-left pixel along the first
 * row, then the second (RGGB: red at (0, 0), green at (1, 0) and (0, 1), blue at (1, 1)).
 */
enum CfaPattern {
    RGGB(0, 1, 1, 2), BGGR(2, 1, 1, 0), GRBG(1, 0, 2, 1), GBRG(1, 2, 0, 1);

    static final int RED = 0;
    static final int GREEN = 1;
    static final int BLUE = 2;

    /** The channel (0 red, 1 green, 2 blue) at tile position (x & 1) + 2 (y & 1). */
    private final int[] tile;

    CfaPattern(int c00, int c10, int c01, int c11) {
        this.tile = new int[] {c00, c10, c01, c11};
    }

    /** The colour channel the filter over pixel (x, y) passes: 0 red, 1 green, 2 blue. */
    int channelAt(int x, int y) {
        return tile[(x & 1) | ((y & 1) << 1)];
    }

    static CfaPattern parse(String name) {
        return valueOf(name.toUpperCase(Locale.ROOT));
    }

    /** Samples an RGB image through the filters: each pixel keeps its filter's channel. */
    float[] mosaic(FloatImage rgb) {
        int w = rgb.width();
        float[] out = new float[w * rgb.height()];
        float[] in = rgb.data();
        for (int y = 0; y < rgb.height(); y++) {
            for (int x = 0; x < w; x++) {
                out[y * w + x] = in[(y * w + x) * 3 + channelAt(x, y)];
            }
        }
        return out;
    }
}
