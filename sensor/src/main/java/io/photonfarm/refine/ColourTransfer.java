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
 * alone. The result is converted back to sRGB and clamped to [0, 1].
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
        int n = display.width() * display.height();
        int c = display.channels();
        float[] in = display.data();
        // Lab values are kept in double: float would round the moments of large frames.
        double[] lab = new double[n * c];
        IntStream.range(0, display.height()).parallel().forEach(y -> {
            double[] px = new double[3];
            for (int i = y * display.width(); i < (y + 1) * display.width(); i++) {
                if (c == 1) {
                    lab[i] = Colour.greyToLightness(Pixels.clamp01(in[i]));
                } else {
                    Colour.srgbToLab(Pixels.clamp01(in[i * 3]), Pixels.clamp01(in[i * 3 + 1]), Pixels.clamp01(in[i * 3 + 2]), px);
                    System.arraycopy(px, 0, lab, i * 3, 3);
                }
            }
        });
        double[] mean = new double[c];
        double[] var = new double[c];
        for (int i = 0; i < n; i++) {
            for (int ch = 0; ch < c; ch++) {
                mean[ch] += lab[i * c + ch];
            }
        }
        for (int ch = 0; ch < c; ch++) {
            mean[ch] /= n;
        }
        for (int i = 0; i < n; i++) {
            for (int ch = 0; ch < c; ch++) {
                double d = lab[i * c + ch] - mean[ch];
                var[ch] += d * d;
            }
        }
        double[] targetMean = target.labMean();
        double[] targetStd = target.labStdDev();
        double[] gain = new double[c];
        for (int ch = 0; ch < c; ch++) {
            double std = Math.sqrt(var[ch] / n);
            gain[ch] = std > 0 ? Math.min(MAX_GAIN, targetStd[ch] / std) : 1;
        }
        float[] out = new float[n * c];
        IntStream.range(0, display.height()).parallel().forEach(y -> {
            double[] rgb = new double[3];
            for (int i = y * display.width(); i < (y + 1) * display.width(); i++) {
                if (c == 1) {
                    out[i] = (float) Colour.lightnessToGrey(targetMean[0] + gain[0] * (lab[i] - mean[0]));
                    continue;
                }
                double l = targetMean[0] + gain[0] * (lab[i * 3] - mean[0]);
                double a = targetMean[1] + gain[1] * (lab[i * 3 + 1] - mean[1]);
                double b = targetMean[2] + gain[2] * (lab[i * 3 + 2] - mean[2]);
                Colour.labToSrgb(l, a, b, rgb);
                for (int k = 0; k < 3; k++) {
                    out[i * 3 + k] = (float) rgb[k];
                }
            }
        });
        return Pixels.blend(display, new FloatImage(display.width(), display.height(), c, out), strength);
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
