package io.photonfarm.scene.gpu;

import io.photonfarm.image.FloatImage;
import io.photonfarm.scene.Environment;
import io.photonfarm.scene.Rgb;
import java.nio.ByteBuffer;

/**
 * Writes ENV_PIXELS, ENV_ROW_ALIAS and ENV_COL_ALIAS: the equirectangular map with a per-pixel pmf
 * and a two-level alias table (rows, then columns within a row) for importance sampling.
 *
 * <p>Pixel weight = luminance x sin(pi (y + 0.5) / H): the sine is the solid angle of the pixel's
 * row in the lat-long parameterisation, so sampling pixels by weight and then uniformly within the
 * pixel has the solid-angle density {@code pmf W H / (2 pi^2 sin theta)} (Pharr, Jakob, Humphreys,
 * PBRT 3rd ed., 14.2.4).
 */
final class EnvironmentPacker {
    /** The packed environment. */
    record Env(int width, int height, float intensity, float rotationRad, float totalWeight,
               ByteBuffer pixels, ByteBuffer rowAlias, ByteBuffer colAlias) {
    }

    private EnvironmentPacker() {
    }

    static Env pack(Environment environment) {
        if (environment instanceof Environment.Constant c) {
            Rgb r = c.radiance();
            return pack(new FloatImage(1, 1, 3, new float[] {r.r(), r.g(), r.b()}), 1f, 0f);
        }
        Environment.Map map = (Environment.Map) environment;
        return pack(map.image(), map.intensity(), (float) Math.toRadians(map.rotationDeg()));
    }

    private static Env pack(FloatImage image, float intensity, float rotationRad) {
        int w = image.width();
        int h = image.height();
        float[] rgb = new float[3 * w * h];
        double[] weights = new double[w * h];
        double[] rowSums = new double[h];
        double total = 0;
        for (int y = 0; y < h; y++) {
            double sinTheta = Math.sin(Math.PI * (y + 0.5) / h);
            for (int x = 0; x < w; x++) {
                int i = y * w + x;
                for (int c = 0; c < 3; c++) {
                    // Negative or non-finite radiance (broken HDR files) would poison every sample.
                    float v = image.get(x, y, c);
                    rgb[3 * i + c] = Float.isFinite(v) && v > 0 ? v : 0f;
                }
                double lum = new Rgb(rgb[3 * i], rgb[3 * i + 1], rgb[3 * i + 2]).luminance();
                weights[i] = Math.max(0.0, lum * sinTheta);
                rowSums[y] += weights[i];
            }
            total += rowSums[y];
        }
        ByteBuffer pixels = Std430.allocate((long) w * h, GpuLayout.ENV_PIXEL);
        for (int i = 0; i < w * h; i++) {
            float pmf = total > 0 ? (float) (weights[i] / total) : 0f;
            Std430.putVec4(pixels, rgb, 3 * i, pmf);
        }
        ByteBuffer rowAlias = Std430.allocate(h, GpuLayout.ALIAS);
        AliasTable.build(rowSums).writeTo(rowAlias);
        ByteBuffer colAlias = Std430.allocate((long) w * h, GpuLayout.ALIAS);
        for (int y = 0; y < h; y++) {
            AliasTable.build(weights, y * w, w).writeTo(colAlias);
        }
        // Zero intensity makes the map black as far as the shader is concerned: nothing to sample.
        float totalWeight = intensity > 0 ? (float) total : 0f;
        return new Env(w, h, intensity, rotationRad, totalWeight, pixels.clear(), rowAlias.clear(), colAlias.clear());
    }
}
