package io.photonfarm.shaders;

/**
 * Host-side constants of the path tracer's interface: descriptor bindings (set 0), the status
 * words, flags, and sizes of the uniform and push-constant blocks (std140, bytes). The shaders get
 * the binding numbers from {@link ShaderLibrary#defines()}; {@code BindingsDriftTest} checks the
 * block layouts against the GLSL declarations.
 */
public final class Bindings {
    public static final int FRAME = 0;
    public static final int NODES = 1;
    public static final int TRIS = 2;
    public static final int SHADING = 3;
    public static final int INSTANCES = 4;
    public static final int MATERIALS = 5;
    public static final int TEXINFOS = 6;
    public static final int TEXELS = 7;
    public static final int LIGHTS = 8;
    public static final int LIGHT_ALIAS = 9;
    public static final int ENV_PIXELS = 10;
    public static final int ENV_ROW_ALIAS = 11;
    public static final int ENV_COL_ALIAS = 12;
    public static final int ACCUM = 13;
    public static final int STATUS = 14;
    /** Storage-buffer bindings 1..STORAGE_COUNT (binding 0 is the frame uniform block). */
    public static final int STORAGE_COUNT = 14;

    /** Workgroups are WORKGROUP_SIZE x WORKGROUP_SIZE invocations, one per pixel. */
    public static final int WORKGROUP_SIZE = 8;
    /** Depth of each traversal stack (TLAS and BLAS). */
    public static final int TRAVERSAL_STACK = 64;
    /** Mirrors io.photonfarm.api.tile.RadianceSums (shaders may not depend on farm-api). */
    public static final int FIXED_FRACTION_BITS = 20;
    public static final float MAX_SAMPLE_RADIANCE = 1.0e6f;

    /** Frame uniform block: 8 vec4/uvec4 rows, then 32 uvec4 Sobol rows. */
    public static final int FRAME_BYTES = 8 * 16 + 32 * 16;
    /** Push constants: ivec2 tileOrigin, ivec2 tileSize, uint sampleStart, uint sampleCount, 2 pad. */
    public static final int PUSH_BYTES = 32;
    /** Accumulator: per pixel, 3 channels x (low word, high word) of a 64-bit fixed-point sum. */
    public static final int ACCUM_WORDS_PER_PIXEL = 6;

    /** Frame option flag: next-event estimation combined with BSDF sampling by MIS. */
    public static final int FLAG_NEE = 1;

    /** status[0] bits. */
    public static final int STATUS_LOOP_BUDGET = 1;
    public static final int STATUS_STACK_OVERFLOW = 2;
    /** status words: flags, non-finite samples, first failing pixel x, y. */
    public static final int STATUS_WORDS = 4;

    /**
     * lavapipe silently ends every loop of an invocation after 65,535 iterations in total; the
     * shader counts its iterations against this budget and reports when a dispatch came close.
     */
    public static final int LOOP_BUDGET = 50_000;

    private Bindings() {
    }
}
