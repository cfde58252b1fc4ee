package io.photonfarm.coordinator.labels;

import io.photonfarm.coordinator.dataset.FrameJob;
import io.photonfarm.labels.PinholeCalibration;
import io.photonfarm.scene.Scene;
import java.util.Optional;

/**
 * The next frame of a frame's sequence, as forward optical flow needs it: its scene (the same
 * instances in the same order, each at its own transform of that frame) and its camera. A pure
 * function of the job: frames assemble in any order, so it never reads another frame's files.
 */
@FunctionalInterface
public interface FrameSuccessors {
    /** No frame wants flow: what jobs that are not recipe sequences with {@code opticalFlow} get. */
    FrameSuccessors NONE = frame -> Optional.empty();

    /**
     * @return empty when the frame's job does not ask for optical flow; otherwise its successor in
     *         the same sequence, or why it has none (the last frame of a sequence, or of the job)
     */
    Optional<Successor> of(FrameJob frame);

    /** What follows a frame that wants flow. */
    sealed interface Successor permits Next, Last {
    }

    /**
     * The next frame of the sequence.
     *
     * @param frame       its index in the job
     * @param scene       its scene as nodes render it (instance transforms at its label time)
     * @param calibration its camera at its label time, lens included, at the job's resolution
     */
    record Next(int frame, Scene scene, PinholeCalibration calibration) implements Successor {
    }

    /** @param reason why the frame has no successor, in words for {@code meta.json} */
    record Last(String reason) implements Successor {
    }
}
