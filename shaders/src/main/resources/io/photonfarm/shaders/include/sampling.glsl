// Small sampling routines and MIS weights.
#ifndef SAMPLING_GLSL
#define SAMPLING_GLSL

// Shirley & Chiu 1997, "A Low Distortion Map Between Disk and Square": unit disk.
vec2 concentric_disk(vec2 u) {
    vec2 o = 2.0 * u - 1.0;
    if (o.x == 0.0 && o.y == 0.0) {
        return vec2(0.0);
    }
    float r, theta;
    if (abs(o.x) > abs(o.y)) {
        r = o.x; theta = (PI / 4.0) * (o.y / o.x);
    } else {
        r = o.y; theta = (PI / 2.0) - (PI / 4.0) * (o.x / o.y);
    }
    return r * vec2(cos(theta), sin(theta));
}

// Malley's method: cosine-weighted direction about +z, pdf = z / pi.
vec3 cosine_hemisphere(vec2 u) {
    vec2 d = concentric_disk(u);
    return vec3(d, sqrt(max(0.0, 1.0 - dot(d, d))));
}

// Uniform barycentrics (b1, b2) on a triangle (Turk 1990 square-root parameterisation).
vec2 uniform_triangle(vec2 u) {
    float su = sqrt(u.x);
    return vec2(1.0 - su, u.y * su);
}

// Veach 1997 power heuristic with beta = 2, for the technique with density a against b.
float power_heuristic(float a, float b) {
    float a2 = a * a;
    float d = a2 + b * b;
    return d > 0.0 ? a2 / d : 0.0;
}

// Duff et al. 2017, "Building an Orthonormal Basis, Revisited".
void orthonormal_basis(vec3 n, out vec3 t, out vec3 b) {
    float sgn = n.z >= 0.0 ? 1.0 : -1.0;
    float a = -1.0 / (sgn + n.z);
    float c = n.x * n.y * a;
    t = vec3(1.0 + sgn * n.x * n.x * a, sgn * c, -sgn * n.x);
    b = vec3(c, sgn + n.y * n.y * a, -n.y);
}

float luminance(vec3 c) {
    return dot(c, vec3(0.2126, 0.7152, 0.0722));
}

float max3(vec3 v) {
    return max(v.x, max(v.y, v.z));
}

// Walker/Vose alias-table pick: index in [0, n) and u rescaled to a fresh uniform in [0, 1).
uint alias_pick(float u, uint n, float q, uint alias, uint i, out float uRest) {
    float x = u * float(n) - float(i);
    if (x < q) {
        uRest = q > 0.0 ? clamp(x / q, 0.0, 0.99999994) : 0.0;
        return i;
    }
    uRest = q < 1.0 ? clamp((x - q) / (1.0 - q), 0.0, 0.99999994) : 0.0;
    return alias;
}

#endif
