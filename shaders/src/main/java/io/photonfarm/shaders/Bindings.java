package io.photonfarm.shaders;

/**
 * Host-side constants of the path tracer's interface: descriptor bindings (set 0), the status
 * words, flags, and sizes of the frame and dispatch blocks (std430, bytes). The shaders get
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
    public static final int DISPATCH = 15;
    public static final int LABELS = 16;
    /** Every binding 0..BINDING_COUNT - 1 is a storage buffer (no uniform blocks, no push constants). */
    public static final int BINDING_COUNT = 17;

    /** Workgroups are WORKGROUP_SIZE x WORKGROUP_SIZE invocations, one per pixel. */
    public static final int WORKGROUP_SIZE = 8;
    /** Depth of each traversal stack (TLAS and BLAS). */
    public static final int TRAVERSAL_STACK = 64;
    /** Mirrors io.photonfarm.api.tile.RadianceSums (shaders may not depend on farm-api). */
    public static final int FIXED_FRACTION_BITS = 20;
    public static final float MAX_SAMPLE_RADIANCE = 1.0e6f;

    /** Frame block (struct FrameData, std430): 13 vec4/uvec4 rows. */
    public static final int FRAME_BYTES = 13 * 16;
    /** One dispatch's parameters (struct DispatchParams, std430): ivec2 tileOrigin, ivec2 tileSize, uint sampleStart, uint sampleCount, uint labelMode, 1 pad. */
    public static final int DISPATCH_BYTES = 32;
    /** Dispatches one submission may hold (entries of the dispatch-parameter buffer). */
    public static final int MAX_DISPATCHES = 1024;
    /**
     * Accumulator: per pixel, 3 channels x (low word, high word) of a 64-bit fixed-point sum, then the
     * count of samples whose camera ray first hit the instance the pixel-centre ray hits (coverage).
     */
    public static final int ACCUM_WORDS_PER_PIXEL = 7;
    /** Word of the coverage count within a pixel's accumulator words. */
    public static final int ACCUM_COVERAGE = 6;

    /**
     * Label record: per pixel, what the ray through the pixel centre and the lens centre sees, as
     * 32-bit words (floats as their bits). Offsets below; vectors are 3 consecutive words x, y, z.
     * Background: range and depth +inf, every other word 0.
     */
    public static final int LABEL_WORDS_PER_PIXEL = 20;
    /** Distance along the unit ray from the lens centre to the hit, metres. */
    public static final int LABEL_RANGE = 0;
    /** Distance along the optical axis, metres. */
    public static final int LABEL_DEPTH_Z = 1;
    /** World position of the hit, metres. */
    public static final int LABEL_POSITION = 2;
    /** Unit geometric (face) normal, world frame, on the side the ray came from. */
    public static final int LABEL_NORMAL_GEOMETRIC = 5;
    /** Unit shading normal (interpolated, normal-mapped), world frame, in the hemisphere of the geometric one. */
    public static final int LABEL_NORMAL_SHADING = 8;
    /** Base colour after textures, linear RGB. */
    public static final int LABEL_ALBEDO = 11;
    public static final int LABEL_ROUGHNESS = 14;
    public static final int LABEL_METALLIC = 15;
    /** Texture coordinate (glTF convention), 2 words; 0 when the mesh has none. */
    public static final int LABEL_UV = 16;
    /** Instance id: scene instance index + 1, 0 = background (an integer, not float bits). */
    public static final int LABEL_INSTANCE = 18;
    /** Material id: scene material index + 1, 0 = background (an integer). */
    public static final int LABEL_MATERIAL = 19;

    /** Frame option flag: next-event estimation combined with BSDF sampling by MIS. */
    public static final int FLAG_NEE = 1;
    /** Frame option flag: trace the pixel-centre ray, count coverage, and write label records when asked. */
    public static final int FLAG_LABELS = 2;
    /**
     * Frame option flag: camera rays pass through a Brown-Conrady lens (OpenCV's k1, k2, k3, p1, p2 in the
     * frame's lensK and lensP), undistorted per ray by {@link #LENS_NEWTON_STEPS} Newton steps.
     */
    public static final int FLAG_BROWN_CONRADY = 4;
    /** Frame option flag: camera rays pass through a Kannala-Brandt (OpenCV fisheye) lens, k1..k4 in lensK. */
    public static final int FLAG_KANNALA_BRANDT = 8;
    /**
     * Newton steps that invert the lens distortion per ray; mirrors the scene library's
     * {@code LensMapping.SHADER_NEWTON_STEPS}, whose check refuses lenses these steps cannot invert
     * (shaders may not depend on the scene library; farm-node's drift test keeps them equal).
     */
    public static final int LENS_NEWTON_STEPS = 12;
    /** Dispatch label modes: read the centre instance stored by the unit's first dispatch... */
    public static final int LABELS_READ = 0;
    /** ...trace the centre ray and store its instance id (a unit's first dispatch)... */
    public static final int LABELS_INSTANCE = 1;
    /** ...or trace it and store the whole label record (the first dispatch of the unit starting at sample 0). */
    public static final int LABELS_RECORD = 2;

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
