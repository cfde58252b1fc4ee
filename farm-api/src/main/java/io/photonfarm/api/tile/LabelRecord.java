package io.photonfarm.api.tile;

/**
 * The per-pixel label record a node renders from the ray through the pixel centre (and the lens
 * centre), in the frame and camera of the radiance: {@link #WORDS} 32-bit words, floats stored as
 * their IEEE bits, vectors as 3 consecutive words. Mirrors the shaders' {@code Bindings.LABEL_*}
 * (a drift test in farm-node keeps them equal). Background pixels: range and depth +inf, ids 0,
 * every other word 0.
 */
public final class LabelRecord {
    public static final int WORDS = 20;
    /** Distance from the lens centre to the hit along the unit ray, metres. */
    public static final int RANGE = 0;
    /** Distance along the optical axis (camera z), metres. */
    public static final int DEPTH_Z = 1;
    /** World position of the hit, metres. */
    public static final int POSITION = 2;
    /** Unit geometric (face) normal, world frame, facing the camera side of the surface. */
    public static final int NORMAL_GEOMETRIC = 5;
    /** Unit shading normal, world frame, in the hemisphere of the geometric normal. */
    public static final int NORMAL_SHADING = 8;
    /** Base colour after textures, linear RGB. */
    public static final int ALBEDO = 11;
    public static final int ROUGHNESS = 14;
    public static final int METALLIC = 15;
    /** Texture coordinates u, v (glTF convention); 0 when the mesh has none. */
    public static final int UV = 16;
    /** Instance id (integer word): scene instance index + 1, 0 = background. */
    public static final int INSTANCE = 18;
    /** Material id (integer word): scene material index + 1, 0 = background. */
    public static final int MATERIAL = 19;

    private LabelRecord() {
    }
}
