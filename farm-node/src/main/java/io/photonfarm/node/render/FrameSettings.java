package io.photonfarm.node.render;

import io.photonfarm.scene.CameraSpec;

/**
 * What is fixed for every tile of one frame.
 *
 * @param width        image width, pixels
 * @param height       image height, pixels
 * @param frameIndex   frame number within the job (an input of every sample)
 * @param seed         job seed (an input of every sample)
 * @param maxBounces   most scattering events on a path (0 = emitters and environment seen directly)
 * @param nee          next-event estimation with MIS; false = pure path tracing (BSDF sampling only)
 * @param rrStartBounce bounce from which Russian roulette may end paths
 * @param labels       render labels too: per-pixel coverage counts, and label records from units starting at sample 0
 */
public record FrameSettings(int width, int height, int frameIndex, int seed, int maxBounces, boolean nee,
                            int rrStartBounce, CameraSpec camera, boolean labels) {
    public static final int MAX_SIDE = 16384;
    public static final int MAX_BOUNCES = 64;

    public FrameSettings {
        if (width <= 0 || height <= 0 || width > MAX_SIDE || height > MAX_SIDE) {
            throw new IllegalArgumentException("image size " + width + "x" + height + " outside 1.." + MAX_SIDE);
        }
        if (maxBounces < 0 || maxBounces > MAX_BOUNCES) {
            throw new IllegalArgumentException("max bounces " + maxBounces + " outside 0.." + MAX_BOUNCES);
        }
        if (frameIndex < 0) {
            throw new IllegalArgumentException("frame index must be >= 0, was " + frameIndex);
        }
        if (rrStartBounce < 1) {
            throw new IllegalArgumentException("Russian roulette start bounce must be >= 1, was " + rrStartBounce);
        }
    }

    /** Settings without labels. */
    public FrameSettings(int width, int height, int frameIndex, int seed, int maxBounces, boolean nee,
                         int rrStartBounce, CameraSpec camera) {
        this(width, height, frameIndex, seed, maxBounces, nee, rrStartBounce, camera, false);
    }

    public static FrameSettings of(int width, int height, int seed, int maxBounces, boolean nee, CameraSpec camera) {
        return new FrameSettings(width, height, 0, seed, maxBounces, nee, 3, camera);
    }

    public FrameSettings withNee(boolean on) {
        return new FrameSettings(width, height, frameIndex, seed, maxBounces, on, rrStartBounce, camera, labels);
    }

    public FrameSettings withLabels(boolean on) {
        return new FrameSettings(width, height, frameIndex, seed, maxBounces, nee, rrStartBounce, camera, on);
    }

    public FrameSettings withRussianRouletteFrom(int bounce) {
        return new FrameSettings(width, height, frameIndex, seed, maxBounces, nee, bounce, camera, labels);
    }
}
