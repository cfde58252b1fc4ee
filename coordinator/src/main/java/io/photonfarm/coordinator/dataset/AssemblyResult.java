package io.photonfarm.coordinator.dataset;

import java.nio.file.Path;

/**
 * What {@link FrameAssembler#assemble} did.
 *
 * @param status   whether it wrote the frame or found it already written
 * @param frameDir the frame's directory
 * @param millis   wall time spent, milliseconds (0 when already written)
 */
public record AssemblyResult(Status status, Path frameDir, long millis) {
    public enum Status {
        /** The frame's files were written by this call. */
        WRITTEN,
        /** {@code meta.json} existed: the frame was written earlier and was left untouched. */
        ALREADY_WRITTEN
    }
}
