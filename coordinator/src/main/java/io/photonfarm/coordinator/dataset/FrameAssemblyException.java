package io.photonfarm.coordinator.dataset;

/**
 * A frame cannot be assembled from its accepted units: one is missing from the spool, malformed,
 * outside the frame, doubled, or the pixels did not receive exactly the frame's samples. Nothing
 * of the frame has been written. The message names the job, frame and the first offending unit or pixel.
 */
public final class FrameAssemblyException extends RuntimeException {
    public FrameAssemblyException(String message) {
        super(message);
    }

    public FrameAssemblyException(String message, Throwable cause) {
        super(message, cause);
    }
}
