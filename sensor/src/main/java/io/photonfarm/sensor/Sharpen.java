package io.photonfarm.sensor;

import io.photonfarm.image.FloatImage;

/**
 * Unsharp masking on display values: v + amount × (v - G_σ * v), clipped to [0, 1], with a
 * separable Gaussian of standard deviation σ truncated at 3σ and mirrored at the borders. Camera
 * ISPs sharpen late, on encoded values; overshoot halos at edges are part of the look.
 */
final class Sharpen {
    private Sharpen() {
    }

    static FloatImage apply(FloatImage img, double amount, double sigma) {
        float[] kernel = kernel(sigma);
        int radius = kernel.length / 2;
        int w = img.width();
        int h = img.height();
        int ch = img.channels();
        float[] in = img.data();
        float[] across = new float[in.length];
        Rows.forEach(h, y -> {
            for (int x = 0; x < w; x++) {
                for (int c = 0; c < ch; c++) {
                    float s = 0;
                    for (int k = -radius; k <= radius; k++) {
                        s += kernel[k + radius] * in[(y * w + inside(x + k, w)) * ch + c];
                    }
                    across[(y * w + x) * ch + c] = s;
                }
            }
        });
        float[] out = new float[in.length];
        Rows.forEach(h, y -> {
            for (int x = 0; x < w; x++) {
                for (int c = 0; c < ch; c++) {
                    float blur = 0;
                    for (int k = -radius; k <= radius; k++) {
                        blur += kernel[k + radius] * across[(inside(y + k, h) * w + x) * ch + c];
                    }
                    int i = (y * w + x) * ch + c;
                    double v = in[i] + amount * (in[i] - blur);
                    out[i] = (float) Math.max(0, Math.min(1, v));
                }
            }
        });
        return new FloatImage(w, h, ch, out);
    }

    /** The index itself when inside 0..n-1 (the common case, no division), else mirrored. */
    private static int inside(int i, int n) {
        return i >= 0 && i < n ? i : Demosaic.mirror(i, n);
    }

    private static float[] kernel(double sigma) {
        int radius = Math.max(1, (int) Math.ceil(3 * sigma));
        float[] k = new float[2 * radius + 1];
        double sum = 0;
        double[] raw = new double[k.length];
        for (int i = -radius; i <= radius; i++) {
            raw[i + radius] = StrictMath.exp(-0.5 * i * i / (sigma * sigma));
            sum += raw[i + radius];
        }
        for (int i = 0; i < k.length; i++) {
            k[i] = (float) (raw[i] / sum);
        }
        return k;
    }
}
