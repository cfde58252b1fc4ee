// Label passes: what the ray through the exact pixel centre (and the lens centre) sees, in the same
// frame and camera as the radiance. One record of LABEL_WORDS words per pixel (LABEL_* offsets);
// floats are stored as their bits. Background: range and depth +inf, ids 0, every other word 0.
#ifndef LABELS_GLSL
#define LABELS_GLSL

// The instance id of a hit: scene instance index + 1 (0 is the background).
uint instance_id(Hit hit) {
    return instances[hit.inst].sceneInstance + 1u;
}

// Traces the pixel-centre ray and returns its instance id; writes the whole label record at `base` when
// `record`, else only its instance word (which later dispatches of the unit read instead of tracing again).
uint centre_labels(uvec2 pixel, bool record, uint base, inout uint loops) {
    rayTime = 0.0; // labels are the scene at the label time, the middle of the exposure
    vec3 origin = frame.camPos.xyz;
    vec3 dir = camera_direction(vec2(pixel) + 0.5);
    Hit hit;
    bool found = trace_scene(origin, dir, 1e30, false, hit, loops);
    uint id = found ? instance_id(hit) : 0u;
    if (!record) {
        labelWords[base + LABEL_INSTANCE] = id;
        return id;
    }
    for (uint k = 0u; k < LABEL_WORDS; k++) {
        labelWords[base + k] = 0u;
    }
    if (!found) {
        labelWords[base + LABEL_RANGE] = floatBitsToUint(1.0 / 0.0);
        labelWords[base + LABEL_DEPTH_Z] = floatBitsToUint(1.0 / 0.0);
        return 0u;
    }
    Surface s = surface_at(hit, dir);
    labelWords[base + LABEL_RANGE] = floatBitsToUint(hit.t);
    labelWords[base + LABEL_DEPTH_Z] = floatBitsToUint(hit.t * dot(dir, frame.camForward.xyz));
    for (uint c = 0u; c < 3u; c++) {
        labelWords[base + LABEL_POSITION + c] = floatBitsToUint(s.p[c]);
        labelWords[base + LABEL_NORMAL_GEOMETRIC + c] = floatBitsToUint(s.ng[c]);
        labelWords[base + LABEL_NORMAL_SHADING + c] = floatBitsToUint(s.ns[c]);
        labelWords[base + LABEL_ALBEDO + c] = floatBitsToUint(s.baseColor[c]);
    }
    labelWords[base + LABEL_ROUGHNESS] = floatBitsToUint(s.roughness);
    labelWords[base + LABEL_METALLIC] = floatBitsToUint(s.metallic);
    vec2 uv = surface_uv(hit);
    labelWords[base + LABEL_UV] = floatBitsToUint(uv.x);
    labelWords[base + LABEL_UV + 1u] = floatBitsToUint(uv.y);
    labelWords[base + LABEL_INSTANCE] = id;
    labelWords[base + LABEL_MATERIAL] = s.material + 1u;
    return id;
}

#endif
