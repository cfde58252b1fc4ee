package io.photonfarm.scene.io;

import io.photonfarm.scene.Texture;

/**
 * Deterministic downscaling of sRGB RGBA8 textures: a box filter averaging in linear light (alpha
 * averaged as is), with integer source footprints and rounding that any JVM reproduces bit for bit,
 * so two machines scaling the same image get the same texels.
 */
public final class TextureScaling {
    private static final double[] LINEAR = new double[256];

    static {
        for (int i = 0; i < 256; i++) {
            double c = i / 255.0;
            LINEAR[i] = c <= 0.04045 ? c / 12.92 : StrictMath.pow((c + 0.055) / 1.055, 2.4);
        }
    }

    private TextureScaling() {
    }

    /**
     * {@code t} itself when its longest side is at most {@code maxSide} texels; else a copy scaled so
     * the longest side is {@code maxSide} (the other side rounded down, at least 1), each texel the
     * mean of the source texels its footprint covers.
     */
    public static Texture fit(Texture t, int maxSide) {
        if (maxSide < 1) {
            throw new IllegalArgumentException("maxSide must be >= 1, was " + maxSide);
        }
        int longest = Math.max(t.width(), t.height());
        if (longest <= maxSide) {
            return t;
        }
        int w = (int) Math.max(1, (long) t.width() * maxSide / longest);
        int h = (int) Math.max(1, (long) t.height() * maxSide / longest);
        byte[] src = t.rgba();
        byte[] out = new byte[w * h * 4];
        for (int y = 0; y < h; y++) {
            int y0 = (int) ((long) y * t.height() / h);
            int y1 = Math.max(y0 + 1, (int) ((long) (y + 1) * t.height() / h));
            for (int x = 0; x < w; x++) {
                int x0 = (int) ((long) x * t.width() / w);
                int x1 = Math.max(x0 + 1, (int) ((long) (x + 1) * t.width() / w));
                double r = 0;
                double g = 0;
                double b = 0;
                long a = 0;
                for (int sy = y0; sy < y1; sy++) {
                    int row = sy * t.width();
                    for (int sx = x0; sx < x1; sx++) {
                        int o = (row + sx) * 4;
                        r += LINEAR[src[o] & 0xFF];
                        g += LINEAR[src[o + 1] & 0xFF];
                        b += LINEAR[src[o + 2] & 0xFF];
                        a += src[o + 3] & 0xFF;
                    }
                }
                int n = (y1 - y0) * (x1 - x0);
                int o = (y * w + x) * 4;
                out[o] = srgb(r / n);
                out[o + 1] = srgb(g / n);
                out[o + 2] = srgb(b / n);
                out[o + 3] = (byte) ((a + n / 2) / n);
            }
        }
        return new Texture(t.name(), w, h, out);
    }

    /** The 8-bit sRGB code of a linear value in [0, 1], rounded to nearest. */
    static byte srgb(double linear) {
        double c = linear <= 0.0031308 ? linear * 12.92 : 1.055 * StrictMath.pow(linear, 1 / 2.4) - 0.055;
        return (byte) Math.max(0, Math.min(255, (int) Math.floor(c * 255 + 0.5)));
    }
}
