// A principled metallic-roughness BSDF (glTF 2.0 semantics) in the local shading frame (n = +z),
// wo towards the viewer with wo.z > 0. Three lobes, sampled by one-sample MIS over lobes:
//   diffuse:  Lambert, weight (1 - metallic)(1 - transmission)(1 - F_dielectric)
//   glossy:   GGX reflection with Schlick Fresnel, F0 = mix(dielectric F0 * specular, baseColor, metallic)
//   glass:    rough dielectric reflection + refraction with exact Fresnel, weight (1 - metallic) transmission
// GGX: Walter et al. 2007 "Microfacet Models for Refraction through Rough Surfaces"; visible-normal
// sampling: Heitz 2018 "Sampling the GGX Distribution of Visible Normals"; height-correlated
// Smith masking: Heitz 2014.
#ifndef BSDF_GLSL
#define BSDF_GLSL

const float MIN_ALPHA = 1e-3;

float ggx_d(vec3 h, float a2) {
    float c2 = h.z * h.z;
    float d = c2 * (a2 - 1.0) + 1.0;
    return a2 / (PI * d * d);
}

float ggx_lambda(vec3 w, float a2) {
    float c2 = w.z * w.z;
    if (c2 <= 0.0) {
        return 0.0;
    }
    float t2 = max(0.0, 1.0 - c2) / c2;
    return 0.5 * (-1.0 + sqrt(1.0 + a2 * t2));
}

float ggx_g1(vec3 w, float a2) {
    return 1.0 / (1.0 + ggx_lambda(w, a2));
}

float ggx_g2(vec3 wo, vec3 wi, float a2) {
    return 1.0 / (1.0 + ggx_lambda(wo, a2) + ggx_lambda(wi, a2));
}

vec3 ggx_sample_vndf(vec3 wo, float a, vec2 u) {
    vec3 vh = normalize(vec3(a * wo.x, a * wo.y, wo.z));
    float lensq = vh.x * vh.x + vh.y * vh.y;
    vec3 t1 = lensq > 0.0 ? vec3(-vh.y, vh.x, 0.0) * inversesqrt(lensq) : vec3(1.0, 0.0, 0.0);
    vec3 t2 = cross(vh, t1);
    float r = sqrt(u.x);
    float phi = 2.0 * PI * u.y;
    float p1 = r * cos(phi);
    float p2 = r * sin(phi);
    float s = 0.5 * (1.0 + vh.z);
    p2 = (1.0 - s) * sqrt(max(0.0, 1.0 - p1 * p1)) + s * p2;
    vec3 nh = p1 * t1 + p2 * t2 + sqrt(max(0.0, 1.0 - p1 * p1 - p2 * p2)) * vh;
    return normalize(vec3(a * nh.x, a * nh.y, max(1e-6, nh.z)));
}

// Density of visible normal h seen from wo.
float ggx_pdf_vndf(vec3 wo, vec3 h, float a2) {
    return ggx_g1(wo, a2) * max(0.0, dot(wo, h)) * ggx_d(h, a2) / wo.z;
}

// Unpolarised Fresnel reflectance of a dielectric; eta = n(transmitted side) / n(incident side).
float fresnel_dielectric(float cosI, float eta) {
    cosI = clamp(cosI, 0.0, 1.0);
    float sin2T = (1.0 - cosI * cosI) / (eta * eta);
    if (sin2T >= 1.0) {
        return 1.0;
    }
    float cosT = sqrt(1.0 - sin2T);
    float rs = (cosI - eta * cosT) / (cosI + eta * cosT);
    float rp = (eta * cosI - cosT) / (eta * cosI + cosT);
    return 0.5 * (rs * rs + rp * rp);
}

vec3 fresnel_schlick(vec3 f0, float c) {
    float m = clamp(1.0 - c, 0.0, 1.0);
    float m2 = m * m;
    return f0 + (1.0 - f0) * (m2 * m2 * m);
}

struct BsdfInputs {
    vec3 baseColor;
    float metallic;
    float transmission;
    float alpha;
    float a2;
    float eta;          // n behind the surface / n in front of it, along the shading normal
    float f0Dielectric; // normal-incidence reflectance of the dielectric base, from the IOR
    float specular;     // KHR_materials_specular: scales the dielectric Fresnel term as a whole
    float wOpaque;      // (1 - metallic)(1 - transmission)
    float wGlass;       // (1 - metallic) transmission
};

BsdfInputs bsdf_inputs(Surface s) {
    BsdfInputs b;
    b.baseColor = s.baseColor;
    b.metallic = s.metallic;
    b.transmission = s.transmission;
    b.alpha = max(s.roughness * s.roughness, MIN_ALPHA);
    b.a2 = b.alpha * b.alpha;
    b.eta = s.frontFace ? s.ior : 1.0 / s.ior;
    float r = (s.ior - 1.0) / (s.ior + 1.0);
    b.f0Dielectric = r * r;
    b.specular = s.specular;
    b.wOpaque = (1.0 - s.metallic) * (1.0 - s.transmission);
    b.wGlass = (1.0 - s.metallic) * s.transmission;
    return b;
}

// Reflectance of the opaque dielectric's specular layer; what it reflects the diffuse base does not get.
float dielectric_fresnel(BsdfInputs b, float c) {
#if FEATURE_GLOSSY
    return b.specular * fresnel_schlick(vec3(b.f0Dielectric), c).x;
#else
    return 0.0; // no material of the scene has specular > 0
#endif
}

