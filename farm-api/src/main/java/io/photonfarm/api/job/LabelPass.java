package io.photonfarm.api.job;

import java.util.Arrays;
import java.util.List;
import java.util.Optional;

/**
 * A per-pixel label pass a job may ask for, by its wire name. Every pass comes from the ray through
 * the exact pixel centre, in the frame and camera of the RGB image (see {@code conventions.json}).
 */
public enum LabelPass {
    /** Distance along the optical axis, metres; background +inf. */
    DEPTH_Z("depth_z"),
    /** Distance along the ray from the camera centre, metres; background +inf. */
    RANGE("range"),
    /** Unit normals in the camera frame (OpenCV), shading and geometric. */
    NORMAL_CAMERA("normal_camera"),
    /** Unit normals in the world frame, shading and geometric. */
    NORMAL_WORLD("normal_world"),
    /** Instance id: scene instance index + 1, 0 = background. */
    INSTANCE("instance"),
    /** Semantic class id, 0 = background and scenery. */
    SEMANTIC("semantic"),
    /** Material id: scene material index + 1, 0 = background. */
    MATERIAL("material"),
    /** Base colour after textures, linear RGB. */
    ALBEDO("albedo"),
    ROUGHNESS("roughness"),
    METALLIC("metallic"),
    /** Texture coordinates. */
    UV("uv"),
    /** World position of the hit, metres. */
    POSITION_WORLD("position_world"),
    /** The hit in the object's normalised bounding box (NOCS). */
    NOCS("nocs"),
    /** Fraction of the pixel's RGB samples whose first hit is the centre label's instance. */
    COVERAGE("coverage");

    private final String wireName;

    LabelPass(String wireName) {
        this.wireName = wireName;
    }

    public String wireName() {
        return wireName;
    }

    public static Optional<LabelPass> byWireName(String name) {
        return Arrays.stream(values()).filter(p -> p.wireName.equals(name)).findFirst();
    }

    /** Every wire name, in declaration order. */
    public static List<String> wireNames() {
        return Arrays.stream(values()).map(LabelPass::wireName).toList();
    }
}
