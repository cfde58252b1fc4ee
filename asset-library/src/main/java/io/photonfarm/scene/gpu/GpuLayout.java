package io.photonfarm.scene.gpu;

/**
 * Byte sizes of the std430 structs of {@code docs/gpu-scene-layout.md}. The shader-side drift test
 * compares these with {@code shaders/include/bindings.glsl}; change both together.
 */
public final class GpuLayout {
    /** {@code struct Node { vec3 bmin; uint a; vec3 bmax; uint b; }} */
    public static final int NODE = 32;
    /** {@code struct Tri { vec4 v0; vec4 e1; vec4 e2; }} */
    public static final int TRI = 48;
    /**
     * {@code struct TriShading { vec3 n0; uint material; vec3 n1; uint flags; vec3 n2; uint t0; uvec2 t12;
     * vec2 uv2; vec4 uv01; }}: float32 vertex normals, octahedral tangents (see {@link ShadingRecords}).
     */
    public static final int SHADING = 80;
    /**
     * {@code struct Instance { vec4 objectToWorld[3]; vec4 worldToObject[3]; vec4 velocity[3]; uint blasRoot,
     * sceneInstance, mesh, firstTri; uint flags, pad, pad, pad; }}: the rows at the label time, and the
     * derivative of objectToWorld's rows per frame interval ({@link #INSTANCE_MOVING} set when it is not zero).
     */
    public static final int INSTANCE = 176;
    /** Bit 0 of an instance's {@code flags}: it moves during an exposure (its velocity rows are not zero). */
    public static final int INSTANCE_MOVING = 1;
    /** {@code struct Material { vec4 baseColor, emission, params, params2; ivec4 textures; }} */
    public static final int MATERIAL = 80;
    /** {@code struct TexInfo { uint offset, width, height, pad; }} */
    public static final int TEXINFO = 16;
    /** One RGBA8 texel packed in a {@code uint}, R in the lowest byte. */
    public static final int TEXEL = 4;
    /** {@code struct LightTri { vec4 p0, p1, p2; uvec4 ids; }} */
    public static final int LIGHT = 64;
    /** {@code struct Alias { float q; uint alias; }} */
    public static final int ALIAS = 8;
    /** {@code vec4} (r, g, b, pmf) per environment pixel. */
    public static final int ENV_PIXEL = 16;

    /** Bit 0 of a triangle's {@code flags}: the mesh has texture coordinates. */
    public static final int FLAG_HAS_UVS = 1;

    private GpuLayout() {
    }
}
