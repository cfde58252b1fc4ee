package io.photonfarm.coordinator.labels;

import com.fasterxml.jackson.annotation.JsonInclude;

/**
 * What {@code meta.json} says of a frame's optical flow, in a job that asks for it: the file and the
 * frame it flows to, or why there is none.
 *
 * @param file    {@code flow_forward.exr}, or null when the frame has no successor
 * @param toFrame the frame index the flow points into (this frame + 1), or null
 * @param reason  why there is no flow file, or null when there is one
 */
@JsonInclude(JsonInclude.Include.NON_NULL)
public record OpticalFlowNote(String file, Integer toFrame, String reason) {
    static OpticalFlowNote written(String file, int toFrame) {
        return new OpticalFlowNote(file, toFrame, null);
    }

    static OpticalFlowNote missing(String reason) {
        return new OpticalFlowNote(null, null, reason);
    }
}
