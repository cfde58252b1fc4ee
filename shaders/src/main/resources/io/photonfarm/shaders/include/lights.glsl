// Light sampling for next-event estimation: emissive triangles chosen by power through an alias
// table, and the environment map through row and column alias tables (both importance sampled).
#ifndef LIGHTS_GLSL
#define LIGHTS_GLSL

const float TWO_PI = 6.28318530717959;

bool env_sampling_enabled() {
#if FEATURE_ENVIRONMENT_LIGHT
    return frame.lightEnv.w > 0.0;
#else
    return false;
#endif
}

bool triangle_lights_enabled() {
#if FEATURE_TRIANGLE_LIGHTS
    return frame.scene.y > 0u && frame.lightEnv.x > 0.0;
#else
    return false;
#endif
}

// Probability of choosing the triangle lights (rather than the environment) for one NEE sample.
float triangle_light_choice() {
    bool tri = triangle_lights_enabled();
    bool env = env_sampling_enabled();
    return tri ? (env ? 0.5 : 1.0) : 0.0;
}

uvec2 env_pixel(vec3 d, out float sinTheta) {
    uint w = frame.scene.z;
    uint h = frame.scene.w;
    float cosTheta = clamp(d.y, -1.0, 1.0);
    sinTheta = sqrt(max(0.0, 1.0 - cosTheta * cosTheta));
    float theta = acos(cosTheta);
    float phi = atan(d.z, d.x) - frame.lightEnv.z;
    phi = phi - TWO_PI * floor(phi / TWO_PI);
    uint x = min(uint(phi / TWO_PI * float(w)), w - 1u);
    uint y = min(uint(theta / PI * float(h)), h - 1u);
    return uvec2(x, y);
}

vec3 env_radiance(vec3 d) {
    float sinTheta;
    uvec2 p = env_pixel(d, sinTheta);
    return envPixels[p.y * frame.scene.z + p.x].rgb * frame.lightEnv.y;
}

// Solid-angle density with which env_sample produces direction d.
float env_pdf(vec3 d) {
    if (!env_sampling_enabled()) {
        return 0.0;
    }
    float sinTheta;
    uvec2 p = env_pixel(d, sinTheta);
    if (sinTheta <= 0.0) {
        return 0.0;
    }
    float w = float(frame.scene.z);
    float h = float(frame.scene.w);
    return envPixels[p.y * frame.scene.z + p.x].w * w * h / (2.0 * PI * PI * sinTheta);
}

vec3 env_sample(vec3 u, out vec3 dir, out float pdf) {
    uint w = frame.scene.z;
    uint h = frame.scene.w;
    float rest;
    uint i = min(uint(u.x * float(h)), h - 1u);
    Alias ra = envRowAlias[i];
    uint row = alias_pick(u.x, h, ra.q, ra.alias, i, rest);
    float jitterY = rest;
    uint j = min(uint(u.y * float(w)), w - 1u);
    Alias ca = envColAlias[row * w + j];
    uint col = alias_pick(u.y, w, ca.q, ca.alias, j, rest);
    float jitterX = rest;
    float theta = PI * (float(row) + jitterY) / float(h);
    float phi = TWO_PI * (float(col) + jitterX) / float(w) + frame.lightEnv.z;
    float sinTheta = sin(theta);
    dir = vec3(sinTheta * cos(phi), cos(theta), sinTheta * sin(phi));
    vec4 px = envPixels[row * w + col];
    pdf = sinTheta > 0.0 ? px.w * float(w) * float(h) / (2.0 * PI * PI * sinTheta) : 0.0;
    return px.rgb * frame.lightEnv.y;
}

// Area density of choosing a point on an emitter of this material, given the triangle lights were chosen.
float triangle_light_area_pdf(Material m) {
    return luminance(m.emission.rgb) / frame.lightEnv.x;
}

// Samples a point on an emissive triangle as seen from p. Returns the emitted radiance towards p
// (0 when seen from behind a one-sided emitter), the unit direction, distance and solid-angle pdf.
vec3 triangle_light_sample(vec3 p, vec3 u, out vec3 dir, out float dist, out float pdf) {
    pdf = 0.0;
    uint n = frame.scene.y;
    float rest;
    uint i = min(uint(u.x * float(n)), n - 1u);
    Alias a = lightAlias[i];
    uint li = alias_pick(u.x, n, a.q, a.alias, i, rest);
    LightTri l = lights[li];
    vec2 bb = uniform_triangle(u.yz);
    vec3 w = vec3(1.0 - bb.x - bb.y, bb.x, bb.y);
    vec3 q = w.x * l.p0.xyz + w.y * l.p1.xyz + w.z * l.p2.xyz;
    vec3 nl = normalize(cross(l.p1.xyz - l.p0.xyz, l.p2.xyz - l.p0.xyz));
    vec3 d = q - p;
    float dist2 = dot(d, d);
    dist = sqrt(dist2);
    dir = d / dist;
    float cosL = -dot(dir, nl);
    TriShading sh = shading[l.ids.x];
    Material m = materials[sh.material];
    bool doubleSided = m.params2.z > 0.5;
    if (cosL <= 0.0 && !doubleSided) {
        return vec3(0.0);
    }
    cosL = abs(cosL);
    if (cosL < 1e-7) {
        return vec3(0.0);
    }
    pdf = triangle_light_area_pdf(m) * dist2 / cosL;
    return material_emission(m, interpolate_uv(sh, w), (sh.flags & SHADING_HAS_UV) != 0u);
}

#endif
