#version 460
// Unidirectional path tracer over one tile and one sample range: next-event estimation to emissive
// triangles and the environment, combined with BSDF sampling by multiple importance sampling
// (Veach 1997, power heuristic), Russian roulette, and fixed-point per-pixel sums so that any
// split of tiles and sample ranges adds up to bit-identical results.
#extension GL_GOOGLE_include_directive : require
#extension GL_EXT_control_flow_attributes : require

// Far above any bounce's groups (2 + 2 * max bounces), so the time is independent of every other dimension.
const uint TIME_GROUP = 1023u;

layout(local_size_x = WORKGROUP_SIZE, local_size_y = WORKGROUP_SIZE, local_size_z = 1) in;

#include "include/bindings.glsl"
#include "include/random.glsl"
#include "include/sampling.glsl"
#include "include/camera.glsl"
#include "include/bvh.glsl"
#include "include/textures.glsl"
#include "include/surface.glsl"
#include "include/bsdf.glsl"
#include "include/lights.glsl"
#include "include/labels.glsl"

// Dimension groups of 4: 0 = film + lens; per bounce k: 1 + 2k = light choice and point, 2 + 2k = BSDF and roulette;
// TIME_GROUP = the time within the shutter (only drawn when the shutter is open, so still frames keep their samples).
// firstInstance: the instance id of the camera ray's first hit (0: none).
vec3 radiance(uvec2 pixel, inout Sampler smp, out uint firstInstance) {
    vec4 u0 = sample4(smp, 0u);
    float shutter = frame.camVelocity.w;
    rayTime = shutter > 0.0 ? (sample4(smp, TIME_GROUP).x - 0.5) * shutter : 0.0;
    vec3 origin;
    vec3 dir;
    camera_ray(vec2(pixel) + u0.xy, u0.zw, origin, dir);

    bool nee = (frame.options.y & FLAG_NEE) != 0u;
    uint maxBounces = frame.options.x;
    vec3 L = vec3(0.0);
    vec3 beta = vec3(1.0);
    float prevPdf = 0.0;     // solid-angle density of the BSDF sample that made this ray
    float pTri = triangle_light_choice();
    float pEnv = env_sampling_enabled() ? 1.0 - pTri : 0.0;
    firstInstance = 0u;

    for (uint depth = 0u; ; depth++) {
        smp.loops++;
        Hit hit;
        if (!trace_scene(origin, dir, 1e30, false, hit, smp.loops)) {
            vec3 le = env_radiance(dir);
            float w = 1.0;
#if FEATURE_ENVIRONMENT_LIGHT
            if (nee && depth > 0u) {
                w = power_heuristic(prevPdf, pEnv * env_pdf(dir));
            }
#endif
            L += beta * le * w;
            break;
        }
        if (depth == 0u) {
            firstInstance = instance_id(hit);
        }
        Surface s = surface_at(hit, dir);
        if (max3(s.emission) > 0.0) {
            float w = 1.0;
#if FEATURE_TRIANGLE_LIGHTS
            if (nee && depth > 0u) {
                float cosL = abs(dot(s.ng, dir));
                float lightPdf = cosL > 0.0
                        ? pTri * triangle_light_area_pdf(materials[s.material]) * hit.t * hit.t / cosL : 0.0;
                w = power_heuristic(prevPdf, lightPdf);
            }
#endif
            L += beta * s.emission * w;
        }
        if (depth >= maxBounces) {
            break;
        }
        BsdfInputs b = bsdf_inputs(s);
        vec3 wo = to_local(s, -dir);
        vec4 uLight = sample4(smp, 1u + 2u * depth);
        vec4 uBsdf = sample4(smp, 2u + 2u * depth);

#if FEATURE_TRIANGLE_LIGHTS || FEATURE_ENVIRONMENT_LIGHT
        if (nee && pTri + pEnv > 0.0) {
            vec3 ldir;
            float ldist;
            float lpdf;
            vec3 le;
            float choice;
#if FEATURE_TRIANGLE_LIGHTS && FEATURE_ENVIRONMENT_LIGHT
            if (uLight.w < pTri) {
                le = triangle_light_sample(s.p, uLight.xyz, ldir, ldist, lpdf);
                choice = pTri;
            } else {
                le = env_sample(uLight.xyz, ldir, lpdf);
                ldist = 1e30;
                choice = pEnv;
            }
#elif FEATURE_TRIANGLE_LIGHTS
            le = triangle_light_sample(s.p, uLight.xyz, ldir, ldist, lpdf);
            choice = pTri;
#else
            le = env_sample(uLight.xyz, ldir, lpdf);
            ldist = 1e30;
            choice = pEnv;
#endif
            float cosGeo = dot(ldir, s.ng);
            if (lpdf > 0.0 && max3(le) > 0.0) {
                float bpdf;
                vec3 wi = to_local(s, ldir);
                vec3 f = bsdf_eval(b, wo, wi, bpdf);
                // A direction on the other side of the geometric surface than the shading frame says is blocked.
                bool sameSide = (wi.z > 0.0) == (cosGeo > 0.0);
                if (max3(f) > 0.0 && sameSide) {
                    vec3 o = offset_ray(s.p, cosGeo > 0.0 ? s.ng : -s.ng);
                    Hit shadow;
                    float tmax = ldist < 1e29 ? ldist * (1.0 - 1e-4) : 1e30;
                    if (!trace_scene(o, ldir, tmax, true, shadow, smp.loops)) {
                        float lightPdf = choice * lpdf;
                        L += beta * f * le * power_heuristic(lightPdf, bpdf) / lightPdf;
                    }
                }
            }
        }

#endif

        vec3 wiLocal;
        vec3 fCos;
        float pdf;
        if (!bsdf_sample(b, wo, uBsdf.xyz, wiLocal, fCos, pdf)) {
            break;
        }
        vec3 wi = to_world(s, wiLocal);
        float cosGeo = dot(wi, s.ng);
        if ((wiLocal.z > 0.0) != (cosGeo > 0.0)) {
            break;
        }
        beta *= fCos / pdf;
        prevPdf = pdf;
        origin = offset_ray(s.p, cosGeo > 0.0 ? s.ng : -s.ng);
        dir = wi;
        if (depth + 1u >= frame.options.z) {
            float survive = min(max3(beta), 0.95);
            if (uBsdf.w >= survive) {
                break;
            }
            beta /= survive;
        }
    }
    return L;
}

