// Samples are pure functions of (job seed, frame, pixel, sample index, dimension): a shuffled and
// Owen-scrambled Sobol sequence in 4-dimensional groups.
// Burley 2020, "Practical Hash-based Owen Scrambling", JCGT 9(4): nested uniform scrambling by a
// Laine-Karras style hash, applied to the sample index (shuffling) and to each coordinate.
#ifndef RANDOM_GLSL
#define RANDOM_GLSL

// A 32-bit integer hash with low bias (Wellons' "lowbias32" constants).
uint hash_u32(uint x) {
    x ^= x >> 16; x *= 0x7feb352du;
    x ^= x >> 15; x *= 0x846ca68bu;
    x ^= x >> 16;
    return x;
}

uint hash_combine(uint seed, uint v) {
    return hash_u32(seed ^ (v + 0x9e3779b9u + (seed << 6) + (seed >> 2)));
}

// Laine & Karras 2011 style permutation: each bit is changed only by bits below it.
uint lk_permute(uint x, uint seed) {
    x += seed;
    x ^= x * 0x6c50b47cu;
    x ^= x * 0xb82f1e52u;
    x ^= x * 0xc7afe638u;
    x ^= x * 0x8d22f6e6u;
    return x;
}

// Owen scrambling of a 32-bit binary fraction (most significant bit first).
uint nested_uniform_scramble(uint x, uint seed) {
    return bitfieldReverse(lk_permute(bitfieldReverse(x), seed));
}

#include "sobol.glsl"

// Sobol dimensions 0..3 of point `index`: a GF(2) matrix-vector product with the direction numbers.
uvec4 sobol4(uint index) {
    uvec4 x = uvec4(0u);
    [[unroll]] for (uint b = 0u; b < 32u; b++) {
        x ^= SOBOL[b] & uvec4(0u - ((index >> b) & 1u));
    }
    return x;
}

// Per-pixel sampler state: which pixel and sample, and a loop-iteration count for lavapipe's budget.
struct Sampler {
    uint pixelSeed;
    uint sampleIndex;
    uint loops;
};

uint pixel_seed(uint jobSeed, uint frameIndex, uvec2 pixel) {
    return hash_combine(hash_combine(hash_combine(hash_u32(jobSeed), frameIndex), pixel.x), pixel.y);
}

// Four dimensions [4 * group, 4 * group + 4) of the current sample, each in [0, 1).
vec4 sample4(inout Sampler s, uint group) {
    uint seed = hash_combine(s.pixelSeed, group);
    uint index = nested_uniform_scramble(s.sampleIndex, seed);
    uvec4 x = sobol4(index);
    x.x = nested_uniform_scramble(x.x, hash_combine(seed, 1u));
    x.y = nested_uniform_scramble(x.y, hash_combine(seed, 2u));
    x.z = nested_uniform_scramble(x.z, hash_combine(seed, 3u));
    x.w = nested_uniform_scramble(x.w, hash_combine(seed, 4u));
    s.loops += 33u; // the unrolled loop above, counted in case a compiler keeps it as a loop
    return vec4(x >> 8u) * (1.0 / 16777216.0);
}

#endif
