package io.photonfarm.sensor;

import io.photonfarm.api.camera.IspStage;
import io.photonfarm.image.FloatImage;

/**
 * Reconstructs full colour from a Bayer mosaic. Borders mirror the mosaic about its edge pixels
 * (index -1 reads 1), which keeps every neighbour's filter colour where the pattern says it is.
 */
sealed interface Demosaic permits MalvarHeCutler, BilinearDemosaic {

    /**
     * @param mosaic one value per pixel, row-major, as the filters of {@code cfa} sampled them
     * @return 3 channels, RGB
     */
    FloatImage apply(float[] mosaic, int width, int height, CfaPattern cfa);

    static Demosaic named(String name) {
        return switch (name) {
            case IspStage.MALVAR -> new MalvarHeCutler();
            case IspStage.BILINEAR -> new BilinearDemosaic();
            default -> throw new IllegalArgumentException("unknown demosaic " + name);
        };
    }

    /** The mosaic with a border of {@code border} mirrored pixels on every side, row-major. */
    static float[] pad(float[] mosaic, int w, int h, int border) {
        int pw = w + 2 * border;
        float[] out = new float[pw * (h + 2 * border)];
        for (int y = -border; y < h + border; y++) {
            int sy = mirror(y, h);
            for (int x = -border; x < w + border; x++) {
                out[(y + border) * pw + x + border] = mosaic[sy * w + mirror(x, w)];
            }
        }
        return out;
    }

    /** Mirrors an index about the edges 0 and n-1 (period 2(n-1)), keeping its parity when n is at least 2. */
    static int mirror(int i, int n) {
        if (n == 1) {
            return 0;
        }
        int period = 2 * (n - 1);
        int m = Math.floorMod(i, period);
        return m < n ? m : period - m;
    }
}
