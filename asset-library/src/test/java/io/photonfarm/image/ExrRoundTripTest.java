package io.photonfarm.image;

import static org.junit.jupiter.api.Assertions.assertArrayEquals;
import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.List;
import java.util.SplittableRandom;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

class ExrRoundTripTest {
    @TempDir
    Path dir;

    /** Values a lossy or careless writer would change: signs, extremes, subnormals, specials. */
    static final float[] SPECIAL = {
        0f, -0f, 1f, -1f, 0.5f, -123.456f, 3.4028235e38f, -3.4028235e38f, 1e30f, Float.MIN_VALUE, -Float.MIN_VALUE,
        1e-40f, 1.17549435e-38f, Float.POSITIVE_INFINITY, Float.NEGATIVE_INFINITY, Float.intBitsToFloat(0x7fc12345),
        65504f, 65505f, 1e-8f
    };

    /** Random bit patterns (quiet NaNs only: the JVM need not preserve signalling NaN bits) plus the specials. */
    static FloatImage noise(int w, int h, int c, long seed) {
        SplittableRandom rnd = new SplittableRandom(seed);
        FloatImage img = FloatImage.blank(w, h, c);
        float[] d = img.data();
        for (int i = 0; i < d.length; i++) {
            float v = Float.intBitsToFloat(rnd.nextInt());
            d[i] = Float.isNaN(v) ? Float.intBitsToFloat(0x7fc00000 | (Float.floatToRawIntBits(v) & 0x3fffff)) : v;
        }
        for (int i = 0; i < Math.min(d.length, SPECIAL.length); i++) {
            d[i * 7 % d.length] = SPECIAL[i];
        }
        return img;
    }

    static FloatImage smooth(int w, int h, int c) {
        FloatImage img = FloatImage.blank(w, h, c);
        for (int y = 0; y < h; y++) {
            for (int x = 0; x < w; x++) {
                for (int k = 0; k < c; k++) {
                    img.set(x, y, k, (k + 1) * 0.25f);
                }
            }
        }
        return img;
    }

    static void assertBitExact(FloatImage expected, FloatImage actual) {
        assertEquals(expected.width(), actual.width());
        assertEquals(expected.height(), actual.height());
        assertEquals(expected.channels(), actual.channels());
        for (int i = 0; i < expected.data().length; i++) {
            assertEquals(Float.floatToRawIntBits(expected.data()[i]), Float.floatToRawIntBits(actual.data()[i]),
                    "sample " + i + " (pixel " + i / expected.channels() + ", channel " + i % expected.channels() + ")");
        }
    }

    @Test
    void aZipCompressedExrRoundTripsEveryFloatBitExactly() throws IOException {
        for (int[] size : new int[][] {{37, 19}, {1, 1}, {5, 33}, {64, 16}, {3, 17}}) {
            FloatImage img = noise(size[0], size[1], 3, size[0] * 1000L + size[1]);
            Path file = dir.resolve("noise-" + size[0] + "x" + size[1] + ".exr");
            Images.writeExr(img, file);
            assertBitExact(img, Images.readExr(file));
        }
    }

    @Test
    void rgbaRoundTripsWithAlphaAsTheFourthChannel() throws IOException {
        FloatImage img = noise(13, 21, 4, 7);
        Path file = dir.resolve("rgba.exr");
        Images.writeExr(img, file);
        assertBitExact(img, Images.readExr(file));
        assertEquals(List.of("A", "B", "G", "R"), ExrBytes.parse(Files.readAllBytes(file)).channelNamesInFileOrder());
    }

    @Test
    void aOneChannelImageIsStoredAsYAndReadBackAsGrey() throws IOException {
        FloatImage img = noise(9, 4, 1, 11);
        Path file = dir.resolve("grey.exr");
        Images.writeExr(img, file);
        assertEquals(List.of("Y"), ExrBytes.parse(Files.readAllBytes(file)).channelNamesInFileOrder());
        FloatImage rgb = Images.readExr(file);
        assertEquals(3, rgb.channels());
        for (int p = 0; p < 36; p++) {
            for (int c = 0; c < 3; c++) {
                assertEquals(Float.floatToRawIntBits(img.data()[p]), Float.floatToRawIntBits(rgb.data()[p * 3 + c]));
            }
        }
        assertBitExact(img, Images.readExrChannels(file).toFloatImage(List.of("Y")));
    }

