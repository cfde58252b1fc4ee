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
        FloatImage out = fromLab(lab, display, source[0], gain, aim);
        // Colours pushed out of the sRGB gamut are clamped back, which pulls the moments off the
        // target's (by about a unit of b* for a yellowish set); one correction step aims past them.
        double[][] reached = moments(toLab(out), c);
        for (int ch = 0; ch < c; ch++) {
            aim[ch] += targetMean[ch] - reached[0][ch];
            if (reached[1][ch] > 0) {
                gain[ch] = Math.min(MAX_GAIN, gain[ch] * targetStd[ch] / reached[1][ch]);
            }
        }
        out = fromLab(lab, display, source[0], gain, aim);
        return Pixels.blend(display, out, strength);
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
