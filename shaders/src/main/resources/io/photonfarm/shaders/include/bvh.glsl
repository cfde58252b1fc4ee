// Two-level BVH traversal: a TLAS over instances, a BLAS per mesh (docs/gpu-scene-layout.md).
// Children are tested before descending; the nearer is visited first, the farther is pushed with
// its entry distance so it can be skipped once a closer hit is known.
#ifndef BVH_GLSL
#define BVH_GLSL

struct Hit {
    float t;      // ray parameter of the closest hit (world ray, unnormalised object ray alike)
    uint inst;    // index into instances[]
    uint tri;     // index into tris[] / shading[]
    vec2 bary;    // barycentrics of v1 and v2
};

vec3 safe_inverse(vec3 d) {
    const float tiny = 1e-20;
    return 1.0 / vec3(abs(d.x) > tiny ? d.x : (d.x >= 0.0 ? tiny : -tiny),
                      abs(d.y) > tiny ? d.y : (d.y >= 0.0 ? tiny : -tiny),
                      abs(d.z) > tiny ? d.z : (d.z >= 0.0 ? tiny : -tiny));
}

// Slab test; returns the entry distance or +inf when the box is missed within (0, tmax).
float box_entry(vec3 bmin, vec3 bmax, vec3 org, vec3 invDir, float tmax) {
    vec3 t0 = (bmin - org) * invDir;
    vec3 t1 = (bmax - org) * invDir;
    vec3 lo = min(t0, t1);
    vec3 hi = max(t0, t1);
    float tn = max(max(lo.x, lo.y), max(lo.z, 0.0));
    float tf = min(min(hi.x, hi.y), min(hi.z, tmax));
    return tn <= tf ? tn : 1.0 / 0.0;
}

// Moller & Trumbore 1997; accepts hits with 0 < t < tmax.
bool triangle_hit(vec3 org, vec3 dir, uint triIndex, float tmax, out float t, out vec2 bary) {
    Tri tr = tris[triIndex];
    vec3 p = cross(dir, tr.e2.xyz);
    float det = dot(tr.e1.xyz, p);
    if (det == 0.0) {
        return false;
    }
    float inv = 1.0 / det;
    vec3 s = org - tr.v0.xyz;
    float u = dot(s, p) * inv;
    if (u < 0.0 || u > 1.0) {
        return false;
    }
    vec3 q = cross(s, tr.e1.xyz);
    float v = dot(dir, q) * inv;
    if (v < 0.0 || u + v > 1.0) {
        return false;
    }
    t = dot(tr.e2.xyz, q) * inv;
    bary = vec2(u, v);
    return t > 0.0 && t < tmax;
}

// Affine transforms as three rows, passed as vectors rather than arrays, so that no copy of an
// array is made in private memory (on a CPU device that memory is gathered lane by lane).
vec3 xform_point(vec4 r0, vec4 r1, vec4 r2, vec3 p) {
    vec4 h = vec4(p, 1.0);
    return vec3(dot(r0, h), dot(r1, h), dot(r2, h));
}

vec3 xform_dir(vec4 r0, vec4 r1, vec4 r2, vec3 d) {
    return vec3(dot(r0.xyz, d), dot(r1.xyz, d), dot(r2.xyz, d));
}

bool moves_now(uint inst) {
    return rayTime != 0.0 && (instances[inst].flags & INSTANCE_MOVING) != 0u;
}

// objectToWorld's rows at rayTime.
void instance_o2w(uint inst, out vec4 r0, out vec4 r1, out vec4 r2) {
    r0 = instances[inst].o2w[0];
    r1 = instances[inst].o2w[1];
    r2 = instances[inst].o2w[2];
    if (moves_now(inst)) {
        r0 = fma(vec4(rayTime), instances[inst].vel[0], r0);
        r1 = fma(vec4(rayTime), instances[inst].vel[1], r1);
        r2 = fma(vec4(rayTime), instances[inst].vel[2], r2);
    }
}

// worldToObject's rows at rayTime: the stored inverse at the label time, else the inverse of the moved rows.
void instance_w2o(uint inst, out vec4 r0, out vec4 r1, out vec4 r2) {
    if (!moves_now(inst)) {
        r0 = instances[inst].w2o[0];
        r1 = instances[inst].w2o[1];
        r2 = instances[inst].w2o[2];
        return;
    }
    vec4 a0;
    vec4 a1;
    vec4 a2;
    instance_o2w(inst, a0, a1, a2);
    // mat3 takes columns, so this is the transpose of the linear part; its inverse's columns are the
    // rows of the linear part's inverse.
    mat3 inv = inverse(mat3(a0.xyz, a1.xyz, a2.xyz));
    vec3 t = vec3(a0.w, a1.w, a2.w);
    r0 = vec4(inv[0], -dot(inv[0], t));
    r1 = vec4(inv[1], -dot(inv[1], t));
    r2 = vec4(inv[2], -dot(inv[2], t));
}

vec3 object_to_world_point(uint inst, vec3 p) {
    vec4 r0;
    vec4 r1;
    vec4 r2;
    instance_o2w(inst, r0, r1, r2);
    return xform_point(r0, r1, r2, p);
}

vec3 object_to_world_dir(uint inst, vec3 d) {
    vec4 r0;
    vec4 r1;
    vec4 r2;
    instance_o2w(inst, r0, r1, r2);
    return xform_dir(r0, r1, r2, d);
}

