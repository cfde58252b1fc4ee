package io.photonfarm.coordinator.annotations;

import io.photonfarm.labels.FrameObjects;
import io.photonfarm.labels.PinholeCalibration;
import io.photonfarm.labels.SceneLabels;
import java.util.Map;
import java.util.Objects;

/**
 * Everything the annotation writers need of one written frame. Image coordinates are continuous:
 * pixel (u, v) covers [u, u+1) x [v, v+1); camera frame OpenCV (x right, y down, z forward), metres.
 *
 * @param frame        the frame index (0..999999, the NNNNNN of its directory)
 * @param width        image width, pixels
 * @param height       image height, pixels
 * @param calibration  the frame's pinhole calibration (K in continuous coordinates; world -> camera)
 * @param labels       the id tables of the frame's scene (class ids are stable across the job)
 * @param instancePass instance id per pixel, row-major, {@code width * height} values, 0 = background;
 *                     not copied, must not change while a writer runs
 * @param objects      the per-object annotations and unoccluded silhouettes
 * @param keypoints    the keypoint list of each class that has landmarks, by class name (see
 *                     {@link KeypointSchema#forScene}); every landmark of an object must be named in
 *                     its class's schema; empty when no class has landmarks
 * @param models       the 3D model of each class that has one (see {@link ObjectModel#forScene}), by class
 *                     name; empty when unknown
 */
public record FrameLabels(int frame, int width, int height, PinholeCalibration calibration, SceneLabels labels,
        int[] instancePass, FrameObjects objects, Map<String, KeypointSchema> keypoints, Map<String, ObjectModel> models) {

    /** A frame whose classes' models are unknown. */
    public FrameLabels(int frame, int width, int height, PinholeCalibration calibration, SceneLabels labels,
            int[] instancePass, FrameObjects objects, Map<String, KeypointSchema> keypoints) {
        this(frame, width, height, calibration, labels, instancePass, objects, keypoints, Map.of());
    }

    public FrameLabels {
        Objects.requireNonNull(calibration, "calibration");
        Objects.requireNonNull(labels, "labels");
        Objects.requireNonNull(instancePass, "instancePass");
        Objects.requireNonNull(objects, "objects");
        if (frame < 0 || frame > 999_999) {
            throw new IllegalArgumentException("frame " + frame + ": annotation writers take frames 0..999999");
        }
        if (width < 1 || height < 1) {
            throw new IllegalArgumentException("frame " + frame + ": image " + width + "x" + height + " must be >= 1x1");
        }
        if (instancePass.length != (long) width * height) {
            throw new IllegalArgumentException("frame " + frame + ": instance pass has " + instancePass.length
                    + " values for a " + width + "x" + height + " image");
        }
        keypoints = keypoints == null ? Map.of() : Map.copyOf(keypoints);
        models = models == null ? Map.of() : Map.copyOf(models);
    }
}
