package io.photonfarm.coordinator.annotations;

import static org.junit.jupiter.api.Assertions.assertArrayEquals;
import static org.junit.jupiter.api.Assertions.assertEquals;

import java.util.Arrays;
import java.util.SplittableRandom;
import org.junit.jupiter.api.Test;

class CocoRleTest {

    /** pycocotools' rleEncode, literally: column-major, background first, the last run always written. */
    private static long[] referenceCounts(int[] pass, int w, int h, int id) {
        long[] cnts = new long[w * h + 1];
        int k = 0;
        boolean p = false;
        long c = 0;
        for (int j = 0; j < w * h; j++) {
            boolean t = pass[(j % h) * w + j / h] == id;
            if (t != p) {
                cnts[k++] = c;
                c = 0;
                p = t;
            }
            c++;
        }
        cnts[k++] = c;
        return Arrays.copyOf(cnts, k);
    }

    private static Mask visible(int[] pass, int w, int h, int id) {
        return new Mask.Visible(pass, w, h, id, PixelStats.of(pass, w, h, new int[] {id})[0]);
    }

    @Test
    void countsMatchPycocotoolsEncodingOnRandomBlobsTouchingEveryEdge() {
        SplittableRandom rnd = new SplittableRandom(7);
        for (int trial = 0; trial < 300; trial++) {
            int w = 1 + rnd.nextInt(23);
            int h = 1 + rnd.nextInt(17);
            int[] pass = new int[w * h];
            int x0 = rnd.nextInt(w);
            int x1 = x0 + 1 + rnd.nextInt(w - x0);
            int y0 = rnd.nextInt(h);
            int y1 = y0 + 1 + rnd.nextInt(h - y0);
            double density = rnd.nextDouble();
            for (int y = y0; y < y1; y++) {
                for (int x = x0; x < x1; x++) {
                    pass[y * w + x] = rnd.nextDouble() < density ? 1 : 2;
                }
            }
            if (rnd.nextBoolean()) {
                pass[0] = 1; // starts with foreground: the first count is 0
            }
            if (rnd.nextBoolean()) {
                pass[w * h - 1] = 1; // ends with foreground: no trailing background run
            }
            long[] expected = referenceCounts(pass, w, h, 1);
            int[] got = CocoRle.counts(visible(pass, w, h, 1));
            assertArrayEquals(expected, Arrays.stream(got).asLongStream().toArray(), "trial " + trial + " " + w + "x" + h);
            assertArrayEquals(expected, CocoRleDecoder.counts(CocoRle.compress(got)), "trial " + trial);
        }
    }

    @Test
    void fullColumnsAndFullImagesEncodeLikePycocotools() {
        int w = 5;
        int h = 4;
        int[] pass = new int[w * h];
        for (int y = 0; y < h; y++) {
            pass[y * w + 1] = 1;
            pass[y * w + 2] = 1;
        }
        assertArrayEquals(new int[] {4, 8, 8}, CocoRle.counts(visible(pass, w, h, 1)));
        Arrays.fill(pass, 1);
        assertArrayEquals(new int[] {0, 20}, CocoRle.counts(visible(pass, w, h, 1)));
        Arrays.fill(pass, 0);
        assertArrayEquals(new int[] {20}, CocoRle.counts(visible(pass, w, h, 1)));
    }

    @Test
    void compressionMatchesHandEncodedStringsFromTheCSource() {
        // counts 10, 3, 87: ':' (10 + 48), '3', then 87 = 23 | 2 << 5: 23 has the sign bit, so a second group.
        assertEquals(":3g2", CocoRle.compress(new int[] {10, 3, 87}));
        assertEquals("05", CocoRle.compress(new int[] {0, 5}));
        // From the fourth count on, the difference to the count two back is written, negative ones too.
        int[] counts = {1_000_000, 3, 70_000, 1, 5, 2_000_000};
        assertArrayEquals(Arrays.stream(counts).asLongStream().toArray(),
                CocoRleDecoder.counts(CocoRle.compress(counts)));
    }
}