// Traversal stacks live at file scope, once per invocation, shared by every trace call. (The
// 2 MB-per-dispatch leak once blamed on them was lavapipe recompiling the shader for push
// constants; see include/bindings.glsl.)
uint tlasStack[STACK_SIZE];
float tlasStackT[STACK_SIZE];
uint blasStack[STACK_SIZE];
float blasStackT[STACK_SIZE];

void report_stack_overflow() {
    atomicOr(status[0], STATUS_STACK_OVERFLOW);
}

// Closest (or, with anyHit, any) triangle of one BLAS along an object-space ray.
bool trace_blas(uint root, vec3 org, vec3 dir, uint instIndex, bool anyHit, inout Hit hit, inout uint loops) {
    vec3 invDir = safe_inverse(dir);
    int sp = 0;
    bool found = false;
    Node n = nodes[root];
    if (box_entry(n.bmin, n.bmax, org, invDir, hit.t) == 1.0 / 0.0) {
        return false;
    }
    uint node = root;
    while (true) {
        loops++;
        n = nodes[node];
        if (n.b > 0u) {
            for (uint i = n.a; i < n.a + n.b; i++) {
                loops++;
                float t;
                vec2 bary;
                if (triangle_hit(org, dir, i, hit.t, t, bary)) {
                    hit.t = t; hit.inst = instIndex; hit.tri = i; hit.bary = bary;
                    found = true;
                    if (anyHit) {
                        return true;
                    }
                }
            }
        } else {
            Node l = nodes[n.a];
            Node r = nodes[n.a + 1u];
            float tl = box_entry(l.bmin, l.bmax, org, invDir, hit.t);
            float tr = box_entry(r.bmin, r.bmax, org, invDir, hit.t);
            bool hl = tl != 1.0 / 0.0;
            bool hr = tr != 1.0 / 0.0;
            if (hl && hr) {
                bool leftFirst = tl <= tr;
                if (sp < STACK_SIZE) {
                    blasStack[sp] = leftFirst ? n.a + 1u : n.a;
                    blasStackT[sp] = leftFirst ? tr : tl;
                    sp++;
                } else {
                    report_stack_overflow();
                }
                node = leftFirst ? n.a : n.a + 1u;
                continue;
            } else if (hl || hr) {
                node = hl ? n.a : n.a + 1u;
                continue;
            }
        }
        // Pop the next node still in front of the closest hit.
        bool popped = false;
        while (sp > 0) {
            loops++;
            sp--;
            if (blasStackT[sp] < hit.t) {
                node = blasStack[sp];
                popped = true;
                break;
            }
        }
        if (!popped) {
            break;
        }
    }
    return found;
}

// Closest (or any) hit in the scene along a world-space ray with 0 < t < tmax.
bool trace_scene(vec3 org, vec3 dir, float tmax, bool anyHit, out Hit hit, inout uint loops) {
    hit.t = tmax; hit.inst = 0u; hit.tri = 0u; hit.bary = vec2(0.0);
    vec3 invDir = safe_inverse(dir);
    uint root = frame.scene.x;
    if (root == 0xFFFFFFFFu) {
        return false; // a scene without geometry
    }
    int sp = 0;
    bool found = false;
    Node n = nodes[root];
    if (box_entry(n.bmin, n.bmax, org, invDir, hit.t) == 1.0 / 0.0) {
        return false;
    }
    uint node = root;
    while (true) {
        loops++;
        n = nodes[node];
        if (n.b > 0u) {
            for (uint i = n.a; i < n.a + n.b; i++) {
                loops++;
                vec4 r0;
                vec4 r1;
                vec4 r2;
                instance_w2o(i, r0, r1, r2);
                // The object ray keeps the world ray's parameterisation, so t compares across instances.
                vec3 o = xform_point(r0, r1, r2, org);
                vec3 d = xform_dir(r0, r1, r2, dir);
                if (trace_blas(instances[i].blasRoot, o, d, i, anyHit, hit, loops)) {
                    found = true;
                    if (anyHit) {
                        return true;
                    }
                }
            }
        } else {
            Node l = nodes[n.a];
            Node r = nodes[n.a + 1u];
            float tl = box_entry(l.bmin, l.bmax, org, invDir, hit.t);
            float tr = box_entry(r.bmin, r.bmax, org, invDir, hit.t);
            bool hl = tl != 1.0 / 0.0;
            bool hr = tr != 1.0 / 0.0;
            if (hl && hr) {
                bool leftFirst = tl <= tr;
                if (sp < STACK_SIZE) {
                    tlasStack[sp] = leftFirst ? n.a + 1u : n.a;
                    tlasStackT[sp] = leftFirst ? tr : tl;
                    sp++;
                } else {
                    report_stack_overflow();
                }
                node = leftFirst ? n.a : n.a + 1u;
                continue;
            } else if (hl || hr) {
                node = hl ? n.a : n.a + 1u;
                continue;
            }
        }
        bool popped = false;
        while (sp > 0) {
            loops++;
            sp--;
            if (tlasStackT[sp] < hit.t) {
                node = tlasStack[sp];
                popped = true;
                break;
            }
        }
        if (!popped) {
            break;
        }
    }
    return found;
}

#endif
