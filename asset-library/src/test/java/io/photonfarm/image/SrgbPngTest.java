package io.photonfarm.image;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.awt.image.BufferedImage;
import java.awt.image.Raster;
import java.io.IOException;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import javax.imageio.ImageIO;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

class SrgbPngTest {
    @TempDir
    Path dir;

    private Raster writeAndRead(FloatImage img, String name) throws IOException {
        Path file = dir.resolve(name);
        Images.writeSrgbPng(img, file);
        BufferedImage png = ImageIO.read(file.toFile());
        assertEquals(img.width(), png.getWidth());
        assertEquals(img.height(), png.getHeight());
        return png.getRaster();
    }

    @Test
    void greyValuesGoThroughTheSrgbCurveAtKnownPoints() throws IOException {
        float[] linear = {0f, 1f, 0.5f, 0.0031308f, -1f, Float.NaN, 7f, Float.POSITIVE_INFINITY, 0.18f};
        Raster r = writeAndRead(new FloatImage(linear.length, 1, 1, linear), "grey.png");
        assertEquals(1, r.getNumBands());
        assertEquals(0, r.getSample(0, 0, 0));
        assertEquals(255, r.getSample(1, 0, 0));
        assertEquals(188, r.getSample(2, 0, 0), "0.5 linear is 0.7354 in sRGB, code 187.5 -> 188");
        assertEquals(10, r.getSample(3, 0, 0), 1, "the curve's knee: 12.92 * 0.0031308 * 255 = 10.3");
        assertEquals(0, r.getSample(4, 0, 0), "negative clamps to 0");
        assertEquals(0, r.getSample(5, 0, 0), "NaN is 0");
        assertEquals(255, r.getSample(6, 0, 0), "over 1 clamps to 255");
        assertEquals(255, r.getSample(7, 0, 0));
        assertEquals(118, r.getSample(8, 0, 0), "18% grey is about 46% in sRGB");
    }

    @Test
    void everyCodeIsReachedFromItsOwnLinearValue() throws IOException {
        // Decode each code with the inverse curve (IEC 61966-2-1) and check the writer maps it back.
        float[] linear = new float[256];
        for (int k = 0; k < 256; k++) {
            double s = k / 255.0;
            linear[k] = (float) (s <= 0.04045 ? s / 12.92 : Math.pow((s + 0.055) / 1.055, 2.4));
        }
        Raster r = writeAndRead(new FloatImage(256, 1, 1, linear), "ramp.png");
        for (int k = 0; k < 256; k++) {
            assertEquals(k, r.getSample(k, 0, 0), "code " + k);
        }
    }

    @Test
    void rgbAndRgbaKeepChannelOrderAndAlphaStaysLinear() throws IOException {
        float[] rgb = {1f, 0.5f, 0f, /**/ 0f, 0f, 1f};
        Raster r3 = writeAndRead(new FloatImage(1, 2, 3, rgb), "rgb.png");
        assertEquals(3, r3.getNumBands());
        assertEquals(255, r3.getSample(0, 0, 0));
        assertEquals(188, r3.getSample(0, 0, 1));
        assertEquals(0, r3.getSample(0, 0, 2));
        assertEquals(255, r3.getSample(0, 1, 2));

        float[] rgba = {0.5f, 0.5f, 0.5f, 0.5f, /**/ 1f, 0f, 0f, 0.2f};
        Raster r4 = writeAndRead(new FloatImage(2, 1, 4, rgba), "rgba.png");
        assertEquals(4, r4.getNumBands());
        assertEquals(188, r4.getSample(0, 0, 0));
        assertEquals(128, r4.getSample(0, 0, 3), "alpha 0.5 -> 127.5 -> 128, not sRGB-encoded");
        assertEquals(51, r4.getSample(1, 0, 3), "alpha 0.2 -> 51");
        assertEquals(255, r4.getSample(1, 0, 0), "colour is not premultiplied by alpha");
    }

    @Test
    void theFileIsMarkedAsSrgb() throws IOException {
        Path file = dir.resolve("marked.png");
        Images.writeSrgbPng(FloatImage.blank(2, 2, 3), file);
        String bytes = new String(Files.readAllBytes(file), StandardCharsets.ISO_8859_1);
        assertTrue(bytes.contains("sRGB"), "PNG has an sRGB chunk");
    }

    @Test
    void channelCountsOtherThanOneThreeOrFourAreRefusedByCount() {
        Path file = dir.resolve("two.png");
        IllegalArgumentException e = assertThrows(IllegalArgumentException.class,
                () -> Images.writeSrgbPng(FloatImage.blank(2, 2, 2), file));
        assertTrue(e.getMessage().contains("2 channels"), e.getMessage());
        assertThrows(IllegalArgumentException.class, () -> Images.writeSrgbPng(FloatImage.blank(2, 2, 5), file));
        assertTrue(Files.notExists(file));
    }
}
