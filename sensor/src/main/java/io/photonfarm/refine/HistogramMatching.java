package io.photonfarm.refine;

import io.photonfarm.api.camera.RefinerSpec;
import io.photonfarm.image.FloatImage;
import java.util.LinkedHashMap;
import java.util.Map;
import java.util.stream.IntStream;

/**
 * Histogram matching: each channel of the frame is mapped through its own distribution and then
 * the inverse of the target set's pooled distribution of that channel (R', G' and B' for colour
 * frames, Rec. 709 luma for grey ones), so the frame's per-channel histograms become the target's.
 * Distributions are taken over {@link Cdf#BINS} bins and are linear within a bin, so the mapping is
 * a monotone piecewise-linear curve without banding. Pixels of one value all map to one value: a
 * frame of a few flat colours keeps its few colours, moved to where the target's quantiles are.
 */
public final class HistogramMatching implements Refiner {
    private final TargetDomain target;
    private final double strength;
    private volatile boolean closed;

    HistogramMatching(TargetDomain target, double strength) {
        this.target = target;
        this.strength = strength;
    }

    @Override
    public String kind() {
        return RefinerSpec.HISTOGRAM;
    }

    @Override
    public FloatImage refine(FloatImage display, long jobSeed, int frame) {
        if (closed) {
            throw new IllegalStateException("histogram matching refiner is closed");
        }
        Pixels.checkChannels(kind(), display);
        int c = display.channels();
        float[] in = display.data();
        float[] out = new float[in.length];
        IntStream.range(0, c).parallel().forEach(ch -> {
            double[] histogram = new double[Cdf.BINS];
            Cdf.add(in, ch, c, 1, histogram);
            Cdf source = Cdf.of(histogram);
            Cdf wanted = target.distribution(ch, c == 1);
            // The mapping at every bin edge, interpolated linearly in between (the source's distribution is linear there).
            double[] curve = new double[Cdf.BINS + 1];
            for (int i = 0; i <= Cdf.BINS; i++) {
                curve[i] = wanted.inverse(source.edge(i));
            }
            for (int i = ch; i < in.length; i += c) {
                float v = in[i];
                double t = (v > 0 ? Math.min(1.0, v) : 0.0) * Cdf.BINS;
                int k = Math.min(Cdf.BINS - 1, (int) t);
                double f = t - k;
                out[i] = (float) (curve[k] * (1 - f) + curve[k + 1] * f);
            }
        });
        return Pixels.blend(display, new FloatImage(display.width(), display.height(), c, out), strength);
    }

    @Override
    public Map<String, Object> parameters(long jobSeed, int frame) {
        Map<String, Object> p = new LinkedHashMap<>();
        p.put("kind", kind());
        p.put("bins", Cdf.BINS);
        p.put("strength", strength);
        return p;
    }

    @Override
    public void close() {
        closed = true;
    }
}
