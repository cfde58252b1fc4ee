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
        int rowLength = w * ch;
        float[] in = img.data();
        float[] across = new float[in.length];
        Rows.forEach(h, y -> {
            // The row with mirrored margins, so the filter loop runs without bounds logic.
            float[] padded = new float[(w + 2 * radius) * ch];
            for (int x = -radius; x < w + radius; x++) {
                System.arraycopy(in, y * rowLength + inside(x, w) * ch, padded, (x + radius) * ch, ch);
            }
            int base = y * rowLength;
            for (int k = 0; k < kernel.length; k++) {
                float weight = kernel[k];
                int from = k * ch;
                for (int i = 0; i < rowLength; i++) {
                    across[base + i] += weight * padded[from + i];
                }
            }
        });
        float[] out = new float[in.length];
        Rows.forEach(h, y -> {
            float[] blur = new float[rowLength];
            for (int k = -radius; k <= radius; k++) {
                float weight = kernel[k + radius];
                int from = inside(y + k, h) * rowLength;
                for (int i = 0; i < rowLength; i++) {
                    blur[i] += weight * across[from + i];
                }
            }
            int base = y * rowLength;
            for (int i = 0; i < rowLength; i++) {
                double v = in[base + i] + amount * (in[base + i] - blur[i]);
                out[base + i] = (float) Math.max(0, Math.min(1, v));
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
