package io.photonfarm.sensor;

/**
 * Counter-based random numbers: every draw is a pure function of its coordinates (seed, frame,
 * stream, pixel, draw index), so a frame's noise is the same whichever thread processes which rows,
 * and any pixel's draws can be recomputed alone. There is no generator state to share or split.
 *
 * <p>The hash is SplitMix64's finaliser (Steele, Lea and Flood 2014, variant 13 of Stafford's
 * mixers) applied along the chain seed → frame → stream → pixel → draw; consecutive draws of one
 * pixel are a SplitMix64 sequence seeded by the pixel's key. Every random draw of the camera
 * simulation (sensor noise, depth sensor) comes from here.
 */
public final class CounterRng {
    private static final long GOLDEN = 0x9E3779B97F4A7C15L;
    private static final long FRAME_MULTIPLIER = 0xD1B54A32D192ED03L;
    private static final long STREAM_MULTIPLIER = 0xAEF17502108EF2D9L;
    /** The frame number of fixed-pattern streams, which no rendered frame has. */
    private static final long FIXED_PATTERN_FRAME = Long.MIN_VALUE;

    /** The independent streams of draws; their ids are part of the noise's definition, never renumber them. */
    public enum Stream {
        SHOT(1), READ(2), ROW(3), PRNU(4), DSNU(5), DEPTH_SENSOR(6);

        final int id;

        Stream(int id) {
            this.id = id;
        }
    }

    private CounterRng() {
    }

    static long mix(long z) {
        z = (z ^ (z >>> 30)) * 0xBF58476D1CE4E5B9L;
        z = (z ^ (z >>> 27)) * 0x94D049BB133111EBL;
        return z ^ (z >>> 31);
    }

    /** The key of one stream of a frame of a job. */
    public static long streamKey(long jobSeed, long frame, Stream stream) {
        return mix(mix(mix(jobSeed) + frame * FRAME_MULTIPLIER) ^ (stream.id * STREAM_MULTIPLIER));
    }

    /** The key of a fixed-pattern stream: a function of the sensor's seed alone, the same in every frame and job. */
    static long fixedKey(long sensorSeed, Stream stream) {
        return streamKey(sensorSeed, FIXED_PATTERN_FRAME, stream);
    }

    /** The key of one pixel (or row) of a stream, from which its draws follow. */
    public static long pixelKey(long streamKey, long index) {
        return mix(streamKey + index * GOLDEN);
    }

    /** Draw number {@code draw} (0, 1, ...) of a pixel: uniform on the open interval (0, 1), 53 bits. */
    public static double uniform(long pixelKey, int draw) {
        long z = mix(pixelKey + (draw + 1L) * GOLDEN);
        return ((z >>> 11) + 0.5) * 0x1.0p-53;
    }
}
