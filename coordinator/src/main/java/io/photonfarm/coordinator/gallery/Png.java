package io.photonfarm.coordinator.gallery;

import java.awt.image.BufferedImage;
import java.io.ByteArrayOutputStream;
import java.io.IOException;
import java.io.UncheckedIOException;
import javax.imageio.ImageIO;

/** 8-bit images for the browser: encoding, and the sRGB curve for linear light. */
final class Png {
    private Png() {
    }

    static byte[] encode(BufferedImage img) {
        ByteArrayOutputStream out = new ByteArrayOutputStream(img.getWidth() * img.getHeight() + 1024);
        try {
            if (!ImageIO.write(img, "png", out)) {
                throw new IllegalStateException("no PNG writer in this Java runtime");
            }
        } catch (IOException e) {
            throw new UncheckedIOException("encoding a PNG in memory: " + e.getMessage(), e);
        }
        return out.toByteArray();
    }

    /** Linear light to an 8-bit sRGB code value (IEC 61966-2-1), clamped to [0, 1]; NaN is 0. */
    static int srgb8(double linear) {
        double x = linear > 0 ? Math.min(1.0, linear) : 0.0;
        double v = x <= 0.0031308 ? 12.92 * x : 1.055 * Math.pow(x, 1.0 / 2.4) - 0.055;
        return (int) Math.floor(v * 255.0 + 0.5);
    }

    static int argb(int a, int r, int g, int b) {
        return (a << 24) | (clamp8(r) << 16) | (clamp8(g) << 8) | clamp8(b);
    }

    private static int clamp8(int v) {
        return Math.max(0, Math.min(255, v));
    }
}
