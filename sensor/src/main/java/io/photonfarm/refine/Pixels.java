package io.photonfarm.refine;

import io.photonfarm.image.FloatImage;

/** Small pixel helpers the refiners share. */
final class Pixels {
    private Pixels() {
    }

    /** Refuses an image that is neither grey nor RGB, naming the refiner. */
    static void checkChannels(String refiner, FloatImage img) {
        if (img.channels() != 1 && img.channels() != 3) {
            throw new IllegalArgumentException(refiner + " refines grey or RGB images; this one has " + img.channels() + " channels");
        }
    }

    /**
     * {@code refined} blended with {@code original} by {@code strength} (1: refined only), in place
     * in {@code refined}'s data, which is returned; values clamped to [0, 1] with NaN as 0.
     */
    static FloatImage blend(FloatImage original, FloatImage refined, double strength) {
        float[] a = original.data();
        float[] b = refined.data();
        float s = (float) strength;
        for (int i = 0; i < b.length; i++) {
            float v = strength >= 1 ? b[i] : a[i] + s * (b[i] - a[i]);
            b[i] = v > 0 ? Math.min(1f, v) : 0f;
        }
        return refined;
    }

    static float clamp01(double v) {
        return v > 0 ? (float) Math.min(1.0, v) : 0f;
    }
}
