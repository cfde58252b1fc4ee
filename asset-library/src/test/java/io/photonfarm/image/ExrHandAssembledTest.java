package io.photonfarm.image;

import static io.photonfarm.image.ExrBytes.FLOAT;
import static io.photonfarm.image.ExrBytes.HALF;
import static io.photonfarm.image.ExrBytes.UINT;
import static org.junit.jupiter.api.Assertions.assertArrayEquals;
import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

import io.photonfarm.image.ExrBytes.Channel;
import java.io.IOException;
import java.nio.ByteBuffer;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/** Files assembled byte by byte from the OpenEXR layout, decoded to values known independently. */
class ExrHandAssembledTest {
    @TempDir
    Path dir;

    private Path save(String name, byte[] bytes) throws IOException {
        return Files.write(dir.resolve(name), bytes);
    }

    @Test
    void aTwoByTwoHalfFileWithoutCompressionAtAnOffsetOriginDecodesToTheKnownValues() throws IOException {
        // Channels in file order B, G, R; data window (10, 20)..(11, 21). One chunk per scan line:
        // all B samples of the line, then all G, then all R, each a little-endian half.
        ByteBuffer line0 = ExrBytes.raw(12);
        line0.putShort((short) 0x3800).putShort((short) 0x7C00); // B: 0.5, +inf
        line0.putShort((short) 0xC000).putShort((short) 0x0001); // G: -2, 2^-24 (smallest subnormal)
        line0.putShort((short) 0x3C00).putShort((short) 0x7BFF); // R: 1, 65504
        ByteBuffer line1 = ExrBytes.raw(12);
        line1.putShort((short) 0x3400).putShort((short) 0x03FF); // B: 0.25, 1023 * 2^-24
        line1.putShort((short) 0x8000).putShort((short) 0x0400); // G: -0, 2^-14
        line1.putShort((short) 0x0000).putShort((short) 0x3555); // R: 0, 0.333251953125
        byte[] file = ExrBytes.scanlineFile(List.of(new Channel("B", HALF), new Channel("G", HALF),
                new Channel("R", HALF)), ExrBytes.NONE, 10, 20, 11, 21, 1, List.of(line0.array(), line1.array()));

        FloatImage img = Images.readExr(save("half.exr", file));
        assertEquals(2, img.width());
        assertEquals(2, img.height());
        assertEquals(3, img.channels());
        float[] expected = {
            1f, -2f, 0.5f, 65504f, 0x1p-24f, Float.POSITIVE_INFINITY,
            0f, -0f, 0.25f, 0.333251953125f, 0x1p-14f, 1023 * 0x1p-24f
        };
        for (int i = 0; i < expected.length; i++) {
            assertEquals(Float.floatToRawIntBits(expected[i]), Float.floatToRawIntBits(img.data()[i]), "sample " + i);
        }
    }

    @Test
    void aRunLengthChunkWrittenOutByHandDecodes() throws IOException {
        // One 8-pixel line of channel Y, HALF: seven 1.0 (0x3C00) and one 2.0 (0x4000).
        // Raw bytes: (00 3C) x7, 00 40. Even-indexed bytes then odd ones: 00 x8, 3C x7, 40.
        // Deltas + 128: 00, 80 x7, BC, 80 x6, 84. Run-length: literal 1 (-1 = FF) 00; run 7 (06) 80;
        // literal FF BC; run 6 (05) 80; literal FF 84 -- 10 bytes for 16.
        byte[] chunk = {(byte) 0xFF, 0x00, 0x06, (byte) 0x80, (byte) 0xFF, (byte) 0xBC, 0x05, (byte) 0x80,
            (byte) 0xFF, (byte) 0x84};
        byte[] file = ExrBytes.scanlineFile(List.of(new Channel("Y", HALF)), ExrBytes.RLE, 0, 0, 7, 0, 1,
                List.of(chunk));
        ExrImage exr = Images.readExrChannels(save("rle.exr", file));
        assertArrayEquals(new float[] {1, 1, 1, 1, 1, 1, 1, 2}, exr.channel("Y"));
        FloatImage grey = Images.readExr(dir.resolve("rle.exr"));
        assertEquals(2f, grey.get(7, 0, 0));
        assertEquals(2f, grey.get(7, 0, 2), "a lone Y is copied to R, G and B");
    }

