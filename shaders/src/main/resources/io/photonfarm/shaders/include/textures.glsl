// Bilinear, wrapping lookups in 8-bit RGBA textures packed one texel per uint (R lowest byte),
// row 0 at the top; uv (0, 0) is the top-left corner (glTF).
#ifndef TEXTURES_GLSL
#define TEXTURES_GLSL

vec3 srgb_to_linear(vec3 c) {
    return mix(c / 12.92, pow((c + 0.055) / 1.055, vec3(2.4)), greaterThan(c, vec3(0.04045)));
}

vec4 texel_fetch(TexInfo ti, int x, int y, bool srgb) {
    int w = int(ti.width);
    int h = int(ti.height);
    x = ((x % w) + w) % w;
    y = ((y % h) + h) % h;
    vec4 c = unpackUnorm4x8(texels[ti.offset + uint(y) * ti.width + uint(x)]);
    // Decode before filtering: averaging encoded values would darken edges.
    return srgb ? vec4(srgb_to_linear(c.rgb), c.a) : c;
}

vec4 texture_sample(int tex, vec2 uv, bool srgb) {
    TexInfo ti = texInfos[tex];
    vec2 p = uv * vec2(float(ti.width), float(ti.height)) - 0.5;
    // Keep the coordinates small before converting to int; wrapping is periodic anyway.
    p = p - floor(p / vec2(float(ti.width), float(ti.height))) * vec2(float(ti.width), float(ti.height));
    vec2 f = fract(p);
    int x = int(floor(p.x));
    int y = int(floor(p.y));
    vec4 c00 = texel_fetch(ti, x, y, srgb);
    vec4 c10 = texel_fetch(ti, x + 1, y, srgb);
    vec4 c01 = texel_fetch(ti, x, y + 1, srgb);
    vec4 c11 = texel_fetch(ti, x + 1, y + 1, srgb);
    return mix(mix(c00, c10, f.x), mix(c01, c11, f.x), f.y);
}

#endif
