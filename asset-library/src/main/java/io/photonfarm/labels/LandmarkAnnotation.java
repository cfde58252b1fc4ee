package io.photonfarm.labels;

/**
 * One landmark of one object in one frame.
 *
 * @param name       the landmark's name, as its mesh declares it
 * @param camera     the point in the camera frame (OpenCV: x right, y down, z forward), metres: {x, y, z}
 * @param pixel      its projection K X / Z in continuous image coordinates {u, v}, or null when Z <= 0
 * @param visibility what the ray test decided
 */
public record LandmarkAnnotation(String name, double[] camera, double[] pixel, LandmarkVisibility visibility) {
}
