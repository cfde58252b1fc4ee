package io.photonfarm.sensor;

import io.photonfarm.image.FloatImage;

/**
 * The lens's photometric effects on the radiance: vignetting (natural cos⁴ falloff times the radial
 * polynomial) and lateral chromatic aberration (red and blue resampled at their own magnification
 * about the image centre, bilinearly, edges clamped). Radii are normalised to 1 at the corner.
 */
final class Optics {
    private Optics() {
    }

    static FloatImage apply(FloatImage radiance, EffectiveProfile.Optics o) {
        int w = radiance.width();
        int h = radiance.height();
        float[] in = radiance.data();
        float[] out = new float[in.length];
        double cx = w / 2.0;
        double cy = h / 2.0;
        double halfDiagonal = StrictMath.hypot(cx, cy);
        double tanHalfFov = o.cos4FieldOfView() > 0 ? StrictMath.tan(StrictMath.toRadians(o.cos4FieldOfView() / 2)) : 0;
        double[] poly = o.vignetting();
        double[] scale = {1 / (1 + o.chromaticRed()), 1, 1 / (1 + o.chromaticBlue())};
        boolean aberration = o.chromaticRed() != 0 || o.chromaticBlue() != 0;
        Rows.forEach(h, y -> {
            double dy = y + 0.5 - cy;
            for (int x = 0; x < w; x++) {
                double dx = x + 0.5 - cx;
                double r = Math.sqrt(dx * dx + dy * dy) / halfDiagonal;
                double gain = 1;
                double rp = r * r;
                for (double k : poly) {
                    gain += k * rp;
                    rp *= r * r;
                }
                if (tanHalfFov > 0) {
                    // cos θ = 1 / sqrt(1 + tan²θ) with tan θ growing linearly with the radius on the image plane.
                    double t = r * tanHalfFov;
                    double cos2 = 1 / (1 + t * t);
                    gain *= cos2 * cos2;
                }
                int o3 = (y * w + x) * 3;
                for (int c = 0; c < 3; c++) {
                    double v = aberration && c != 1
                            ? sample(in, w, h, c, cx + dx * scale[c], cy + dy * scale[c])
                            : in[o3 + c];
                    out[o3 + c] = (float) (v * gain);
                }
            }
        });
        return new FloatImage(w, h, 3, out);
    }

    /** Bilinear sample of channel {@code c} at continuous position (px, py), pixel centres at +0.5. */
    private static double sample(float[] img, int w, int h, int c, double px, double py) {
        double fx = px - 0.5;
        double fy = py - 0.5;
        int x0 = (int) Math.floor(fx);
        int y0 = (int) Math.floor(fy);
        double tx = fx - x0;
        double ty = fy - y0;
        int xa = clamp(x0, w);
        int xb = clamp(x0 + 1, w);
        int ya = clamp(y0, h);
        int yb = clamp(y0 + 1, h);
        double top = img[(ya * w + xa) * 3 + c] * (1 - tx) + img[(ya * w + xb) * 3 + c] * tx;
        double bottom = img[(yb * w + xa) * 3 + c] * (1 - tx) + img[(yb * w + xb) * 3 + c] * tx;
        return top * (1 - ty) + bottom * ty;
    }

    private static int clamp(int i, int n) {
        return i < 0 ? 0 : Math.min(i, n - 1);
    }
}
