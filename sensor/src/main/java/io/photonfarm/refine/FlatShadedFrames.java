package io.photonfarm.refine;

import io.photonfarm.image.FloatImage;
import io.photonfarm.recipe.draw.DrawRng;
import java.util.stream.IntStream;

/**
 * Procedural stand-ins for clean renderings: a shaded sky and floor and a few flat-coloured discs,
 * boxes and triangles with soft linear shading, without noise and with 4x4 supersampled edges.
 * The cleanest kind of synthetic image, as far from a photograph as a renderer gets; benchmarks and
 * tests measure the refiners and the domain-gap report on them. A frame is a pure function of
 * (seed, index).
 */
public final class FlatShadedFrames {
    private static final int SHAPES = 7;
    private static final int SUPERSAMPLING = 4;

    private FlatShadedFrames() {
    }

    /** Frame {@code index} of {@code seed}: encoded sRGB in [0, 1], 3 channels. */
    public static FloatImage frame(int width, int height, long seed, int index) {
        DrawRng rng = DrawRng.of(seed, index, "flat-shaded-frame");
        double horizon = 0.35 + 0.3 * rng.nextDouble();
        double[] sky = colour(rng, 0.5, 0.9);
        double[] floor = colour(rng, 0.2, 0.6);
        double[][] shapes = new double[SHAPES][];
        for (int s = 0; s < SHAPES; s++) {
            // kind, centre x, centre y, size, r, g, b, shading slope
            shapes[s] = new double[] {rng.nextInt(3), rng.nextDouble(), horizon + (1 - horizon) * rng.nextDouble() - 0.1,
                0.05 + 0.15 * rng.nextDouble(), 0, 0, 0, rng.nextDouble() - 0.5};
            double[] c = colour(rng, 0.05, 0.95);
            System.arraycopy(c, 0, shapes[s], 4, 3);
        }
        float[] out = new float[width * height * 3];
        double aspect = (double) width / height;
        IntStream.range(0, height).parallel().forEach(py -> {
            double[] sum = new double[3];
            for (int px = 0; px < width; px++) {
                java.util.Arrays.fill(sum, 0);
                for (int sy = 0; sy < SUPERSAMPLING; sy++) {
                    for (int sx = 0; sx < SUPERSAMPLING; sx++) {
                        double v = (py + (sy + 0.5) / SUPERSAMPLING) / height;
                        double u = (px + (sx + 0.5) / SUPERSAMPLING) / width;
                        shade(u, v, aspect, horizon, sky, floor, shapes, sum);
                    }
                }
                for (int c = 0; c < 3; c++) {
                    out[(py * width + px) * 3 + c] = (float) Math.max(0, Math.min(1, sum[c] / (SUPERSAMPLING * SUPERSAMPLING)));
                }
            }
        });
        return new FloatImage(width, height, 3, out);
    }

    private static double[] colour(DrawRng rng, double lo, double hi) {
        return new double[] {lo + (hi - lo) * rng.nextDouble(), lo + (hi - lo) * rng.nextDouble(), lo + (hi - lo) * rng.nextDouble()};
    }

    /** Adds the colour at (u, v) in [0, 1]^2 (v down) to {@code sum}: the front-most shape covering it, else floor or sky. */
    private static void shade(double u, double v, double aspect, double horizon, double[] sky, double[] floor, double[][] shapes,
            double[] sum) {
        for (int s = shapes.length - 1; s >= 0; s--) {
            double[] sh = shapes[s];
            double dx = (u - sh[1]) * aspect;
            double dy = v - sh[2];
            double r = sh[3];
            boolean inside = switch ((int) sh[0]) {
                case 0 -> dx * dx + dy * dy < r * r;
                case 1 -> Math.abs(dx) < r && Math.abs(dy) < 0.7 * r;
                default -> dy < r && dy > -r + 2 * Math.abs(dx);
            };
            if (inside) {
                double light = 1 + sh[7] * (dx - dy) / r * 0.5;
                for (int c = 0; c < 3; c++) {
                    sum[c] += sh[4 + c] * light;
                }
                return;
            }
        }
        if (v < horizon) {
            double t = v / horizon;
            for (int c = 0; c < 3; c++) {
                sum[c] += sky[c] * (0.75 + 0.25 * t);
            }
        } else {
            double t = (v - horizon) / (1 - horizon);
            for (int c = 0; c < 3; c++) {
                sum[c] += floor[c] * (0.6 + 0.4 * t);
            }
        }
    }
}