vec3 glossy_fresnel(BsdfInputs b, float c) {
#if FEATURE_GLOSSY
    return b.metallic * fresnel_schlick(b.baseColor, c) + vec3(b.wOpaque * dielectric_fresnel(b, c));
#else
    return vec3(0.0); // no material of the scene is metallic or has specular > 0
#endif
}

// Lobe selection probabilities (diffuse, glossy, glass), from reflectance estimates at wo.
vec3 lobe_probabilities(BsdfInputs b, vec3 wo) {
    float fd = dielectric_fresnel(b, wo.z);
    float pd = b.wOpaque * (1.0 - fd) * luminance(b.baseColor);
    float ps = luminance(glossy_fresnel(b, wo.z));
    float pg = b.wGlass;
    float sum = pd + ps + pg;
    return sum > 0.0 ? vec3(pd, ps, pg) / sum : vec3(0.0);
}

// f(wo, wi) |wi.z| and the density of sampling wi, both in the local frame.
vec3 bsdf_eval(BsdfInputs b, vec3 wo, vec3 wi, out float pdf) {
    pdf = 0.0;
    if (wo.z <= 0.0 || wi.z == 0.0) {
        return vec3(0.0);
    }
    vec3 probs = lobe_probabilities(b, wo);
    if (wi.z > 0.0) {
        float fd = dielectric_fresnel(b, wo.z);
        vec3 value = b.wOpaque * (1.0 - fd) * b.baseColor * INV_PI * wi.z;
        pdf = probs.x * wi.z * INV_PI;
#if FEATURE_GLOSSY || FEATURE_TRANSMISSION
        vec3 h = normalize(wo + wi);
        float d = ggx_d(h, b.a2);
        float g2 = ggx_g2(wo, wi, b.a2);
        float micro = d * g2 / (4.0 * wo.z);             // D G / (4 cos_o cos_i) * cos_i
        float pdfReflect = ggx_g1(wo, b.a2) * d / (4.0 * wo.z);
        float foh = dot(wo, h);
#if FEATURE_GLOSSY
        value += glossy_fresnel(b, foh) * micro;
        pdf += probs.y * pdfReflect;
#endif
#if FEATURE_TRANSMISSION
        float fGlass = fresnel_dielectric(foh, b.eta);
        value += vec3(b.wGlass * fGlass * micro);
        pdf += probs.z * fGlass * pdfReflect;
#endif
#endif
        return value;
    }
#if FEATURE_TRANSMISSION
    if (b.wGlass <= 0.0) {
        return vec3(0.0);
    }
    // Refraction (pbrt-v4's formulation of Walter et al.), radiance scaled by 1 / eta^2.
    vec3 h = normalize(wi * b.eta + wo);
    if (h.z < 0.0) {
        h = -h;
    }
    float doh = dot(wo, h);
    float dih = dot(wi, h);
    if (doh <= 0.0 || dih >= 0.0) {
        return vec3(0.0);
    }
    float denom = dih + doh / b.eta;
    denom *= denom;
    float f = fresnel_dielectric(doh, b.eta);
    float d = ggx_d(h, b.a2);
    float g2 = ggx_g2(wo, wi, b.a2);
    float ft = (1.0 - f) * d * g2 * abs(dih * doh / (wo.z * denom)) / (b.eta * b.eta);
    pdf = probs.z * (1.0 - f) * ggx_pdf_vndf(wo, h, b.a2) * abs(dih) / denom;
    return b.wGlass * b.baseColor * ft;
#else
    return vec3(0.0); // no material of the scene transmits
#endif
}

// Samples wi; returns false when the sample is absorbed. f_cos and pdf as bsdf_eval gives them.
bool bsdf_sample(BsdfInputs b, vec3 wo, vec3 u, out vec3 wi, out vec3 fCos, out float pdf) {
    fCos = vec3(0.0);
    pdf = 0.0;
    wi = vec3(0.0, 0.0, 1.0);
    if (wo.z <= 0.0) {
        return false;
    }
    vec3 probs = lobe_probabilities(b, wo);
    if (u.x < probs.x) {
        wi = cosine_hemisphere(u.yz);
#if FEATURE_GLOSSY
    } else if (u.x < probs.x + probs.y) {
        vec3 h = ggx_sample_vndf(wo, b.alpha, u.yz);
        wi = reflect(-wo, h);
#endif
#if FEATURE_TRANSMISSION
    } else if (probs.z > 0.0) {
        float uLobe = (u.x - probs.x - probs.y) / probs.z; // recycled: uniform in [0, 1)
        vec3 h = ggx_sample_vndf(wo, b.alpha, u.yz);
        float f = fresnel_dielectric(dot(wo, h), b.eta);
        if (uLobe < f) {
            wi = reflect(-wo, h);
        } else {
            wi = refract(-wo, h, 1.0 / b.eta);
            if (dot(wi, wi) == 0.0) {
                wi = reflect(-wo, h);
            }
        }
#endif
    } else {
        return false;
    }
    fCos = bsdf_eval(b, wo, wi, pdf);
    return pdf > 0.0 && max3(fCos) > 0.0;
}

#endif