// Adds one sample to a 64-bit fixed-point sum kept as (low, high) words.
void accumulate(uint word, float v) {
    float scaled = v * float(1u << FIXED_FRACTION_BITS);
    uint hi;
    uint lo;
    if (scaled < 16777216.0) {
        hi = 0u;
        lo = uint(scaled + 0.5);
    } else {
        // Already an integer (24-bit mantissa), so both parts are exact.
        hi = uint(scaled * (1.0 / 4294967296.0));
        lo = uint(scaled - float(hi) * 4294967296.0);
    }
    uint carry;
    accum[word] = uaddCarry(accum[word], lo, carry);
    accum[word + 1u] = accum[word + 1u] + hi + carry;
}

// Flags the dispatch for a re-render with fewer samples per dispatch, keeping the first pixel that asked.
void report_loop_budget(uvec2 pixel) {
    if ((atomicOr(status[0], STATUS_LOOP_BUDGET) & STATUS_LOOP_BUDGET) == 0u) {
        status[2] = pixel.x;
        status[3] = pixel.y;
    }
}

void main() {
    DispatchParams pc = dispatches[gl_WorkGroupID.z];
    uvec2 local = gl_GlobalInvocationID.xy;
    if (local.x >= uint(pc.tileSize.x) || local.y >= uint(pc.tileSize.y)) {
        return;
    }
    uvec2 pixel = uvec2(pc.tileOrigin) + local;
    uint tilePixel = local.y * uint(pc.tileSize.x) + local.x;
    uint base = tilePixel * ACCUM_WORDS;
    Sampler smp;
    smp.pixelSeed = pixel_seed(frame.image.w, frame.image.z, pixel);
    smp.loops = 0u;
    bool labels = (frame.options.y & FLAG_LABELS) != 0u;
    uint centreInstance = 0u;
    if (labels) {
        // The unit's first dispatch traces the centre ray; the others read the instance it stored.
        uint at = tilePixel * LABEL_WORDS;
        centreInstance = pc.labelMode != LABELS_READ ? centre_labels(pixel, pc.labelMode == LABELS_RECORD, at, smp.loops)
                                                     : labelWords[at + LABEL_INSTANCE];
    }
    uint covered = 0u;
    for (uint i = 0u; i < pc.sampleCount; i++) {
        smp.loops++;
        smp.sampleIndex = pc.sampleStart + i;
        uint firstInstance;
        vec3 L = radiance(pixel, smp, firstInstance);
        covered += firstInstance == centreInstance ? 1u : 0u;
        if (smp.loops > frame.options.w) {
            // Close to lavapipe's silent loop cut-off: stop early; the host re-renders with fewer samples per dispatch.
            report_loop_budget(pixel);
            return;
        }
        for (uint c = 0u; c < 3u; c++) {
            float v = L[c];
            if (!(v >= 0.0) || isinf(v)) {
                atomicAdd(status[1], 1u);
                v = 0.0;
            }
            accumulate(base + 2u * c, min(v, MAX_SAMPLE_RADIANCE));
        }
    }
    if (labels) {
        accum[base + ACCUM_COVERAGE] += covered;
    }
    // The count above is an estimate; this is the proof. lavapipe's loop limiter is one counter per
    // invocation that is never reset, so if it ran out anywhere in this dispatch, this loop (whose
    // trip count the compiler cannot know) is cut off after its first iteration too.
    uint sentinel = 0u;
    for (uint k = 0u; k <= pc.sampleCount; k++) {
        sentinel++;
    }
    if (sentinel != pc.sampleCount + 1u) {
        report_loop_budget(pixel);
    }
}
