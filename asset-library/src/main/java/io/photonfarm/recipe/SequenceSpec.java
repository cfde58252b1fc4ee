package io.photonfarm.recipe;

import com.fasterxml.jackson.annotation.JsonIgnoreProperties;
import com.fasterxml.jackson.annotation.JsonInclude;

/**
 * Frames in sequences: frames {@code k} with the same {@code k / framesPerSequence} share objects,
 * materials, lights and rare cases, and the camera moves smoothly between them (its azimuth sweeps
 * linearly through {@code cameraSweepDeg} over the sequence, distance and elevation fixed).
 *
 * @param framesPerSequence frames per sequence, 1..10000
 * @param cameraSweepDeg    azimuth swept over a sequence, degrees (default [10, 30]; the sign is drawn too)
 * @param shutterOpen       shutter opening time as a fraction of the frame interval, in [0, 1] (recorded only)
 * @param shutterClose      shutter closing time, in [shutterOpen, 1] (recorded only)
 * @param opticalFlow       whether forward optical flow is wanted ({@code flow_forward.exr} per frame but a sequence's last)
 */
@JsonIgnoreProperties(ignoreUnknown = false)
@JsonInclude(JsonInclude.Include.NON_NULL)
public record SequenceSpec(Integer framesPerSequence, Range cameraSweepDeg, Double shutterOpen, Double shutterClose,
        Boolean opticalFlow) {

    public double shutterOpenOrZero() {
        return shutterOpen == null ? 0 : shutterOpen;
    }
}
