package io.photonfarm.recipe;

import com.fasterxml.jackson.annotation.JsonIgnoreProperties;
import com.fasterxml.jackson.annotation.JsonInclude;

/**
 * A named variation that occurs in a fraction of the frames (each frame independently), recorded in
 * the frame's meta.json. Its effects:
 *
 * @param name        [a-z0-9_]+, unique in the recipe
 * @param frequency   chance per frame (per sequence with sequences), in (0, 1]
 * @param lightScale  multiplies every light (sky, map and area lights), e.g. 0.1 for low light
 * @param unusualPose true: objects rest upside down (a half turn about their x axis)
 * @param occluder    true: a large box stands between the camera and the target (heavy occlusion)
 * @param motionBlur  true: camera shake. The camera turns about its own centre, about an axis in the image
 *                    plane drawn uniformly, through {@code blurDeg} during the exposure, which lasts the
 *                    sequence's shutter or, without one, a whole frame interval; labels stay those of the
 *                    middle of the exposure
 * @param blurDeg     how far the camera turns during the exposure with motionBlur, degrees in [0, 30] (default [0.5, 2])
 */
@JsonIgnoreProperties(ignoreUnknown = false)
@JsonInclude(JsonInclude.Include.NON_NULL)
public record RareCase(String name, Double frequency, Double lightScale, Boolean unusualPose, Boolean occluder,
        Boolean motionBlur, Range blurDeg) {
}
