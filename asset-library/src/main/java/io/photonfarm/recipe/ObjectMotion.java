package io.photonfarm.recipe;

import com.fasterxml.jackson.annotation.JsonIgnoreProperties;
import com.fasterxml.jackson.annotation.JsonInclude;

/**
 * How objects move through a sequence: each object that rests on the support (or floats in the
 * placement volume) and carries nothing moves, with chance {@code probability}, along a straight line in
 * a horizontal direction drawn uniformly, at a drawn speed, while turning about its own vertical axis at
 * a drawn rate. A smooth trajectory (constant velocity and spin); the pose at the middle frame of the
 * sequence is the placed one. A trajectory that would bring the object within {@code placement.minGap}
 * of another object, or off the support, within half a frame interval of any label time is halved, then halved
 * again, and finally dropped (the object stays still); meta.json records what each object got.
 *
 * @param probability     chance that an object moves, in [0, 1] (default 1)
 * @param speedM          speed, metres per frame interval, in [0, 10] (default [0.002, 0.01])
 * @param spinDeg         turn rate about the vertical axis, degrees per frame interval, in [0, 180]; its sign is drawn
 *                        (default [0, 3])
 */
@JsonIgnoreProperties(ignoreUnknown = false)
@JsonInclude(JsonInclude.Include.NON_NULL)
public record ObjectMotion(Double probability, Range speedM, Range spinDeg) {
    /** The most frames a sequence with moving objects may have (trajectories are checked at every frame). */
    public static final int MAX_FRAMES = 500;

    public double probabilityOrDefault() {
        return probability == null ? 1 : probability;
    }
}
