package io.photonfarm.recipe;

import com.fasterxml.jackson.annotation.JsonIgnoreProperties;
import com.fasterxml.jackson.annotation.JsonInclude;

/**
 * Frames in sequences: frames {@code k} with the same {@code k / framesPerSequence} share objects,
 * materials, lights and rare cases; the camera moves smoothly between them (its azimuth sweeps linearly
 * through {@code cameraSweepDeg} over the sequence, distance and elevation fixed) and, with
 * {@code objectMotion}, so do objects.
 *
 * <p>Time: each frame is exposed from {@code shutterOpen} to {@code shutterClose} of its frame interval,
 * and everything that moves keeps moving during the exposure (motion blur). Every label and pose of a
 * frame is the scene at the middle of its exposure (its label time); consecutive frames' label times are
 * one frame interval apart.
 *
 * @param framesPerSequence frames per sequence, 1..10000 (1..{@value ObjectMotion#MAX_FRAMES} with objectMotion)
 * @param cameraSweepDeg    azimuth swept over a sequence, degrees (default [10, 30]; the sign is drawn too)
 * @param shutterOpen       shutter opening time as a fraction of the frame interval, in [0, 1] (default 0)
 * @param shutterClose      shutter closing time, in [shutterOpen, 1] (default: shutterOpen, no motion blur)
 * @param opticalFlow       whether forward optical flow is wanted ({@code flow_forward.exr} per frame but a sequence's last)
 * @param objectMotion      how objects move through the sequence, or null for still objects
 */
@JsonIgnoreProperties(ignoreUnknown = false)
@JsonInclude(JsonInclude.Include.NON_NULL)
public record SequenceSpec(Integer framesPerSequence, Range cameraSweepDeg, Double shutterOpen, Double shutterClose,
        Boolean opticalFlow, ObjectMotion objectMotion) {

    public double shutterOpenOrZero() {
        return shutterOpen == null ? 0 : shutterOpen;
    }

    /** How long each frame is exposed, frame intervals (0: no motion blur). */
    public double shutter() {
        return shutterClose == null ? 0 : Math.max(0, shutterClose - shutterOpenOrZero());
    }
}
