package io.photonfarm.refine;

import io.photonfarm.api.camera.RefinerSpec;
import io.photonfarm.image.FloatImage;
import io.photonfarm.recipe.draw.DrawRng;
import java.util.LinkedHashMap;
import java.util.Map;

/**
 * Fourier domain adaptation (Y. Yang and S. Soatto, "FDA: Fourier Domain Adaptation for Semantic
 * Segmentation", CVPR 2020): each channel's amplitude spectrum inside the centred low-frequency
 * square of half-width {@code floor(beta * min(width, height))} bins is replaced by that of a
 * target photo, the phase is kept, and the inverse transform is clamped to [0, 1]. Low-frequency
 * amplitude carries global colour, illumination and contrast; phase carries the structure, so
 * edges and objects stay where they were.
 *
 * <p>The target photo is drawn per frame from (job seed, frame), cropped about its centre to the
 * frame's aspect ratio and resampled to its size. Its amplitudes in the square depend only on
 * (photo, frame size, channels), so they are kept for the most recently used sizes.
 */
public final class FourierDomainAdaptation implements Refiner {
    /** Target amplitude squares kept: every photo of a modest set at one frame size. */
    private static final int CACHED_SQUARES = 64;

    private final TargetDomain target;
    private final double beta;
    private final double strength;
    private final Map<SquareKey, double[][]> squares = new LinkedHashMap<>(16, 0.75f, true) {
        @Override
        protected boolean removeEldestEntry(Map.Entry<SquareKey, double[][]> eldest) {
            return size() > CACHED_SQUARES;
        }
    };
    private volatile boolean closed;

    /**
     * @param beta     half-width of the swapped square as a fraction of the shorter side, in (0, 0.5]
     * @param strength blend with the input, in [0, 1]
     */
    FourierDomainAdaptation(TargetDomain target, double beta, double strength) {
        if (!(beta > 0 && beta <= RefinerSpec.MAX_BETA)) {
            throw new IllegalArgumentException("beta must be in (0, " + RefinerSpec.MAX_BETA + "], was " + beta);
        }
        this.target = target;
        this.beta = beta;
        this.strength = strength;
    }

    private record SquareKey(int photo, int width, int height, int channels) {
    }

    @Override
    public String kind() {
        return RefinerSpec.FDA;
    }

    /** The target photo frame {@code frame} of a job with {@code jobSeed} takes its amplitudes from. */
    public int targetIndex(long jobSeed, int frame) {
        return DrawRng.of(jobSeed, frame, "refine:fda:target").nextInt(target.size());
    }

    /** The half-width of the swapped square for a frame of this size, in frequency bins. */
    int halfWidth(int width, int height) {
        return (int) Math.floor(beta * Math.min(width, height));
    }

    @Override
    public FloatImage refine(FloatImage display, long jobSeed, int frame) {
        if (closed) {
            throw new IllegalStateException("Fourier domain adaptation refiner is closed");
        }
        Pixels.checkChannels(kind(), display);
        double[][] planes = adapt(display, targetIndex(jobSeed, frame));
        int c = display.channels();
        float[] out = new float[display.data().length];
        for (int ch = 0; ch < c; ch++) {
            double[] p = planes[ch];
            for (int i = 0; i < p.length; i++) {
                out[i * c + ch] = Pixels.clamp01(p[i]);
            }
        }
        return Pixels.blend(display, new FloatImage(display.width(), display.height(), c, out), strength);
    }

    /**
     * The adapted channels of {@code display} with photo {@code photo}'s amplitudes, before
     * clamping: one plane of width * height values per channel.
     */
    double[][] adapt(FloatImage display, int photo) {
        int w = display.width();
        int h = display.height();
        int c = display.channels();
        LowFrequencies square = new LowFrequencies(w, h, halfWidth(w, h));
        double[][] targetAmplitude = targetSquare(square, photo, w, h, c);
        double[][] planes = new double[c][w * h];
        float[] data = display.data();
        for (int ch = 0; ch < c; ch++) {
            for (int i = 0; i < w * h; i++) {
                planes[ch][i] = data[i * c + ch];
            }
        }
        for (int ch = 0; ch < c; ch += 2) {
            boolean pair = ch + 1 < c;
            double[][] spectra = square.forward(data, c, ch, pair ? ch + 1 : -1);
            double[][] deltaA = swapAmplitude(spectra[0], spectra[1], targetAmplitude[ch]);
            double[][] deltaB = pair ? swapAmplitude(spectra[2], spectra[3], targetAmplitude[ch + 1]) : null;
            square.addInverse(deltaA, deltaB, planes[ch], pair ? planes[ch + 1] : null);
        }
        return planes;
    }

    /** The change {re, im} that gives each bin the target's amplitude and keeps its phase. */
    private static double[][] swapAmplitude(double[] re, double[] im, double[] amplitude) {
        double[][] delta = {new double[re.length], new double[re.length]};
        for (int i = 0; i < re.length; i++) {
            double a = Math.hypot(re[i], im[i]);
            // A bin without amplitude has no phase to keep: it takes the target's as real (zero phase).
            double nr = a > 0 ? amplitude[i] * re[i] / a : amplitude[i];
            double ni = a > 0 ? amplitude[i] * im[i] / a : 0;
            delta[0][i] = nr - re[i];
            delta[1][i] = ni - im[i];
        }
        return delta;
    }

    /** Per channel, the target photo's amplitudes in the square at this frame size. */
    private double[][] targetSquare(LowFrequencies square, int photo, int w, int h, int c) {
        SquareKey key = new SquareKey(photo, w, h, c);
        synchronized (squares) {
            double[][] hit = squares.get(key);
            if (hit != null) {
                return hit;
            }
        }
        // Computed outside the lock: two threads may both compute a missing square, alike.
        FloatImage resized = Resize.cover(target.photoShared(photo), w, h);
        float[] data = resized.data();
        if (c == 1) {
            float[] grey = new float[w * h];
            for (int i = 0; i < grey.length; i++) {
                grey[i] = (float) Colour.luma(data[i * 3], data[i * 3 + 1], data[i * 3 + 2]);
            }
            data = grey;
        }
        double[][] amplitude = new double[c][];
        for (int ch = 0; ch < c; ch += 2) {
            boolean pair = ch + 1 < c;
            double[][] s = square.forward(data, c, ch, pair ? ch + 1 : -1);
            amplitude[ch] = magnitude(s[0], s[1]);
            if (pair) {
                amplitude[ch + 1] = magnitude(s[2], s[3]);
            }
        }
        synchronized (squares) {
            squares.put(key, amplitude);
        }
        return amplitude;
    }

    private static double[] magnitude(double[] re, double[] im) {
        double[] a = new double[re.length];
        for (int i = 0; i < a.length; i++) {
            a[i] = Math.hypot(re[i], im[i]);
        }
        return a;
    }

    @Override
    public Map<String, Object> parameters(long jobSeed, int frame) {
        int t = targetIndex(jobSeed, frame);
        Map<String, Object> p = new LinkedHashMap<>();
        p.put("kind", kind());
        p.put("beta", beta);
        p.put("strength", strength);
        p.put("targetIndex", t);
        p.put("target", target.name(t));
        return p;
    }

    @Override
    public void close() {
        closed = true;
        synchronized (squares) {
            squares.clear();
        }
    }
}
