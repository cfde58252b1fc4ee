package io.photonfarm.image;

import static io.photonfarm.image.ExrBytes.FLOAT;
import static io.photonfarm.image.ExrBytes.HALF;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;

import io.photonfarm.image.ExrBytes.Channel;
import io.photonfarm.scene.io.SceneFormatException;
import java.io.IOException;
import java.nio.ByteBuffer;
import java.nio.ByteOrder;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.Arrays;
import java.util.List;
import java.util.Locale;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.function.Executable;
import org.junit.jupiter.api.io.TempDir;

/**
 * Malformed, truncated, hostile and unsupported files: each must fail with an IOException that
 * names the file and says what is wrong, never with an unchecked exception or an error.
 */
class BrokenImageFilesTest {
    @TempDir
    Path dir;

    @FunctionalInterface
    interface Reader {
        Object read(Path file) throws IOException;
    }

    private void assertRefused(String name, byte[] bytes, Reader reader, String word) throws IOException {
        Path file = Files.write(dir.resolve(name), bytes);
        Executable read = () -> reader.read(file);
        SceneFormatException e = assertThrows(SceneFormatException.class, read, name);
        String message = e.getMessage();
        assertTrue(message.contains(name), "message names the file: " + message);
        assertTrue(message.toLowerCase(Locale.ROOT).contains(word.toLowerCase(Locale.ROOT)),
                "message says '" + word + "': " + message);
    }

    private void assertExrRefused(String name, byte[] bytes, String word) throws IOException {
        assertRefused(name, bytes, Images::readExrChannels, word);
        assertRefused("rgb-" + name, bytes, Images::readExr, word);
        assertRefused("env-" + name, bytes, Images::readEnvironment, word);
    }

    /** A valid 4x40 FLOAT RGB file, ZIP-compressed: three chunks. */
    private byte[] validExr() throws IOException {
        Path file = dir.resolve("valid.exr");
        Images.writeExr(ExrRoundTripTest.smooth(4, 40, 3), file);
        return Files.readAllBytes(file);
    }

    private static byte[] tinyHalfFile(int flags, int compression, List<Channel> channels, int xMax, int yMax) {
        ExrBytes b = ExrBytes.header(flags, channels, compression, 0, 0, xMax, yMax);
        long first = b.size() + 8L * (yMax + 1);
        for (int y = 0; y <= yMax; y++) {
            b.i64(first + y * (8L + 2 * (xMax + 1)));
        }
        for (int y = 0; y <= yMax; y++) {
            b.i32(y).i32(2 * (xMax + 1)).bytes(new byte[2 * (xMax + 1)]);
        }
        return b.toByteArray();
    }

    @Test
    void emptyFilesAreRefused() throws IOException {
        assertExrRefused("empty.exr", new byte[0], "empty");
        assertRefused("empty.hdr", new byte[0], Images::readHdr, "empty");
    }

    @Test
    void wrongMagicIsRefused() throws IOException {
        byte[] png = {(byte) 0x89, 'P', 'N', 'G', 13, 10, 26, 10, 0, 0, 0, 0};
        assertExrRefused("picture.exr", png, "magic");
        assertRefused("picture.hdr", png, Images::readHdr, "magic");
        assertRefused("text.hdr", "#?PHOTOSHOP\n\n-Y 1 +X 1\n".getBytes(), Images::readHdr, "Radiance");
    }

    @Test
    void truncatedHeadersAreRefused() throws IOException {
        byte[] valid = validExr();
        for (int cut : new int[] {3, 7, 20, 60, ExrBytes.parse(valid).headerEnd() - 1}) {
            assertRefused("cut" + cut + ".exr", Arrays.copyOf(valid, cut), Images::readExrChannels, "truncated");
        }
        assertRefused("cut.hdr", "#?RADIANCE\nFORMAT=32-bit_rle_rgbe\n".getBytes(), Images::readHdr, "truncated");
    }

    @Test
    void truncatedPixelDataIsRefused() throws IOException {
        byte[] valid = validExr();
        int headerEnd = ExrBytes.parse(valid).headerEnd();
        assertRefused("table.exr", Arrays.copyOf(valid, headerEnd + 12), Images::readExrChannels, "truncated");
        assertRefused("pixels.exr", Arrays.copyOf(valid, valid.length - 5), Images::readExrChannels, "truncated");

        byte[] rle = HdrFiles.file(HdrFiles.header("-Y 2 +X 8"), 2, 2, 0, 8, 0x88, 1, 0x88, 2, 0x88, 3, 0x88, 128,
                2, 2, 0, 8, 0x88, 1, 0x88);
        assertRefused("rle.hdr", rle, Images::readHdr, "truncated");
        // Long enough for the minimum-size check; the literal of 8 bytes has only 7.
        byte[] literal = HdrFiles.file(HdrFiles.header("-Y 1 +X 8"), 2, 2, 0, 8, 0x08, 1, 2, 3, 4, 5, 6, 7);
        assertRefused("literal.hdr", literal, Images::readHdr, "truncated: scan line 0");
        assertRefused("flat.hdr", HdrFiles.file(HdrFiles.header("-Y 2 +X 2"), 1, 2, 3, 128, 4, 5, 6, 128, 7),
                Images::readHdr, "truncated");
    }

