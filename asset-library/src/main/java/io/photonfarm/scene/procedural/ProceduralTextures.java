package io.photonfarm.scene.procedural;

import io.photonfarm.scene.Rgb;
import io.photonfarm.scene.Texture;
import java.util.Locale;

/**
 * Procedural textures baked into image textures on the CPU (the renderer samples them like any
 * base-colour texture, so the GPU needs nothing new): value noise, wood, marble, checker and
 * stripes, each blending two colours. Every texture tiles (its patterns are periodic in u and v),
 * and is a pure function of its parameters: the same {@link Spec} gives the same bytes on every machine
 * (integer hashing and {@code StrictMath}).
 */
public final class ProceduralTextures {
    /** Side of a baked texture, texels. */
    public static final int SIZE = 128;
    private static final int OCTAVES = 3;

    /** The closed set of patterns. */
    public enum Kind {
        NOISE, WOOD, MARBLE, CHECKER, STRIPES;

        /** The recipe's name for it. */
        public String wireName() {
            return name().toLowerCase(Locale.ROOT);
        }

        public static Kind byWireName(String name) {
            for (Kind k : values()) {
                if (k.wireName().equals(name)) {
                    return k;
                }
            }
            return null;
        }
    }

    /**
     * @param kind    the pattern
     * @param repeats how many times the pattern repeats across the texture (an integer, so it tiles), >= 1
     * @param a       first colour, linear RGB in [0, 1]
     * @param b       second colour, linear RGB in [0, 1]
     * @param seed    seeds the noise
     */
    public record Spec(Kind kind, int repeats, Rgb a, Rgb b, long seed) {
        public Spec {
            if (kind == null || repeats < 1 || repeats > 64) {
                throw new IllegalArgumentException("procedural texture: kind must be set and repeats " + repeats + " in 1..64");
            }
        }
    }

    private ProceduralTextures() {
    }

    /** Bakes {@code spec} into an sRGB-encoded RGBA texture of {@link #SIZE} x {@link #SIZE} texels, alpha 255. */
    public static Texture bake(Spec spec, String name) {
        byte[] rgba = new byte[SIZE * SIZE * 4];
        int period = spec.repeats();
        for (int y = 0; y < SIZE; y++) {
            double v = (y + 0.5) / SIZE;
            for (int x = 0; x < SIZE; x++) {
                double u = (x + 0.5) / SIZE;
                double t = switch (spec.kind()) {
                    case NOISE -> fbm(u * period * 4, v * period * 4, period * 4, spec.seed());
                    case WOOD -> wood(u, v, period, spec.seed());
                    case MARBLE -> 0.5 + 0.5 * StrictMath.sin(2 * Math.PI * (period * u + 1.5 * fbm(u * 4, v * 4, 4, spec.seed())));
                    case CHECKER -> ((int) Math.floor(u * period * 2) + (int) Math.floor(v * period * 2)) & 1;
                    case STRIPES -> (int) Math.floor(u * period * 2) & 1;
                };
                int i = 4 * (y * SIZE + x);
                rgba[i] = (byte) encode(mix(spec.a().r(), spec.b().r(), t));
                rgba[i + 1] = (byte) encode(mix(spec.a().g(), spec.b().g(), t));
                rgba[i + 2] = (byte) encode(mix(spec.a().b(), spec.b().b(), t));
                rgba[i + 3] = (byte) 255;
            }
        }
        return new Texture(name, SIZE, SIZE, rgba);
    }

    /** Growth rings along u, bent by noise, with fine grain: 0 is early wood, 1 late wood. */
    private static double wood(double u, double v, int period, long seed) {
        double bend = fbm(u * 2, v * 2, 2, seed);
        double ring = period * 3 * u + 2.0 * bend;
        double f = ring - Math.floor(ring);
        double grain = 0.15 * valueNoise(u * 64, v * 4, 64, 4, seed ^ 0x5DEECE66DL); // streaks along v
        return Math.min(1, f * f * f + grain);
    }

    /** Periodic fractal value noise in [0, 1]; {@code period} lattice cells span the texture at the first octave. */
    static double fbm(double x, double y, int period, long seed) {
        double sum = 0;
        double amplitude = 0.5;
        double norm = 0;
        for (int o = 0; o < OCTAVES; o++) {
            int scale = 1 << o;
            sum += amplitude * valueNoise(x * scale, y * scale, period * scale, period * scale, seed + o);
            norm += amplitude;
            amplitude *= 0.5;
        }
        return sum / norm;
    }

    private static double valueNoise(double x, double y, int periodX, int periodY, long seed) {
        int x0 = (int) Math.floor(x);
        int y0 = (int) Math.floor(y);
        double fx = x - x0;
        double fy = y - y0;
        double sx = fx * fx * (3 - 2 * fx);
        double sy = fy * fy * (3 - 2 * fy);
        double n00 = lattice(Math.floorMod(x0, periodX), Math.floorMod(y0, periodY), seed);
        double n10 = lattice(Math.floorMod(x0 + 1, periodX), Math.floorMod(y0, periodY), seed);
        double n01 = lattice(Math.floorMod(x0, periodX), Math.floorMod(y0 + 1, periodY), seed);
        double n11 = lattice(Math.floorMod(x0 + 1, periodX), Math.floorMod(y0 + 1, periodY), seed);
        return mix(mix(n00, n10, sx), mix(n01, n11, sx), sy);
    }

    /** A hash of a wrapped lattice point to [0, 1). */
    private static double lattice(int x, int y, long seed) {
        long h = seed * 0x9E3779B97F4A7C15L + x * 0xBF58476D1CE4E5B9L + y * 0x94D049BB133111EBL;
        h = (h ^ (h >>> 30)) * 0xBF58476D1CE4E5B9L;
        h = (h ^ (h >>> 27)) * 0x94D049BB133111EBL;
        h ^= h >>> 31;
        return (h >>> 11) * 0x1.0p-53;
    }

    private static double mix(double a, double b, double t) {
        return a + (b - a) * t;
    }

    /**
     * Linear [0, 1] to the nearest 8-bit sRGB code (IEC 61966-2-1), by binary search over the linear
     * values where the code steps up: exact, and no power function per texel.
     */
    private static int encode(double linear) {
        int lo = 0;
        int hi = 255;
        while (lo < hi) {
            int mid = (lo + hi) >>> 1;
            if (linear < STEP_UP[mid]) {
                hi = mid;
            } else {
                lo = mid + 1;
            }
        }
        return lo;
    }

    /** STEP_UP[k]: the linear value from which the code is k + 1 (the decoded midpoint of codes k and k + 1). */
    private static final double[] STEP_UP = stepUps();

    private static double[] stepUps() {
        double[] t = new double[255];
        for (int k = 0; k < 255; k++) {
            double s = (k + 0.5) / 255;
            t[k] = s <= 0.04045 ? s / 12.92 : StrictMath.pow((s + 0.055) / 1.055, 2.4);
        }
        return t;
    }
}