    @Test
    void namedLabelPassesRoundTripByNameAndAreStoredSortedByName() throws IOException {
        String longName = "instance.segmentation.object_id.pass"; // over 31 bytes: needs the long-names flag
        List<String> names = List.of("Z", "N.x", "N.y", "N.z", "albedo.R", longName);
        FloatImage img = noise(17, 23, names.size(), 3);
        Path file = dir.resolve("labels.exr");
        Images.writeExr(img, names, file);

        ExrBytes.Parsed parsed = ExrBytes.parse(Files.readAllBytes(file));
        assertEquals(List.of("N.x", "N.y", "N.z", "Z", "albedo.R", longName), parsed.channelNamesInFileOrder());
        assertEquals(0x400, parsed.version() & 0x400, "long-names flag");
        ExrImage back = Images.readExrChannels(file);
        assertEquals(17, back.width());
        assertEquals(23, back.height());
        assertEquals(names.size(), back.names().size());
        assertBitExact(img, back.toFloatImage(names));
    }

    @Test
    void aSmoothImageIsStoredCompressedAndStillRoundTrips() throws IOException {
        FloatImage img = smooth(40, 20, 3);
        Path file = dir.resolve("smooth.exr");
        Images.writeExr(img, file);
        byte[] bytes = Files.readAllBytes(file);
        int[] sizes = ExrBytes.parse(bytes).chunkDataSizes(bytes, 2);
        assertTrue(sizes[0] < 16 * 40 * 3 * 4 / 10, "first chunk compressed, was " + sizes[0] + " bytes");
        assertTrue(sizes[1] < 4 * 40 * 3 * 4 / 10, "short last chunk compressed, was " + sizes[1] + " bytes");
        assertBitExact(img, Images.readExr(file));
    }

    @Test
    void noiseThatZipCannotShrinkIsStoredUncompressed() throws IOException {
        FloatImage img = noise(40, 20, 3, 5);
        Path file = dir.resolve("noise.exr");
        Images.writeExr(img, file);
        byte[] bytes = Files.readAllBytes(file);
        assertArrayEquals(new int[] {16 * 40 * 3 * 4, 4 * 40 * 3 * 4}, ExrBytes.parse(bytes).chunkDataSizes(bytes, 2));
        assertBitExact(img, Images.readExr(file));
    }

    @Test
    void theWrittenHeaderHasEveryRequiredAttributeWithItsType() throws IOException {
        Path file = dir.resolve("header.exr");
        Images.writeExr(smooth(7, 3, 3), file);
        ExrBytes.Parsed h = ExrBytes.parse(Files.readAllBytes(file));
        assertEquals(2, h.version(), "version 2, single-part scan line, no flags");
        assertEquals("chlist", h.types().get("channels"));
        assertEquals("compression", h.types().get("compression"));
        assertArrayEquals(new byte[] {3}, h.values().get("compression"), "ZIP");
        assertArrayEquals(ExrBytes.box2i(0, 0, 6, 2), h.values().get("dataWindow"));
        assertArrayEquals(ExrBytes.box2i(0, 0, 6, 2), h.values().get("displayWindow"));
        assertEquals("box2i", h.types().get("dataWindow"));
        assertEquals("box2i", h.types().get("displayWindow"));
        assertArrayEquals(new byte[] {0}, h.values().get("lineOrder"), "INCREASING_Y");
        assertEquals("lineOrder", h.types().get("lineOrder"));
        assertArrayEquals(new ExrBytes().f32(1).toByteArray(), h.values().get("pixelAspectRatio"));
        assertEquals("float", h.types().get("pixelAspectRatio"));
        assertEquals("v2f", h.types().get("screenWindowCenter"));
        assertEquals("float", h.types().get("screenWindowWidth"));
    }

    @Test
    void writerArgumentsThatDoNotFitTheImageAreRefused() {
        FloatImage two = FloatImage.blank(2, 2, 2);
        Path file = dir.resolve("bad.exr");
        IllegalArgumentException e = assertThrows(IllegalArgumentException.class, () -> Images.writeExr(two, file));
        assertTrue(e.getMessage().contains("2 channels"), e.getMessage());
        assertThrows(IllegalArgumentException.class, () -> Images.writeExr(two, List.of("Z"), file));
        assertThrows(IllegalArgumentException.class, () -> Images.writeExr(two, List.of("Z", "Z"), file));
        assertThrows(IllegalArgumentException.class, () -> Images.writeExr(two, List.of("Z", ""), file));
        assertThrows(IllegalArgumentException.class, () -> Images.writeExr(two, List.of("Z", "a\0b"), file));
        assertTrue(Files.notExists(file));
    }

    @Test
    void rewritingAnExrReplacesItAndLeavesNoTemporaryFiles() throws IOException {
        Path file = dir.resolve("frame.exr");
        Images.writeExr(noise(8, 8, 3, 1), file);
        FloatImage second = noise(5, 3, 4, 2);
        Images.writeExr(second, file);
        assertBitExact(second, Images.readExr(file));
        try (var listing = Files.list(dir)) {
            assertEquals(List.of(file), listing.toList());
        }
    }
}