    @Test
    void hugeDeclaredSizesAreRefusedBeforeAllocating() throws IOException {
        List<Channel> y = List.of(new Channel("Y", HALF));
        assertExrRefused("wide.exr", ExrBytes.header(0, y, ExrBytes.NONE, 0, 0, 99_999, 0).toByteArray(), "limit");
        assertExrRefused("overflow.exr", ExrBytes.header(0, y, ExrBytes.NONE, Integer.MIN_VALUE, 0, Integer.MAX_VALUE, 0)
                .toByteArray(), "limit");
        assertExrRefused("inverted.exr", ExrBytes.header(0, y, ExrBytes.NONE, 5, 0, 2, 0).toByteArray(), "empty");
        // Within the limits but far more than the file holds: 16384 x 16384 needs 16384 chunks.
        assertExrRefused("claims.exr", ExrBytes.header(0, y, ExrBytes.ZIP, 0, 0, 16383, 16383).toByteArray(),
                "truncated");
        // A chunk whose tiny zlib stream could never expand to the 16 x 16384 x 4 bytes it claims.
        ExrBytes bomb = ExrBytes.header(0, List.of(new Channel("Z", FLOAT)), ExrBytes.ZIP, 0, 0, 16383, 15);
        bomb.i64(bomb.size() + 8L).i32(0).i32(10).bytes(new byte[10]);
        assertExrRefused("bomb.exr", bomb.toByteArray(), "cannot decompress");

        assertRefused("huge.hdr", HdrFiles.file(HdrFiles.header("-Y 100000 +X 100000")), Images::readHdr, "limit");
        assertRefused("claims.hdr", HdrFiles.file(HdrFiles.header("-Y 16384 +X 16384"), 2, 2, 64, 0),
                Images::readHdr, "truncated");
    }

    @Test
    void badLineOffsetTablesAreRefused() throws IOException {
        byte[] valid = validExr();
        int table = ExrBytes.parse(valid).headerEnd();
        ByteBuffer b = ByteBuffer.wrap(valid.clone()).order(ByteOrder.LITTLE_ENDIAN);
        b.putLong(table + 8, valid.length + 100L);
        assertExrRefused("past-end.exr", b.array(), "offset");
        b = ByteBuffer.wrap(valid.clone()).order(ByteOrder.LITTLE_ENDIAN);
        b.putLong(table, 4);
        assertExrRefused("into-header.exr", b.array(), "offset");
        b = ByteBuffer.wrap(valid.clone()).order(ByteOrder.LITTLE_ENDIAN);
        b.putLong(table, -1);
        assertExrRefused("negative.exr", b.array(), "offset");
        b = ByteBuffer.wrap(valid.clone()).order(ByteOrder.LITTLE_ENDIAN);
        b.putLong(table + 8, b.getLong(table)); // chunk 1 points at chunk 0, whose y is wrong for it
        assertExrRefused("swapped.exr", b.array(), "offset");
        b = ByteBuffer.wrap(valid.clone()).order(ByteOrder.LITTLE_ENDIAN);
        b.putInt((int) b.getLong(table) + 4, Integer.MAX_VALUE); // chunk 0 claims 2 GiB
        assertExrRefused("size.exr", b.array(), "truncated");
    }

