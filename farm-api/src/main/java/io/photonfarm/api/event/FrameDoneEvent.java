package io.photonfarm.api.event;

import io.photonfarm.api.job.JobId;

/**
 * A frame was assembled and written to the dataset (type {@code frame-done}).
 *
 * @param frame the frame index, from 0
 * @param path  the frame's directory relative to the job's dataset, e.g. {@code frames/000003}
 */
public record FrameDoneEvent(long atMillis, JobId jobId, int frame, String path) implements FarmEvent {
    @Override
    public String type() {
        return "frame-done";
    }
}
