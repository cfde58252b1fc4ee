package io.photonfarm.scene.gpu;

/**
 * Unit vectors in 32 bits (the tangents of the shading records): octahedral mapping (Meyer et al.
 * 2010, "On Floating-Point Normal Vectors") quantised to two snorm16 values, x in the low half, as
 * GLSL's unpackSnorm2x16 reads them. Angular error below 1e-4 rad.
 */
public final class Octahedral {
    private Octahedral() {
    }

    /** Encodes a (not necessarily unit, non-zero) vector. */
    public static int encode(float x, float y, float z) {
        float l1 = Math.abs(x) + Math.abs(y) + Math.abs(z);
        float u = x / l1;
        float v = y / l1;
        if (z < 0) {
            float ou = (1 - Math.abs(v)) * (u >= 0 ? 1 : -1);
            float ov = (1 - Math.abs(u)) * (v >= 0 ? 1 : -1);
            u = ou;
            v = ov;
        }
        return (snorm16(u) & 0xFFFF) | (snorm16(v) << 16);
    }

    /** Decodes to a unit vector. */
    public static float[] decode(int packed) {
        float u = Math.max(-1f, (short) (packed & 0xFFFF) / 32767f);
        float v = Math.max(-1f, (short) (packed >>> 16) / 32767f);
        float z = 1 - Math.abs(u) - Math.abs(v);
        if (z < 0) {
            float ou = (1 - Math.abs(v)) * (u >= 0 ? 1 : -1);
            float ov = (1 - Math.abs(u)) * (v >= 0 ? 1 : -1);
            u = ou;
            v = ov;
        }
        float len = (float) Math.sqrt(u * u + v * v + z * z);
        return new float[] {u / len, v / len, z / len};
    }

    private static int snorm16(float f) {
        return Math.round(Math.max(-1f, Math.min(1f, f)) * 32767f);
    }
}
