package io.photonfarm.refine;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;

import io.photonfarm.image.FloatImage;
import java.awt.image.BufferedImage;
import java.awt.image.IndexColorModel;
import java.io.ByteArrayOutputStream;
import java.io.IOException;
import java.nio.ByteBuffer;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.Collections;
import java.util.List;
import java.util.zip.CRC32;
import javax.imageio.ImageIO;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

class TargetDomainTest {
    @TempDir
    Path dir;

    @Test
    void theSharedPhotosReadAsThreeChannelSrgbNamedByTheirFiles() throws IOException {
        List<Path> files = TestImages.PHOTOS.stream().map(TestImages::photoFile).toList();
        TargetDomain t = TargetDomain.read(files);
        assertEquals(3, t.size());
        assertEquals("chelsea.png", t.name(1));
        FloatImage astronaut = t.photo(0);
        assertEquals(3, astronaut.channels());
        BufferedImage ref = ImageIO.read(files.get(0).toFile());
        assertEquals(ref.getWidth(), astronaut.width());
        int rgb = ref.getRGB(100, 200);
        assertEquals(((rgb >> 16) & 0xFF) / 255f, astronaut.get(100, 200, 0), 1e-6);
        assertEquals((rgb & 0xFF) / 255f, astronaut.get(100, 200, 2), 1e-6);
    }

    @Test
    void sixteenBitGreyIsReadAtFullPrecisionAndNotLinearised() throws IOException {
        BufferedImage img = new BufferedImage(4, 3, BufferedImage.TYPE_USHORT_GRAY);
        img.getRaster().setSample(1, 2, 0, 16_385);
        Path file = dir.resolve("grey16.png");
        ImageIO.write(img, "png", file.toFile());
        FloatImage p = TargetDomain.read(List.of(file)).photo(0);
        for (int c = 0; c < 3; c++) {
            assertEquals(16_385 / 65_535f, p.get(1, 2, c), 1e-7);
        }
    }

    @Test
    void alphaIsDroppedAndPalettesAndJpegsAreRead() throws IOException {
        BufferedImage rgba = new BufferedImage(5, 5, BufferedImage.TYPE_INT_ARGB);
        rgba.setRGB(2, 2, 0x40FF8000);
        Path png = dir.resolve("rgba.png");
        ImageIO.write(rgba, "png", png.toFile());
        BufferedImage indexed = new BufferedImage(5, 5, BufferedImage.TYPE_BYTE_INDEXED,
                new IndexColorModel(8, 2, new byte[] {0, (byte) 255}, new byte[] {0, 0}, new byte[] {0, (byte) 128}));
        indexed.getRaster().setSample(3, 1, 0, 1);
        Path palette = dir.resolve("palette.png");
        ImageIO.write(indexed, "png", palette.toFile());
        BufferedImage colour = new BufferedImage(16, 16, BufferedImage.TYPE_INT_RGB);
        for (int y = 0; y < 16; y++) {
            for (int x = 0; x < 16; x++) {
                colour.setRGB(x, y, 0x806040);
            }
        }
        Path jpeg = dir.resolve("flat.jpg");
        ImageIO.write(colour, "jpeg", jpeg.toFile());
        TargetDomain t = TargetDomain.read(List.of(png, palette, jpeg));
        assertEquals(1f, t.photo(0).get(2, 2, 0));
        assertEquals(128 / 255f, t.photo(0).get(2, 2, 1), 1e-6);
        assertEquals(1f, t.photo(1).get(3, 1, 0));
        assertEquals(128 / 255f, t.photo(1).get(3, 1, 2), 1e-6);
        assertEquals(0x80 / 255f, t.photo(2).get(8, 8, 0), 3 / 255f);
    }

    @Test
    void missingCorruptAndForeignFilesAreRefusedNamingTheFile() throws IOException {
        Path missing = dir.resolve("missing.png");
        IOException e = assertThrows(IOException.class, () -> TargetDomain.read(List.of(missing)));
        assertTrue(e.getMessage().contains(missing.toString()) && e.getMessage().contains("does not exist"), e.getMessage());
        Path text = Files.writeString(dir.resolve("notes.png"), "not an image");
        e = assertThrows(IOException.class, () -> TargetDomain.read(List.of(text)));
        assertTrue(e.getMessage().contains(text.toString()), e.getMessage());
        Path bmp = dir.resolve("photo.bmp");
        ImageIO.write(new BufferedImage(2, 2, BufferedImage.TYPE_INT_RGB), "bmp", bmp.toFile());
        e = assertThrows(IOException.class, () -> TargetDomain.read(List.of(bmp)));
        assertTrue(e.getMessage().contains("only PNG and JPEG"), e.getMessage());
        Path truncated = dir.resolve("truncated.png");
        byte[] whole = Files.readAllBytes(TestImages.photoFile("coffee.png"));
        Files.write(truncated, java.util.Arrays.copyOf(whole, 2000));
        e = assertThrows(IOException.class, () -> TargetDomain.read(List.of(truncated)));
        assertTrue(e.getMessage().contains(truncated.toString()), e.getMessage());
    }

