package io.photonfarm.refine;

import io.photonfarm.image.FloatImage;
import java.util.stream.IntStream;

/**
 * Resampling with a triangle (tent) filter widened by the reduction factor when shrinking, so a
 * photograph brought down to a frame's size averages its pixels instead of aliasing its texture
 * into the low frequencies that Fourier domain adaptation copies.
 */
final class Resize {
    private Resize() {
    }

    /**
     * {@code src} cropped about its centre to the aspect ratio of {@code width x height} and resampled
     * to exactly that size (the crop keeps the photo's spectrum undistorted, where stretching would
     * not). Channels are kept; rows are computed in parallel.
     */
    static FloatImage cover(FloatImage src, int width, int height) {
        double scale = Math.min((double) src.width() / width, (double) src.height() / height);
        double cropW = width * scale;
        double cropH = height * scale;
        double x0 = (src.width() - cropW) / 2;
        double y0 = (src.height() - cropH) / 2;
        return resample(src, x0, y0, cropW, cropH, width, height);
    }

    /** {@code src} resampled whole to {@code width x height} (aspect ratio not kept). */
    static FloatImage stretch(FloatImage src, int width, int height) {
        return resample(src, 0, 0, src.width(), src.height(), width, height);
    }

    private static FloatImage resample(FloatImage src, double x0, double y0, double cropW, double cropH, int width, int height) {
        int c = src.channels();
        Taps horizontal = Taps.of(x0, cropW, width, src.width());
        Taps vertical = Taps.of(y0, cropH, height, src.height());
        float[] in = src.data();
        int sw = src.width();
        // Horizontal pass over the source rows the vertical taps touch, then the vertical pass.
        float[] mid = new float[src.height() * width * c];
        IntStream.range(0, src.height()).parallel().forEach(y -> {
            for (int x = 0; x < width; x++) {
                int first = horizontal.first[x];
                for (int ch = 0; ch < c; ch++) {
                    double sum = 0;
                    for (int t = 0; t < horizontal.count; t++) {
                        sum += horizontal.weights[x * horizontal.count + t] * in[(y * sw + first + t) * c + ch];
                    }
                    mid[(y * width + x) * c + ch] = (float) sum;
                }
            }
        });
        float[] out = new float[width * height * c];
        IntStream.range(0, height).parallel().forEach(y -> {
            int first = vertical.first[y];
            for (int x = 0; x < width; x++) {
                for (int ch = 0; ch < c; ch++) {
                    double sum = 0;
                    for (int t = 0; t < vertical.count; t++) {
                        sum += vertical.weights[y * vertical.count + t] * mid[((first + t) * width + x) * c + ch];
                    }
                    out[(y * width + x) * c + ch] = (float) sum;
                }
            }
        });
        return new FloatImage(width, height, c, out);
    }

    /**
     * For each output coordinate, {@code count} consecutive source indices from {@code first} and
     * their normalised weights; indices outside the source repeat the edge (folded into the
     * weights, so {@code first + t} always lies inside).
     */
    private record Taps(int[] first, double[] weights, int count) {
        static Taps of(double origin, double span, int outSize, int srcSize) {
            double step = span / outSize;
            double radius = Math.max(1.0, step);
            int count = Math.min(srcSize, (int) Math.ceil(2 * radius) + 2);
            int[] first = new int[outSize];
            double[] weights = new double[outSize * count];
            for (int o = 0; o < outSize; o++) {
                double centre = origin + (o + 0.5) * step - 0.5;
                int lo = (int) Math.floor(centre - radius) + 1;
                int start = Math.max(0, Math.min(srcSize - count, lo));
                first[o] = start;
                double total = 0;
                for (int s = lo; s < lo + (int) Math.ceil(2 * radius) + 1; s++) {
                    double w = 1 - Math.abs(s - centre) / radius;
                    if (w <= 0) {
                        continue;
                    }
                    int clamped = Math.max(0, Math.min(srcSize - 1, s));
                    weights[o * count + clamped - start] += w;
                    total += w;
                }
                for (int t = 0; t < count; t++) {
                    weights[o * count + t] /= total;
                }
            }
            return new Taps(first, weights, count);
        }
    }
}
