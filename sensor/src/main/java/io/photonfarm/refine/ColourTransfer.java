package io.photonfarm.refine;

import io.photonfarm.api.camera.RefinerSpec;
import io.photonfarm.image.FloatImage;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.stream.IntStream;

/**
 * Colour transfer (E. Reinhard, M. Ashikhmin, B. Gooch and P. Shirley, "Color Transfer between
 * Images", IEEE CG&amp;A 2001): each channel of the frame is shifted and scaled so that its mean and
 * standard deviation become the target set's pooled ones. The working space is CIELAB rather than
 * the paper's l-alpha-beta: both decorrelate lightness from the two opponent colour axes, but
 * l-alpha-beta takes the logarithm of linear cone responses, which sends black pixels (common in
 * renderings) towards minus infinity and lets them dominate the deviations. Grey frames match L*
 * alone. The result is converted back to sRGB and clamped to [0, 1]; one correction step makes up
 * for what clamping out-of-gamut colours costs the moments.
 */
public final class ColourTransfer implements Refiner {
    /**
     * Largest scale applied to a channel: a nearly flat channel (a rendering's a* over a grey scene)
     * would otherwise be stretched into amplified noise.
     */
    static final double MAX_GAIN = 10;

    private final TargetDomain target;
    private final double strength;
    private volatile boolean closed;

    ColourTransfer(TargetDomain target, double strength) {
        this.target = target;
        this.strength = strength;
    }

    @Override
    public String kind() {
        return RefinerSpec.REINHARD;
    }

    @Override
    public FloatImage refine(FloatImage display, long jobSeed, int frame) {
        if (closed) {
            throw new IllegalStateException("colour transfer refiner is closed");
        }
        Pixels.checkChannels(kind(), display);
        int c = display.channels();
        double[] lab = toLab(display);
        double[][] source = moments(lab, c);
        double[] targetMean = target.labMean();
        double[] targetStd = target.labStdDev();
        double[] aim = targetMean.clone();
        double[] gain = new double[c];
        for (int ch = 0; ch < c; ch++) {
            gain[ch] = source[1][ch] > 0 ? Math.min(MAX_GAIN, targetStd[ch] / source[1][ch]) : 1;
        }
        // Colours pushed out of the sRGB gamut are clamped back, which pulls the moments off the
        // target's (by about a unit of b* for a yellowish set); one correction step aims past them.
        double[][] clamping = clampingEffect(lab, display, source[0], gain, aim);
        for (int ch = 0; ch < c; ch++) {
            aim[ch] -= clamping[0][ch];
            gain[ch] = Math.min(MAX_GAIN, gain[ch] / clamping[1][ch]);
        }
        return Pixels.blend(display, fromLab(lab, display, source[0], gain, aim), strength);
    }

    /** Pixels per side between the samples {@link #clampingEffect} takes: about 2^16 samples in all. */
    private static int sampleStep(FloatImage img) {
        return Math.max(1, (int) Math.sqrt((double) img.width() * img.height() / 65536));
    }

    /**
     * What clamping to sRGB does to the mapped moments, per channel: {mean shift, deviation ratio},
     * measured on a regular grid of pixels as the difference between the mapped values and those
     * values after the round trip through clamped sRGB (the same pixels on both sides, so the
     * sampling error cancels).
     */
    private static double[][] clampingEffect(double[] lab, FloatImage shape, double[] mean, double[] gain, double[] aim) {
        int c = shape.channels();
        int step = sampleStep(shape);
        int rows = (shape.height() + step - 1) / step;
        // Per sampled row: sums of mapped, mapped^2, clamped, clamped^2 per channel; added in row order.
        double[][] sums = new double[rows][];
        IntStream.range(0, rows).parallel().forEach(r -> {
            double[] s = new double[4 * c];
            double[] rgb = new double[3];
            double[] back = new double[3];
            double[] mapped = new double[c];
            int y = r * step;
            for (int x = 0; x < shape.width(); x += step) {
                int i = y * shape.width() + x;
                for (int ch = 0; ch < c; ch++) {
                    mapped[ch] = aim[ch] + gain[ch] * (lab[i * c + ch] - mean[ch]);
                }
                if (c == 1) {
                    back[0] = Colour.greyToLightness(Colour.lightnessToGrey(mapped[0]));
                } else {
                    Colour.labToSrgb(mapped[0], mapped[1], mapped[2], rgb);
                    Colour.srgbToLab(rgb[0], rgb[1], rgb[2], back);
                }
                for (int ch = 0; ch < c; ch++) {
                    s[ch] += mapped[ch];
                    s[c + ch] += mapped[ch] * mapped[ch];
                    s[2 * c + ch] += back[ch];
                    s[3 * c + ch] += back[ch] * back[ch];
                }
            }
            sums[r] = s;
        });
        double[] total = new double[4 * c];
        long n = 0;
        for (int r = 0; r < rows; r++) {
            for (int k = 0; k < total.length; k++) {
                total[k] += sums[r][k];
            }
            n += (shape.width() + step - 1) / step;
        }
        double[][] effect = new double[2][c];
        for (int ch = 0; ch < c; ch++) {
            double m1 = total[ch] / n;
            double m2 = total[2 * c + ch] / n;
            double sd1 = Math.sqrt(Math.max(0, total[c + ch] / n - m1 * m1));
            double sd2 = Math.sqrt(Math.max(0, total[3 * c + ch] / n - m2 * m2));
            effect[0][ch] = m2 - m1;
            effect[1][ch] = sd1 > 0 && sd2 > 0 ? sd2 / sd1 : 1;
        }
        return effect;
    }

