package io.photonfarm.refine;

import io.photonfarm.image.FloatImage;
import java.util.Map;

/**
 * A photometric refiner: it moves a rendered frame's pixel values towards a target domain and never
 * moves, adds or removes anything in the image, so every label of the frame stays valid as it is.
 * Every output is a pure function of (image, job seed, frame): the same frame refined twice, on any
 * node, gives identical pixels. Implementations are thread-safe: one instance may refine many
 * frames at once. The creator closes the refiner; {@link #refine} after {@link #close} throws
 * {@link IllegalStateException}.
 */
public sealed interface Refiner extends AutoCloseable permits FourierDomainAdaptation, ColourTransfer, HistogramMatching, OnnxRefiner {
    /** The spec's kind: {@code fda}, {@code reinhard}, {@code histogram} or {@code onnx}. */
    String kind();

    /**
     * Refines one frame.
     *
     * @param display encoded (display-referred) sRGB in [0, 1], 1 (grey) or 3 (RGB) channels; not modified
     * @param jobSeed the job's seed
     * @param frame   the frame's index in the job
     * @return a new image of the same width, height and channels, values in [0, 1]
     * @throws IllegalArgumentException for another channel count
     */
    FloatImage refine(FloatImage display, long jobSeed, int frame);

    /**
     * The parameters this refiner uses for a frame, ready for a frame's {@code meta.json}: plain
     * strings, numbers, lists and maps (for example the target photo Fourier domain adaptation
     * chose and its beta).
     */
    Map<String, Object> parameters(long jobSeed, int frame);

    /** Releases what the refiner holds (the learned refiner's session); idempotent. */
    @Override
    void close();
}
