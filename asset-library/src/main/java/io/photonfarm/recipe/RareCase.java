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
 * @param motionBlur  true: recorded only; this version does not render motion blur
 */
@JsonIgnoreProperties(ignoreUnknown = false)
@JsonInclude(JsonInclude.Include.NON_NULL)
public record RareCase(String name, Double frequency, Double lightScale, Boolean unusualPose, Boolean occluder,
        Boolean motionBlur) {
}