    @Test
    void aRunLengthFileOfSeveralLinesDecodes() throws IOException {
        int w = 20;
        int h = 3;
        List<byte[]> chunks = new ArrayList<>();
        for (int y = 0; y < h; y++) {
            ByteBuffer line = ExrBytes.raw(w * 2 * 2); // channels G, R as HALF
            for (int x = 0; x < w; x++) {
                line.putShort((short) (x < 10 ? 0x3C00 : 0x4000)); // G: 1 then 2
            }
            for (int x = 0; x < w; x++) {
                line.putShort((short) (0x3800 + y)); // R: 0.5 + y * 2^-11 (one half ulp steps)
            }
            chunks.add(ExrBytes.rle(ExrBytes.predict(line.array())));
        }
        byte[] file = ExrBytes.scanlineFile(List.of(new Channel("G", HALF), new Channel("R", HALF)), ExrBytes.RLE,
                0, 0, w - 1, h - 1, 1, chunks);
        FloatImage img = Images.readExr(save("rle2.exr", file));
        for (int y = 0; y < h; y++) {
            for (int x = 0; x < w; x++) {
                float r = 0.5f + y * 0x1p-11f;
                assertEquals(r, img.get(x, y, 0), "R at " + x + "," + y);
                assertEquals(x < 10 ? 1f : 2f, img.get(x, y, 1), "G at " + x + "," + y);
                assertEquals(r, img.get(x, y, 2), "missing B copies R at " + x + "," + y);
            }
        }
    }

    @Test
    void aZipsFileWithOneZlibStreamPerLineDecodes() throws IOException {
        // Lines long and regular enough for zlib to shrink them (a stored chunk would not test ZIPS).
        int w = 24;
        float[] expected = new float[2 * w];
        for (int i = 0; i < expected.length; i++) {
            expected[i] = i < w ? 1.5f : -7f;
        }
        expected[0] = -2.25f;
        expected[1] = 1e-42f;
        expected[w + 5] = 3.4e38f;
        List<byte[]> chunks = new ArrayList<>();
        for (int y = 0; y < 2; y++) {
            ByteBuffer line = ExrBytes.raw(w * 4);
            for (int x = 0; x < w; x++) {
                line.putFloat(expected[y * w + x]);
            }
            byte[] packed = ExrBytes.zlib(ExrBytes.predict(line.array()));
            assertTrue(packed.length < w * 4, "the test data must compress");
            chunks.add(packed);
        }
        byte[] file = ExrBytes.scanlineFile(List.of(new Channel("Z", FLOAT)), ExrBytes.ZIPS, 0, 0, w - 1, 1, 1,
                chunks);
        ExrImage exr = Images.readExrChannels(save("zips.exr", file));
        assertArrayEquals(expected, exr.channel("Z"));
    }

    @Test
    void aZipFileWithAShortLastChunkAndAStoredChunkDecodes() throws IOException {
        // 2 x 20 pixels: chunk 0 holds lines 100..115 zlib-compressed, chunk 1 lines 116..119 stored
        // uncompressed (allowed when compression would not shrink it).
        int w = 2;
        int h = 20;
        List<byte[]> chunks = new ArrayList<>();
        for (int y0 = 0; y0 < h; y0 += 16) {
            int lines = Math.min(16, h - y0);
            ByteBuffer raw = ExrBytes.raw(lines * w * 4);
            for (int y = y0; y < y0 + lines; y++) {
                for (int x = 0; x < w; x++) {
                    raw.putFloat(y * 10 + x);
                }
            }
            chunks.add(y0 == 0 ? ExrBytes.zlib(ExrBytes.predict(raw.array())) : raw.array());
        }
        byte[] file = ExrBytes.scanlineFile(List.of(new Channel("Y", FLOAT)), ExrBytes.ZIP, 3, 100, 4, 119, 16,
                chunks);
        ExrImage exr = Images.readExrChannels(save("zip.exr", file));
        assertEquals(w, exr.width());
        assertEquals(h, exr.height());
        for (int y = 0; y < h; y++) {
            for (int x = 0; x < w; x++) {
                assertEquals(y * 10 + x, exr.channel("Y")[y * w + x], "pixel " + x + "," + y);
            }
        }
    }

    @Test
    void uintAndFloatChannelsAtANegativeOriginDecode() throws IOException {
        // Name order is byte order: "Z" (0x5A) comes before "id" (0x69).
        ByteBuffer line = ExrBytes.raw(3 * 4 + 3 * 4);
        line.putFloat(1.5f).putFloat(-0f).putFloat(1e30f);
        line.putInt(0).putInt(7).putInt(0xFFFFFFFF);
        byte[] file = ExrBytes.scanlineFile(List.of(new Channel("Z", FLOAT), new Channel("id", UINT)), ExrBytes.NONE,
                -5, -7, -3, -7, 1, List.of(line.array()));
        ExrImage exr = Images.readExrChannels(save("ids.exr", file));
        assertEquals(3, exr.width());
        assertEquals(1, exr.height());
        assertArrayEquals(new float[] {1.5f, -0f, 1e30f}, exr.channel("Z"));
        assertArrayEquals(new float[] {0f, 7f, 4294967295f}, exr.channel("id"));
    }
}
