package io.photonfarm.api.job;

import java.util.Arrays;
import java.util.List;
import java.util.Optional;

/** A dataset writer a job may ask for, by its wire name. */
public enum AnnotationFormat {
    /** COCO instances (RLE masks) and keypoints. */
    COCO("coco"),
    /** BOP: scene_camera, scene_gt, scene_gt_info, mask and mask_visib. */
    BOP("bop"),
    /** KITTI object labels and calibration. */
    KITTI("kitti"),
    /** YOLO detection and pose labels. */
    YOLO("yolo");

    private final String wireName;

    AnnotationFormat(String wireName) {
        this.wireName = wireName;
    }

    public String wireName() {
        return wireName;
    }

    public static Optional<AnnotationFormat> byWireName(String name) {
        return Arrays.stream(values()).filter(p -> p.wireName.equals(name)).findFirst();
    }

    public static List<String> wireNames() {
        return Arrays.stream(values()).map(AnnotationFormat::wireName).toList();
    }
}
