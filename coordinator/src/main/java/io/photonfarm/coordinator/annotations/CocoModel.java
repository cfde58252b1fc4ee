package io.photonfarm.coordinator.annotations;

import com.fasterxml.jackson.annotation.JsonIgnoreProperties;
import com.fasterxml.jackson.annotation.JsonInclude;
import com.fasterxml.jackson.annotation.JsonProperty;
import java.util.List;

/** The JSON shapes of the COCO writer: COCO's own fields plus ours (see {@link CocoWriter}). */
final class CocoModel {
    private CocoModel() {
    }

    /** A frame's file {@code coco.json}: its image, the class table, and its annotations without ids. */
    @JsonIgnoreProperties(ignoreUnknown = true)
    record Frame(Image image, List<Category> categories, List<Annotation> annotations) {
    }

    @JsonIgnoreProperties(ignoreUnknown = true)
    record Image(int id, int frame, @JsonProperty("file_name") String fileName, int width, int height) {
    }

    @JsonInclude(JsonInclude.Include.NON_NULL)
    @JsonIgnoreProperties(ignoreUnknown = true)
    record Category(int id, String name, String supercategory, List<String> keypoints, List<List<Integer>> skeleton) {
    }

    /** COCO RLE: {@code size} [height, width], {@code counts} compressed (a string). */
    record Rle(List<Integer> size, String counts) {
    }

    /**
     * @param pose R_m2c (pure rotation, row-major), t_m2c (metres), scale (per object axis)
     */
    @JsonInclude(JsonInclude.Include.NON_NULL)
    @JsonIgnoreProperties(ignoreUnknown = true)
    record Annotation(Long id, @JsonProperty("image_id") int imageId, @JsonProperty("category_id") int categoryId,
            Rle segmentation, int area, double[] bbox, int iscrowd, List<Number> keypoints,
            @JsonProperty("num_keypoints") Integer numKeypoints,
            @JsonProperty("instance_id") int instanceId, @JsonProperty("instance_name") String instanceName,
            @JsonProperty("bbox_amodal") double[] bboxAmodal,
            @JsonProperty("bbox_amodal_unclipped") double[] bboxAmodalUnclipped,
            @JsonProperty("visib_fract") double visibFract,
            @JsonProperty("px_count_unoccluded") int pxCountUnoccluded, Pose pose) {

        Annotation withId(long newId) {
            return new Annotation(newId, imageId, categoryId, segmentation, area, bbox, iscrowd, keypoints, numKeypoints,
                    instanceId, instanceName, bboxAmodal, bboxAmodalUnclipped, visibFract, pxCountUnoccluded, pose);
        }

        Annotation withoutKeypoints() {
            return new Annotation(id, imageId, categoryId, segmentation, area, bbox, iscrowd, null, null,
                    instanceId, instanceName, bboxAmodal, bboxAmodalUnclipped, visibFract, pxCountUnoccluded, pose);
        }
    }

    record Pose(@JsonProperty("R_m2c") double[] rotation, @JsonProperty("t_m2c") double[] translation, double[] scale) {
    }

    /** COCO's info block. */
    record Info(String description, String version, String contributor) {
    }
}
