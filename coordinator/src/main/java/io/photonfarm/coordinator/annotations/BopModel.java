package io.photonfarm.coordinator.annotations;

import com.fasterxml.jackson.annotation.JsonIgnoreProperties;
import com.fasterxml.jackson.annotation.JsonInclude;
import com.fasterxml.jackson.annotation.JsonProperty;
import com.fasterxml.jackson.annotation.JsonPropertyOrder;
import java.util.List;
import java.util.Map;

/** The JSON shapes of the BOP writer (bop_toolkit's field names; see {@link BopWriter}). */
final class BopModel {
    private BopModel() {
    }

    /**
     * A frame's file {@code bop.json}: its entries of the three scene files, its image size, and the
     * models_info.json entries of its scene's classes by obj_id (null in files written before them).
     */
    @JsonIgnoreProperties(ignoreUnknown = true)
    record Frame(@JsonProperty("im_id") int imId, int width, int height, Camera camera, List<Gt> gt,
            @JsonProperty("gt_info") List<GtInfo> gtInfo, Map<String, FrameModel> models) {
    }

    /** A class's models_info.json entry as one frame saw it, with the class name it was drawn for. */
    @JsonIgnoreProperties(ignoreUnknown = true)
    record FrameModel(@JsonProperty("class") String className, ModelInfo info) {
    }

    /**
     * A models_info.json entry: the model in millimetres, in the frame cam_R_m2c / cam_t_m2c map from
     * (the mesh's object space, before the instance's {@code scale}). Symmetry lists are left out when
     * empty, as in BOP's own files.
     *
     * @param symmetriesDiscrete   4x4 transforms row-major, translation in mm, the identity not listed
     * @param symmetriesContinuous axes (unit) with a point of each (offset, mm)
     */
    @JsonIgnoreProperties(ignoreUnknown = true)
    @JsonPropertyOrder({"diameter", "min_x", "min_y", "min_z", "size_x", "size_y", "size_z", "symmetries_continuous",
            "symmetries_discrete"})
    record ModelInfo(double diameter, @JsonProperty("min_x") double minX, @JsonProperty("min_y") double minY,
            @JsonProperty("min_z") double minZ, @JsonProperty("size_x") double sizeX, @JsonProperty("size_y") double sizeY,
            @JsonProperty("size_z") double sizeZ,
            @JsonProperty("symmetries_continuous") @JsonInclude(JsonInclude.Include.NON_EMPTY)
            List<ContinuousSymmetry> symmetriesContinuous,
            @JsonProperty("symmetries_discrete") @JsonInclude(JsonInclude.Include.NON_EMPTY)
            List<double[]> symmetriesDiscrete) {
    }

    /** A continuous symmetry: every rotation about {@code axis} through the point {@code offset} (mm). */
    record ContinuousSymmetry(double[] axis, double[] offset) {
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
