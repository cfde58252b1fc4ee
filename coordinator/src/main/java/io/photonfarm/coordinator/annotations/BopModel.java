package io.photonfarm.coordinator.annotations;

import com.fasterxml.jackson.annotation.JsonIgnoreProperties;
import com.fasterxml.jackson.annotation.JsonProperty;
import java.util.List;

/** The JSON shapes of the BOP writer (bop_toolkit's field names; see {@link BopWriter}). */
final class BopModel {
    private BopModel() {
    }

    /** A frame's file {@code bop.json}: its entries of the three scene files, and its image size. */
    @JsonIgnoreProperties(ignoreUnknown = true)
    record Frame(@JsonProperty("im_id") int imId, int width, int height, Camera camera, List<Gt> gt,
            @JsonProperty("gt_info") List<GtInfo> gtInfo) {
    }

    /** A scene_camera.json entry: K row-major (pixels), depth_scale, world -> camera R row-major and t (mm). */
    @JsonIgnoreProperties(ignoreUnknown = true)
    record Camera(@JsonProperty("cam_K") double[] camK, @JsonProperty("depth_scale") double depthScale,
            @JsonProperty("cam_R_w2c") double[] camRw2c, @JsonProperty("cam_t_w2c") double[] camTw2c) {
    }

    /** A scene_gt.json entry: model -> camera R row-major, t (mm), obj_id; ours: instance_id, scale. */
    @JsonIgnoreProperties(ignoreUnknown = true)
    record Gt(@JsonProperty("cam_R_m2c") double[] camRm2c, @JsonProperty("cam_t_m2c") double[] camTm2c,
            @JsonProperty("obj_id") int objId, @JsonProperty("instance_id") int instanceId, double[] scale) {
    }

    /** A scene_gt_info.json entry. */
    @JsonIgnoreProperties(ignoreUnknown = true)
    record GtInfo(@JsonProperty("bbox_obj") double[] bboxObj, @JsonProperty("bbox_visib") int[] bboxVisib,
            @JsonProperty("px_count_all") int pxCountAll, @JsonProperty("px_count_valid") int pxCountValid,
            @JsonProperty("px_count_visib") int pxCountVisib, @JsonProperty("visib_fract") double visibFract) {
    }

    /** The dataset-level camera.json (written when every frame has the same intrinsics and size). */
    record DatasetCamera(double cx, double cy, @JsonProperty("depth_scale") double depthScale, double fx, double fy,
            int height, int width) {
    }
}