    @Test
    void unsupportedFeaturesAreNamed() throws IOException {
        List<Channel> rgb = List.of(new Channel("B", HALF), new Channel("G", HALF), new Channel("R", HALF));
        assertExrRefused("piz.exr", tinyHalfFile(0, ExrBytes.PIZ, rgb, 1, 1), "PIZ");
        assertExrRefused("dwaa.exr", tinyHalfFile(0, 8, rgb, 1, 1), "DWAA");
        assertExrRefused("b44.exr", tinyHalfFile(0, 6, rgb, 1, 1), "B44");
        assertExrRefused("unknown.exr", tinyHalfFile(0, 99, rgb, 1, 1), "compression");
        assertExrRefused("tiled.exr", tinyHalfFile(0x200, ExrBytes.NONE, rgb, 1, 1), "tiled");
        assertExrRefused("deep.exr", tinyHalfFile(0x800, ExrBytes.NONE, rgb, 1, 1), "deep");
        assertExrRefused("multipart.exr", tinyHalfFile(0x1000, ExrBytes.NONE, rgb, 1, 1), "multi-part");
        assertExrRefused("subsampled.exr", tinyHalfFile(0, ExrBytes.NONE, List.of(new Channel("R", HALF, 2, 2)), 1, 1),
                "subsampled");
        assertExrRefused("pixeltype.exr", tinyHalfFile(0, ExrBytes.NONE, List.of(new Channel("R", 7)), 1, 1),
                "pixel type");
        assertRefused("nocolour.exr", tinyHalfFile(0, ExrBytes.NONE, List.of(new Channel("Z", HALF)), 1, 1),
                Images::readExr, "neither");

        byte[] xyze = "#?RADIANCE\nFORMAT=32-bit_rle_xyze\n\n-Y 1 +X 1\n\0\0\0\0".getBytes();
        assertRefused("xyze.hdr", xyze, Images::readHdr, "xyze");
        assertRefused("env-xyze.exr", xyze, Images::readEnvironment, "xyze");
        assertRefused("sideways.hdr", HdrFiles.file(HdrFiles.header("+X 1 -Y 1"), 0, 0, 0, 0), Images::readHdr,
                "resolution");
        assertRefused("mirrored.hdr", HdrFiles.file(HdrFiles.header("-Y 1 -X 1"), 0, 0, 0, 0), Images::readHdr,
                "resolution");
        assertRefused("old-rle.hdr", HdrFiles.file(HdrFiles.header("-Y 1 +X 2"), 9, 9, 9, 130, 1, 1, 1, 1),
                Images::readHdr, "old-style");
    }

    @Test
    void corruptCompressedDataIsRefused() throws IOException {
        byte[] valid = validExr();
        ByteBuffer b = ByteBuffer.wrap(valid.clone()).order(ByteOrder.LITTLE_ENDIAN);
        int chunk0 = (int) b.getLong(ExrBytes.parse(valid).headerEnd());
        for (int i = 0; i < 6; i++) {
            b.put(chunk0 + 8 + i, (byte) 0xFF);
        }
        assertExrRefused("zlib.exr", b.array(), "zlib");

        // RLE chunk whose run would write past the 16-byte line.
        byte[] rle = ExrBytes.scanlineFile(List.of(new Channel("Y", HALF)), ExrBytes.RLE, 0, 0, 7, 0, 1,
                List.of(new byte[] {0x7F, 0x00}));
        assertExrRefused("rle.exr", rle, "run-length");
        byte[] shortRle = ExrBytes.scanlineFile(List.of(new Channel("Y", HALF)), ExrBytes.RLE, 0, 0, 7, 0, 1,
                List.of(new byte[] {0x03, 0x00}));
        assertExrRefused("short-rle.exr", shortRle, "run-length");

        // Long enough to pass the minimum-size check, so the scan line itself is decoded.
        assertRefused("overrun.hdr", HdrFiles.file(HdrFiles.header("-Y 1 +X 8"), 2, 2, 0, 8, 0x89, 1, 0, 0, 0, 0, 0, 0),
                Images::readHdr, "corrupt run");
        assertRefused("zero-run.hdr", HdrFiles.file(HdrFiles.header("-Y 1 +X 8"), 2, 2, 0, 8, 0x00, 1, 0, 0, 0, 0, 0, 0),
                Images::readHdr, "corrupt run");
        assertRefused("width.hdr", HdrFiles.file(HdrFiles.header("-Y 1 +X 8"), 2, 2, 0, 9, 0x89, 1, 0, 0, 0, 0, 0, 0),
                Images::readHdr, "9 pixels wide");
    }

    @Test
    void missingFilesAndDirectoriesAreRefusedByName() throws IOException {
        Path missing = dir.resolve("gone.exr");
        for (Reader reader : List.<Reader>of(Images::readExr, Images::readExrChannels, Images::readHdr,
                Images::readEnvironment)) {
            SceneFormatException e = assertThrows(SceneFormatException.class, () -> reader.read(missing));
            assertTrue(e.getMessage().contains("gone.exr: does not exist"), e.getMessage());
            Path folder = Files.createDirectories(dir.resolve("folder.hdr"));
            e = assertThrows(SceneFormatException.class, () -> reader.read(folder));
            assertTrue(e.getMessage().contains("folder.hdr: is not a regular file"), e.getMessage());
        }
    }

    @Test
    void environmentsThatAreNeitherExrNorHdrAreRefusedByMagic() throws IOException {
        assertRefused("sky.exr", "P6\n1 1\n255\n\0\0\0".getBytes(), Images::readEnvironment, "magic");
        assertRefused("sky.hdr", new byte[0], Images::readEnvironment, "empty");
    }
}
