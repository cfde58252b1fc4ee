package io.photonfarm.coordinator.annotations;

import java.util.Locale;

/** The dataset annotation formats a job may ask for; {@link #id()} is the name a job spec uses. */
public enum AnnotationFormat {
    /** COCO instances and keypoints (detection, instance segmentation, keypoints). */
    COCO,
    /** BOP (6-DoF object pose): one BOP scene per job. */
    BOP,
    /** KITTI object labels (2D and 3D boxes) and calibration. */
    KITTI,
    /** YOLO (Ultralytics) detection and pose labels. */
    YOLO;

    /** The lower-case name, e.g. "coco". */
    public String id() {
        return name().toLowerCase(Locale.ROOT);
    }

    /**
     * The format named {@code id} (case-insensitive).
     *
     * @throws IllegalArgumentException naming the known formats if there is none of that name
     */
    public static AnnotationFormat parse(String id) {
        for (AnnotationFormat f : values()) {
            if (f.id().equalsIgnoreCase(id == null ? "" : id.strip())) {
                return f;
            }
        }
        throw new IllegalArgumentException("annotation format '" + id + "': known formats are coco, bop, kitti, yolo");
    }
}
