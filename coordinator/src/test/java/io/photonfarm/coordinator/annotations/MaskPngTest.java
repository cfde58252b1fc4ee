package io.photonfarm.coordinator.annotations;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.awt.image.BufferedImage;
import java.io.ByteArrayInputStream;
import java.io.IOException;
import java.util.Arrays;
import java.util.SplittableRandom;
import java.util.zip.Inflater;
import javax.imageio.ImageIO;
import org.junit.jupiter.api.Test;

class MaskPngTest {

    private static Mask visible(int[] pass, int w, int h) {
        return new Mask.Visible(pass, w, h, 1, PixelStats.of(pass, w, h, new int[] {1})[0]);
    }

    private static void assertDecodesTo(int[] pass, int w, int h, String what) throws IOException {
        BufferedImage img = ImageIO.read(new ByteArrayInputStream(MaskPng.encode(visible(pass, w, h))));
        assertEquals(BufferedImage.TYPE_BYTE_GRAY, img.getType(), what);
        assertEquals(w, img.getWidth(), what);
        assertEquals(h, img.getHeight(), what);
        for (int y = 0; y < h; y++) {
            for (int x = 0; x < w; x++) {
                assertEquals(pass[y * w + x] == 1 ? 255 : 0, img.getRaster().getSample(x, y, 0),
                        what + " pixel " + x + "," + y);
            }
        }
    }

    @Test
    void aStandardDecoderReadsRandomMasksBackExactly() throws IOException {
        SplittableRandom rnd = new SplittableRandom(11);
        for (int trial = 0; trial < 60; trial++) {
            int w = 1 + rnd.nextInt(300);
            int h = 1 + rnd.nextInt(200);
            int[] pass = new int[w * h];
            // Blobs of random density inside random bounds: short runs and long ones.
            int x0 = rnd.nextInt(w);
            int x1 = x0 + 1 + rnd.nextInt(w - x0);
            int y0 = rnd.nextInt(h);
            int y1 = y0 + 1 + rnd.nextInt(h - y0);
            double density = trial % 3 == 0 ? 1 : rnd.nextDouble();
            for (int y = y0; y < y1; y++) {
                for (int x = x0; x < x1; x++) {
                    pass[y * w + x] = rnd.nextDouble() < density ? 1 : 0;
                }
            }
            assertDecodesTo(pass, w, h, "trial " + trial + " " + w + "x" + h);
        }
    }

    @Test
    void emptyFullAndOnePixelMasksDecode() throws IOException {
        for (int[] size : new int[][] {{1, 1}, {1, 300}, {300, 1}, {1920, 1080}}) {
            int w = size[0];
            int h = size[1];
            int[] pass = new int[w * h];
            assertDecodesTo(pass, w, h, "empty " + w + "x" + h);
            Arrays.fill(pass, 1);
            assertDecodesTo(pass, w, h, "full " + w + "x" + h);
            Arrays.fill(pass, 0);
            pass[pass.length - 1] = 1;
            assertDecodesTo(pass, w, h, "last pixel " + w + "x" + h);
        }
    }

    @Test
    void theDataStreamIsAValidZlibStreamWithItsChecksum() throws Exception {
        int w = 700;
        int h = 500;
        int[] pass = new int[w * h];
        for (int y = 100; y < 400; y++) {
            Arrays.fill(pass, y * w + 50, y * w + 650, 1);
        }
        byte[] png = MaskPng.encode(visible(pass, w, h));
        int len = (png[33] & 0xff) << 24 | (png[34] & 0xff) << 16 | (png[35] & 0xff) << 8 | (png[36] & 0xff);
        assertEquals("IDAT", new String(png, 37, 4, java.nio.charset.StandardCharsets.US_ASCII));
        Inflater inflater = new Inflater(); // zlib format: checks the Adler-32 at the end
        inflater.setInput(png, 41, len);
        byte[] raw = new byte[(w + 1) * h];
        int n = 0;
        while (!inflater.finished()) {
            n += inflater.inflate(raw, n, raw.length - n);
        }
        assertEquals(raw.length, n);
        assertEquals(len, inflater.getTotalIn());
        // A few codes per run: three runs in each of 300 rows, and one for the 200 empty rows.
        assertTrue(len < 16 * 300, "runs compress: " + len + " bytes");
    }
}
