package io.photonfarm.labels;

/**
 * Whether a landmark is seen in a frame, decided by a ray from the camera centre to the landmark
 * (see {@code conventions.json} for the tolerance; {@code io.photonfarm.labels.annotate.FrameAnnotator}
 * decides it with a {@code LandmarkTolerance}).
 */
public enum LandmarkVisibility {
    /** Behind the camera, or projecting outside the image. */
    OUT_OF_FRAME,
    /** In the image, but another object is hit first. */
    OCCLUDED,
    /** In the image, but its own object is hit first (it is on the far side). */
    SELF_OCCLUDED,
    /** In the image and the first surface the ray meets is at the landmark. */
    VISIBLE
}