    /** CIELAB (or L* alone for grey) of every pixel, interleaved as the image is; rows in parallel. */
    private static double[] toLab(FloatImage img) {
        int w = img.width();
        int c = img.channels();
        float[] in = img.data();
        // Lab values are kept in double: float would round the moments of large frames.
        double[] lab = new double[in.length];
        IntStream.range(0, img.height()).parallel().forEach(y -> {
            double[] px = new double[3];
            for (int i = y * w; i < (y + 1) * w; i++) {
                if (c == 1) {
                    lab[i] = Colour.greyToLightness(Pixels.clamp01(in[i]));
                } else {
                    Colour.srgbToLab(Pixels.clamp01(in[i * 3]), Pixels.clamp01(in[i * 3 + 1]), Pixels.clamp01(in[i * 3 + 2]), px);
                    System.arraycopy(px, 0, lab, i * 3, 3);
                }
            }
        });
        return lab;
    }

    /** {means, standard deviations} per channel of interleaved values. */
    private static double[][] moments(double[] values, int c) {
        int n = values.length / c;
        double[][] m = new double[2][c];
        for (int i = 0; i < values.length; i++) {
            m[0][i % c] += values[i];
        }
        for (int ch = 0; ch < c; ch++) {
            m[0][ch] /= n;
        }
        for (int i = 0; i < values.length; i++) {
            double d = values[i] - m[0][i % c];
            m[1][i % c] += d * d;
        }
        for (int ch = 0; ch < c; ch++) {
            m[1][ch] = Math.sqrt(m[1][ch] / n);
        }
        return m;
    }

    /** The image whose Lab values are {@code aim + gain * (lab - mean)}, back in sRGB and clamped. */
    private static FloatImage fromLab(double[] lab, FloatImage shape, double[] mean, double[] gain, double[] aim) {
        int w = shape.width();
        int c = shape.channels();
        float[] out = new float[lab.length];
        IntStream.range(0, shape.height()).parallel().forEach(y -> {
            double[] rgb = new double[3];
            for (int i = y * w; i < (y + 1) * w; i++) {
                if (c == 1) {
                    out[i] = (float) Colour.lightnessToGrey(aim[0] + gain[0] * (lab[i] - mean[0]));
                    continue;
                }
                double l = aim[0] + gain[0] * (lab[i * 3] - mean[0]);
                double a = aim[1] + gain[1] * (lab[i * 3 + 1] - mean[1]);
                double b = aim[2] + gain[2] * (lab[i * 3 + 2] - mean[2]);
                Colour.labToSrgb(l, a, b, rgb);
                for (int k = 0; k < 3; k++) {
                    out[i * 3 + k] = (float) rgb[k];
                }
            }
        });
        return new FloatImage(w, shape.height(), c, out);
    }

    @Override
    public Map<String, Object> parameters(long jobSeed, int frame) {
        Map<String, Object> p = new LinkedHashMap<>();
        p.put("kind", kind());
        p.put("space", "CIELAB");
        p.put("strength", strength);
        p.put("targetMean", List.of(target.labMean()[0], target.labMean()[1], target.labMean()[2]));
        p.put("targetStdDev", List.of(target.labStdDev()[0], target.labStdDev()[1], target.labStdDev()[2]));
        return p;
    }

    @Override
    public void close() {
        closed = true;
    }
}
