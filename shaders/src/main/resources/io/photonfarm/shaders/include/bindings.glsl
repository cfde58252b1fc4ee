// Descriptor set 0 of the path tracer. Binding numbers come from the host as macros
// (io.photonfarm.shaders.ShaderLibrary#defines); struct layouts follow docs/gpu-scene-layout.md.
#ifndef BINDINGS_GLSL
#define BINDINGS_GLSL

#ifndef B_NODES
#error "compile with ShaderLibrary.defines(): binding macros are missing"
#endif

struct Node { vec3 bmin; uint a; vec3 bmax; uint b; };
struct Tri { vec4 v0; vec4 e1; vec4 e2; };
// Object-space float32 unit vertex normals n0..n2 (labels read them), octahedral tangents t0, t12
// (they only orient 8-bit normal-map texels), flags = SHADING_* bits.
struct TriShading { vec3 n0; uint material; vec3 n1; uint flags; vec3 n2; uint t0; uvec2 t12; vec2 uv2; vec4 uv01; };
// o2w, w2o: rows at the frame's label time; vel: d(o2w rows) per frame interval (zero unless flags has
// INSTANCE_MOVING), so at s frame intervals from the label time the rows are o2w + s * vel.
struct Instance { vec4 o2w[3]; vec4 w2o[3]; vec4 vel[3]; uint blasRoot; uint sceneInstance; uint mesh; uint firstTri;
                  uint flags; uint pad0; uint pad1; uint pad2; };
struct Material { vec4 baseColor; vec4 emission; vec4 params; vec4 params2; ivec4 textures; };
struct TexInfo { uint offset; uint width; uint height; uint pad; };
struct LightTri { vec4 p0; vec4 p1; vec4 p2; uvec4 ids; };
struct Alias { float q; uint alias; };

// Everything the shader reads per frame and per dispatch comes from storage buffers, never from
// uniform blocks or push constants: lavapipe (Mesa 22.3) re-specialises a large shader on the values
// of push constants whenever they are set, compiling it anew for every dispatch and never freeing the
// code (about 12 ms and 2 MB per dispatch). Storage buffers are never inlined.
struct FrameData {
    vec4 camPos;      // xyz: lens centre (world, m); w: lens radius (m)
    vec4 camRight;    // xyz: unit right; w: tan(vfov / 2) * width / height
    vec4 camUp;       // xyz: unit up; w: tan(vfov / 2)
    vec4 camForward;  // xyz: unit viewing direction; w: focus distance (m)
    uvec4 image;      // width, height, frame index, job seed
    uvec4 scene;      // tlas root node, light count, env width, env height
    vec4 lightEnv;    // light total weight, env intensity, env rotation (rad), env total weight
    uvec4 options;    // max bounces, flags (FLAG_*), Russian-roulette start bounce, loop budget
    vec4 lensK;       // lens distortion k1, k2, k3, k4 (FLAG_BROWN_CONRADY or FLAG_KANNALA_BRANDT; else unused)
    vec4 lensP;       // lens distortion p1, p2 (Brown-Conrady), 0, 0
    // Camera motion during the exposure, which lasts `shutter` frame intervals centred on the label time:
    // at s frame intervals from it the camera has turned by angle |spin| s about axis spin through pivot
    // and then moved by velocity s.
    vec4 camVelocity; // xyz: m per frame interval (world); w: shutter, frame intervals (0: no motion blur)
    vec4 camSpin;     // xyz: angular velocity, rad per frame interval (world axis); w: 0
    vec4 camPivot;    // xyz: the point the camera turns about (world, m); w: 0
};

// One entry per dispatch of a submission; a dispatch finds its entry at gl_WorkGroupID.z
// (vkCmdDispatchBase with baseGroupZ = entry index).
struct DispatchParams {
    ivec2 tileOrigin;  // pixel of the tile's top-left corner in the frame
    ivec2 tileSize;    // pixels
    uint sampleStart;  // first sample index of this dispatch
    uint sampleCount;  // samples per pixel in this dispatch
    uint labelMode;    // FLAG_LABELS only: LABELS_READ, LABELS_INSTANCE or LABELS_RECORD
    uint pad1;
};

layout(std430, set = 0, binding = B_FRAME) readonly buffer FrameBlock { FrameData frame; };
layout(std430, set = 0, binding = B_DISPATCH) readonly buffer DispatchBlock { DispatchParams dispatches[]; };

layout(std430, set = 0, binding = B_NODES) readonly buffer NodeBuf { Node nodes[]; };
layout(std430, set = 0, binding = B_TRIS) readonly buffer TriBuf { Tri tris[]; };
layout(std430, set = 0, binding = B_SHADING) readonly buffer ShadingBuf { TriShading shading[]; };
layout(std430, set = 0, binding = B_INSTANCES) readonly buffer InstanceBuf { Instance instances[]; };
layout(std430, set = 0, binding = B_MATERIALS) readonly buffer MaterialBuf { Material materials[]; };
layout(std430, set = 0, binding = B_TEXINFOS) readonly buffer TexInfoBuf { TexInfo texInfos[]; };
layout(std430, set = 0, binding = B_TEXELS) readonly buffer TexelBuf { uint texels[]; };
layout(std430, set = 0, binding = B_LIGHTS) readonly buffer LightBuf { LightTri lights[]; };
layout(std430, set = 0, binding = B_LIGHT_ALIAS) readonly buffer LightAliasBuf { Alias lightAlias[]; };
layout(std430, set = 0, binding = B_ENV_PIXELS) readonly buffer EnvPixelBuf { vec4 envPixels[]; };
layout(std430, set = 0, binding = B_ENV_ROW_ALIAS) readonly buffer EnvRowBuf { Alias envRowAlias[]; };
layout(std430, set = 0, binding = B_ENV_COL_ALIAS) readonly buffer EnvColBuf { Alias envColAlias[]; };
// ACCUM_WORDS words per tile pixel: (low, high) of the 64-bit fixed-point sum of R, G, B, then the
// number of samples whose first hit is the pixel-centre ray's instance (coverage, FLAG_LABELS only).
layout(std430, set = 0, binding = B_ACCUM) buffer AccumBuf { uint accum[]; };
// LABEL_WORDS words per tile pixel: what the ray through the pixel centre sees (LABEL_* offsets).
layout(std430, set = 0, binding = B_LABELS) buffer LabelBuf { uint labelWords[]; };
// flags, non-finite sample count, first failing pixel x, y.
layout(std430, set = 0, binding = B_STATUS) buffer StatusBuf { uint status[]; };

const uint INSTANCE_MOVING = 1u;
const uint FLAG_NEE = 1u;
const uint FLAG_LABELS = 2u;
const uint LABELS_READ = 0u;      // read the centre instance the unit's first dispatch stored
const uint LABELS_INSTANCE = 1u;  // trace the centre ray, store its instance id
const uint LABELS_RECORD = 2u;    // trace the centre ray, store the whole label record
const uint STATUS_LOOP_BUDGET = 1u;
const uint STATUS_STACK_OVERFLOW = 2u;
const float PI = 3.14159265358979;
const float INV_PI = 0.318309886183791;

#endif