    @Test
    void aHeaderClaimingAHugeImageIsRefusedBeforeDecodingNamingTheLimit() throws IOException {
        Path huge = Files.write(dir.resolve("huge.png"), pngHeaderOnly(9000, 9000));
        IllegalArgumentException e = assertThrows(IllegalArgumentException.class, () -> TargetDomain.read(List.of(huge)));
        assertTrue(e.getMessage().contains(huge.toString()) && e.getMessage().contains("9000x9000")
                && e.getMessage().contains("size limit"), e.getMessage());
    }

    @Test
    void setsOfNoPhotosOrTooManyAreRefused() {
        IllegalArgumentException e = assertThrows(IllegalArgumentException.class, () -> TargetDomain.read(List.of()));
        assertTrue(e.getMessage().contains("count limit"), e.getMessage());
        List<FloatImage> many = new ArrayList<>(Collections.nCopies(TargetDomain.MAX_PHOTOS + 1, FloatImage.blank(2, 2, 3)));
        e = assertThrows(IllegalArgumentException.class, () -> TargetDomain.of(many));
        assertTrue(e.getMessage().contains("1..256"), e.getMessage());
    }

    @Test
    void aSetOverTheTotalPixelLimitIsRefusedFromItsHeadersNamingTheFileThatBrokeIt() throws IOException {
        // 40 megapixels each, the most one photo may have; the second brings the set over 64 Mi pixels.
        Path first = Files.write(dir.resolve("first.png"), pngHeaderOnly(8000, 5000));
        Path second = Files.write(dir.resolve("second.png"), pngHeaderOnly(8000, 5000));
        IllegalArgumentException e = assertThrows(IllegalArgumentException.class, () -> TargetDomain.read(List.of(first, second)));
        assertTrue(e.getMessage().contains(second.toString()) && e.getMessage().contains("total size limit"), e.getMessage());
    }

    @Test
    void pooledStatisticsWeighEveryPhotoAlikeWhateverItsSize() {
        FloatImage black = FloatImage.blank(4, 4, 3);
        FloatImage white = new FloatImage(40, 40, 1, filled(1600, 1f));
        TargetDomain t = TargetDomain.of(List.of(black, white));
        // Half the mass at 0, half at 1: L* mean 50 with deviation 50, the grey median halfway.
        assertEquals(50, t.labMean()[0], 1e-5);
        assertEquals(50, t.labStdDev()[0], 1e-5);
        assertEquals(0.5, t.distribution(0, true).at(0.5), 1e-9);
        assertEquals(0.5, t.distribution(1, false).at(0.99), 1e-9);
    }

    private static float[] filled(int n, float v) {
        float[] a = new float[n];
        java.util.Arrays.fill(a, v);
        return a;
    }

    /** A PNG signature and IHDR chunk (8-bit RGB) and nothing else. */
    private static byte[] pngHeaderOnly(int width, int height) {
        ByteArrayOutputStream out = new ByteArrayOutputStream();
        out.writeBytes(new byte[] {(byte) 0x89, 'P', 'N', 'G', '\r', '\n', 0x1A, '\n'});
        ByteBuffer ihdr = ByteBuffer.allocate(17);
        ihdr.put("IHDR".getBytes(StandardCharsets.US_ASCII)).putInt(width).putInt(height).put((byte) 8).put((byte) 2)
                .put((byte) 0).put((byte) 0).put((byte) 0);
        CRC32 crc = new CRC32();
        crc.update(ihdr.array());
        out.writeBytes(ByteBuffer.allocate(4).putInt(13).array());
        out.writeBytes(ihdr.array());
        out.writeBytes(ByteBuffer.allocate(4).putInt((int) crc.getValue()).array());
        return out.toByteArray();
    }
}
