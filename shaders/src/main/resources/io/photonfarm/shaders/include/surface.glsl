// Reconstructs the shading point of a hit: position, normals, shading frame and material inputs.
#ifndef SURFACE_GLSL
#define SURFACE_GLSL

const uint SHADING_HAS_UV = 1u;
const uint SHADING_HAS_TANGENTS = 2u;

struct Surface {
    vec3 p;            // world position
    vec3 ng;           // unit geometric normal, on the side the ray came from
    vec3 ns;           // unit shading normal (normal-mapped), in the hemisphere of ng
    vec3 t;            // shading frame: t, b, ns orthonormal
    vec3 b;
    bool frontFace;    // the ray hit the counter-clockwise side
    vec3 baseColor;
    float metallic;
    float roughness;
    float ior;
    float specular;
    float transmission;
    vec3 emission;     // radiance emitted towards the ray's origin
    uint material;
};

// Octahedral unit vectors in two snorm16 (Meyer et al. 2010, "On Floating-Point Normal Vectors").
vec3 oct_decode(uint packed) {
    vec2 e = unpackSnorm2x16(packed);
    vec3 n = vec3(e, 1.0 - abs(e.x) - abs(e.y));
    if (n.z < 0.0) {
        vec2 s = vec2(n.x >= 0.0 ? 1.0 : -1.0, n.y >= 0.0 ? 1.0 : -1.0);
        n.xy = (1.0 - abs(n.yx)) * s;
    }
    return normalize(n);
}

// Normals transform with the inverse transpose: columns of worldToObject's linear part.
vec3 normal_to_world(uint inst, vec3 n) {
    vec4 r0;
    vec4 r1;
    vec4 r2;
    instance_w2o(inst, r0, r1, r2);
    return normalize(vec3(dot(vec3(r0.x, r1.x, r2.x), n), dot(vec3(r0.y, r1.y, r2.y), n), dot(vec3(r0.z, r1.z, r2.z), n)));
}

vec2 interpolate_uv(TriShading sh, vec3 w) {
    return w.x * sh.uv01.xy + w.y * sh.uv01.zw + w.z * sh.uv2;
}

// The texture coordinate of a hit (glTF convention), or (0, 0) when its mesh has none.
vec2 surface_uv(Hit hit) {
    TriShading sh = shading[hit.tri];
    if ((sh.flags & SHADING_HAS_UV) == 0u) {
        return vec2(0.0);
    }
    return interpolate_uv(sh, vec3(1.0 - hit.bary.x - hit.bary.y, hit.bary.x, hit.bary.y));
}

// Emission of a material at a texture coordinate (before the one-sidedness test).
vec3 material_emission(Material m, vec2 uv, bool hasUv) {
    vec3 e = m.emission.rgb;
#if FEATURE_TEXTURES
    if (m.textures.w >= 0 && hasUv) {
        e *= texture_sample(m.textures.w, uv, true).rgb;
    }
#endif
    return e;
}

Surface surface_at(Hit hit, vec3 rayDir) {
    Surface s;
    Tri tr = tris[hit.tri];
    TriShading sh = shading[hit.tri];
    vec3 w = vec3(1.0 - hit.bary.x - hit.bary.y, hit.bary.x, hit.bary.y);

    vec3 pObj = tr.v0.xyz + hit.bary.x * tr.e1.xyz + hit.bary.y * tr.e2.xyz;
    s.p = object_to_world_point(hit.inst, pObj);
    // The cross product of world edges: its side defines the front face in world space, the
    // same rule that light sampling uses, whatever the sign of the instance's determinant.
    vec3 ng = normalize(cross(object_to_world_dir(hit.inst, tr.e1.xyz), object_to_world_dir(hit.inst, tr.e2.xyz)));
    s.frontFace = dot(ng, rayDir) < 0.0;
    vec3 nObj = w.x * sh.n0 + w.y * sh.n1 + w.z * sh.n2;
    vec3 ns = normal_to_world(hit.inst, nObj);
    if (dot(ns, ng) < 0.0) {
        ns = -ns; // vertex normals wound against the face: trust the face
    }
    if (!s.frontFace) {
        ng = -ng;
        ns = -ns;
    }

    uint flags = sh.flags;
    bool hasUv = (flags & SHADING_HAS_UV) != 0u;
    vec2 uv = interpolate_uv(sh, w);
    s.material = sh.material;
    Material m = materials[s.material];
    s.baseColor = m.baseColor.rgb;
    s.metallic = m.params.x;
    s.roughness = m.params.y;
    s.ior = m.params.z;
    s.transmission = m.params.w;
    s.specular = m.params2.x;
#if FEATURE_TEXTURES
    if (hasUv) {
        if (m.textures.x >= 0) {
            s.baseColor *= texture_sample(m.textures.x, uv, true).rgb;
        }
        if (m.textures.y >= 0) {
            vec4 mr = texture_sample(m.textures.y, uv, false);
            s.roughness *= mr.g;
            s.metallic *= mr.b;
        }
#if FEATURE_NORMAL_MAPS
        if (m.textures.z >= 0 && (flags & SHADING_HAS_TANGENTS) != 0u) {
            vec3 tObj = w.x * oct_decode(sh.t0) + w.y * oct_decode(sh.t12.x) + w.z * oct_decode(sh.t12.y);
            vec3 tw = normalize(object_to_world_dir(hit.inst, tObj));
            tw = normalize(tw - ns * dot(ns, tw));
            float sign = ((flags >> 2u) & 1u) != 0u ? -1.0 : 1.0;
            vec3 bw = cross(ns, tw) * sign;
            vec3 tn = texture_sample(m.textures.z, uv, false).xyz * 2.0 - 1.0;
            tn.xy *= m.params2.y;
            vec3 mapped = normalize(tn.x * tw + tn.y * bw + max(tn.z, 1e-3) * ns);
            if (dot(mapped, ng) > 0.0) {
                ns = mapped;
            }
        }
#endif
    }
#endif
    s.ng = ng;
    s.ns = ns;
    orthonormal_basis(ns, s.t, s.b);
    bool doubleSided = m.params2.z > 0.5;
    s.emission = (s.frontFace || doubleSided) ? material_emission(m, uv, hasUv) : vec3(0.0);
    return s;
}

// Wachter & Binder 2019, "A Fast and Robust Method for Avoiding Self-Intersection" (Ray Tracing
// Gems, ch. 6): move p off the surface along n by a few units in the last place.
vec3 offset_ray(vec3 p, vec3 n) {
    const float originEps = 1.0 / 32.0;
    const float floatScale = 1.0 / 65536.0;
    const float intScale = 256.0;
    ivec3 o = ivec3(intScale * n);
    vec3 pi = vec3(intBitsToFloat(floatBitsToInt(p.x) + (p.x < 0.0 ? -o.x : o.x)),
                   intBitsToFloat(floatBitsToInt(p.y) + (p.y < 0.0 ? -o.y : o.y)),
                   intBitsToFloat(floatBitsToInt(p.z) + (p.z < 0.0 ? -o.z : o.z)));
    return vec3(abs(p.x) < originEps ? p.x + floatScale * n.x : pi.x,
                abs(p.y) < originEps ? p.y + floatScale * n.y : pi.y,
                abs(p.z) < originEps ? p.z + floatScale * n.z : pi.z);
}

vec3 to_local(Surface s, vec3 v) {
    return vec3(dot(v, s.t), dot(v, s.b), dot(v, s.ns));
}

vec3 to_world(Surface s, vec3 v) {
    return v.x * s.t + v.y * s.b + v.z * s.ns;
}

#endif
