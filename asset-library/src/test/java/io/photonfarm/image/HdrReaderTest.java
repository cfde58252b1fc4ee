package io.photonfarm.image;

import static org.junit.jupiter.api.Assertions.assertEquals;

import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

class HdrReaderTest {
    @TempDir
    Path dir;

    @Test
    void runLengthEncodedScanlinesDecodeToMantissaTimesTwoToTheExponentMinus136() throws IOException {
        int[] r0 = {128, 128, 128, 128, 200, 100, 50, 255};
        int[] b0 = {64, 64, 64, 64, 64, 64, 64, 64};
        int[] e0 = {129, 129, 129, 129, 130, 130, 120, 136};
        int[] r1 = {1, 2, 3, 4, 5, 6, 7, 8};
        int[] e1 = {0, 0, 0, 0, 128, 128, 128, 128};
        byte[] bytes = HdrFiles.file(HdrFiles.header("-Y 2 +X 8"),
                // Scan line 0: marker 2 2, width 8; then R, G, B, E each as runs (128 + n, byte)
                // and literals (n, n bytes).
                2, 2, 0, 8,
                0x84, 128, 0x04, 200, 100, 50, 255,
                0x88, 0,
                0x88, 64,
                0x84, 129, 0x82, 130, 0x02, 120, 136,
                // Scan line 1: R literal 1..8, G and B zero, E four zeros (black) then four 128s.
                2, 2, 0, 8,
                0x08, 1, 2, 3, 4, 5, 6, 7, 8,
                0x88, 0,
                0x88, 0,
                0x84, 0, 0x84, 128);
        FloatImage img = Images.readHdr(Files.write(dir.resolve("rle.hdr"), bytes));
        assertEquals(8, img.width());
        assertEquals(2, img.height());
        assertEquals(3, img.channels());
        // A few values worked out by hand: 128 * 2^-7 = 1, 200 * 2^-6 = 3.125, 64 * 2^-16 = 2^-10, 255 * 2^0.
        assertEquals(1f, img.get(0, 0, 0));
        assertEquals(0.5f, img.get(0, 0, 2));
        assertEquals(3.125f, img.get(4, 0, 0));
        assertEquals(0x1p-10f, img.get(6, 0, 2));
        assertEquals(255f, img.get(7, 0, 0));
        assertEquals(0f, img.get(2, 1, 0), "exponent 0 is black whatever the mantissa");
        for (int x = 0; x < 8; x++) {
            assertEquals(HdrFiles.rgbe(r0[x], e0[x]), img.get(x, 0, 0), "R at " + x + ",0");
            assertEquals(0f, img.get(x, 0, 1), "G at " + x + ",0");
            assertEquals(HdrFiles.rgbe(b0[x], e0[x]), img.get(x, 0, 2), "B at " + x + ",0");
            assertEquals(HdrFiles.rgbe(r1[x], e1[x]), img.get(x, 1, 0), "R at " + x + ",1");
        }
    }

    @Test
    void flatScanlinesBottomUpOrientationAndTheRgbeMagicAreRead() throws IOException {
        // Width 3 is below the 8 pixels run-length encoding needs, so scan lines are plain RGBE.
        // "+Y 2": the first scan line in the file is the bottom row.
        byte[] bytes = HdrFiles.file("#?RGBE\nGAMMA=1\n\n+Y 2 +X 3\n",
                128, 0, 0, 129, /**/ 0, 128, 0, 129, /**/ 0, 0, 128, 129,
                255, 255, 255, 140, /**/ 0, 0, 0, 0, /**/ 192, 96, 48, 127);
        FloatImage img = Images.readHdr(Files.write(dir.resolve("flat.hdr"), bytes));
        assertEquals(3, img.width());
        assertEquals(2, img.height());
        // Bottom row (y = 1) is the file's first scan line: pure red, green, blue of value 1.
        assertEquals(1f, img.get(0, 1, 0));
        assertEquals(1f, img.get(1, 1, 1));
        assertEquals(1f, img.get(2, 1, 2));
        assertEquals(0f, img.get(0, 1, 1));
        // Top row: 255 * 2^4, black, and 192 * 2^-9 = 0.375, 96 * 2^-9, 48 * 2^-9.
        assertEquals(4080f, img.get(0, 0, 1));
        assertEquals(0f, img.get(1, 0, 0));
        assertEquals(0.375f, img.get(2, 0, 0));
        assertEquals(HdrFiles.rgbe(96, 127), img.get(2, 0, 1));
        assertEquals(HdrFiles.rgbe(48, 127), img.get(2, 0, 2));
    }

    @Test
    void flatScanlinesAreAcceptedAtRunLengthWidthsToo() throws IOException {
        int[] pixels = new int[8 * 4];
        for (int x = 0; x < 8; x++) {
            pixels[4 * x] = 128 + x;
            pixels[4 * x + 1] = 130;
            pixels[4 * x + 2] = 140;
            pixels[4 * x + 3] = 128 + x;
        }
        FloatImage img = Images.readHdr(Files.write(dir.resolve("flat8.hdr"),
                HdrFiles.file(HdrFiles.header("-Y 1 +X 8"), pixels)));
        for (int x = 0; x < 8; x++) {
            assertEquals(HdrFiles.rgbe(128 + x, 128 + x), img.get(x, 0, 0), "R at " + x);
            assertEquals(HdrFiles.rgbe(140, 128 + x), img.get(x, 0, 2), "B at " + x);
        }
    }
}
