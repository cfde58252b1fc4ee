package io.photonfarm.api.tile;

import static org.junit.jupiter.api.Assertions.assertArrayEquals;
import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertNull;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.nio.ByteBuffer;
import java.util.Arrays;
import java.util.Random;
import java.util.zip.CRC32;
import org.junit.jupiter.api.Test;

class TileResultCodecTest {
    private final TileResultCodec codec = new TileResultCodec(4096L * 4096);

    private static TileResult sample(int width, int height) {
        long[] sums = new Random(7).longs((long) width * height * 3).toArray();
        sums[0] = Long.MIN_VALUE;
        sums[sums.length - 1] = Long.MAX_VALUE;
        return new TileResult(new TileRect(48, 16, width, height), new SampleRange(32, 16), sums);
    }

    private void assertRejected(byte[] bytes, String reason) {
        MalformedTileResultException e = assertThrows(MalformedTileResultException.class, () -> codec.decode(bytes));
        assertTrue(e.getMessage().startsWith("decoding tile result (" + bytes.length + " bytes): "), e.getMessage());
        assertTrue(e.getMessage().contains(reason), e.getMessage());
    }

    /** Rewrites the trailing checksum so a test can reach the checks behind it. */
    private static byte[] resealed(byte[] bytes) {
        CRC32 crc = new CRC32();
        crc.update(bytes, 0, bytes.length - 4);
        ByteBuffer.wrap(bytes).putInt(bytes.length - 4, (int) crc.getValue());
        return bytes;
    }

    @Test
    void aResultRoundTripsBitForBit() {
        TileResult original = sample(13, 7);
        byte[] bytes = codec.encode(original);
        assertEquals(TileResultCodec.encodedSize(original.rect()), bytes.length);
        TileResult decoded = codec.decode(bytes);
        assertEquals(original.rect(), decoded.rect());
        assertEquals(original.samples(), decoded.samples());
        assertArrayEquals(original.sums(), decoded.sums());
    }

    @Test
    void everyTruncationIsRejected() {
        byte[] bytes = codec.encode(sample(3, 2));
        for (int length : new int[] {0, 1, 39, 40, 41, bytes.length - 9, bytes.length - 1}) {
            assertRejected(Arrays.copyOf(bytes, length), "truncated");
        }
    }

    @Test
    void trailingBytesAreRejected() {
        byte[] bytes = codec.encode(sample(3, 2));
        assertRejected(Arrays.copyOf(bytes, bytes.length + 8), "trailing bytes");
    }

    @Test
    void anotherMagicOrVersionOrFlagIsRejected() {
        byte[] bytes = codec.encode(sample(2, 2));
        byte[] magic = bytes.clone();
        magic[0] = 'X';
        assertRejected(magic, "not a tile result");
        byte[] version = bytes.clone();
        version[5] = 3;
        assertRejected(resealed(version), "unsupported format version 3");
        byte[] flags = bytes.clone();
        flags[7] = 4;
        assertRejected(resealed(flags), "flags 0x4 not valid");
        byte[] labelsWithoutCoverage = bytes.clone();
        labelsWithoutCoverage[7] = 2;
        assertRejected(resealed(labelsWithoutCoverage), "flags 0x2 not valid");
    }

    @Test
    void coverageAndLabelSectionsRoundTripExactly() {
        TileResult plain = sample(3, 2);
        int[] coverage = {0, 1, 2, 3, 4, 4};
        int[] labels = new int[6 * LabelRecord.WORDS];
        for (int i = 0; i < labels.length; i++) {
            labels[i] = i * 7919 - 5;
        }
        labels[LabelRecord.RANGE] = Float.floatToRawIntBits(Float.POSITIVE_INFINITY);
        TileResult full = new TileResult(plain.rect(), plain.samples(), plain.sums(), coverage, labels);
        byte[] bytes = codec.encode(full);
        assertEquals(TileResultCodec.encodedSize(plain.rect(), TileResultCodec.FLAG_COVERAGE | TileResultCodec.FLAG_LABELS),
                bytes.length);
        TileResult back = codec.decode(bytes);
        assertArrayEquals(coverage, back.coverage());
        assertArrayEquals(labels, back.labels());
        assertArrayEquals(plain.sums(), back.sums());
        TileResult coverageOnly = codec.decode(codec.encode(new TileResult(plain.rect(), plain.samples(), plain.sums(), coverage, null)));
        assertArrayEquals(coverage, coverageOnly.coverage());
        assertNull(coverageOnly.labels());
    }

    @Test
    void versionOneResultsAreStillRead() {
        byte[] bytes = codec.encode(sample(2, 2));
        bytes[5] = 1;
        TileResult back = codec.decode(resealed(bytes));
        assertArrayEquals(sample(2, 2).sums(), back.sums());
        assertNull(back.coverage());
    }

    @Test
    void aFlippedBitAnywhereFailsTheChecksum() {
        byte[] bytes = codec.encode(sample(4, 4));
        for (int at : new int[] {40, 100, bytes.length - 5, bytes.length - 1}) {
            byte[] bad = bytes.clone();
            bad[at] ^= 0x10;
            assertRejected(bad, "checksum mismatch");
        }
    }

    @Test
    void absurdOrInconsistentSizesAreRejectedBeforeAllocating() {
        byte[] bytes = codec.encode(sample(2, 2));
        ByteBuffer header = ByteBuffer.wrap(bytes.clone());
        header.putInt(16, 100_000).putInt(20, 100_000); // 10^10 pixels
        assertRejected(header.array(), "tile size 100000x100000 out of range");
        ByteBuffer negative = ByteBuffer.wrap(bytes.clone());
        negative.putInt(16, -2);
        assertRejected(negative.array(), "tile size -2x2 out of range");
        ByteBuffer count = ByteBuffer.wrap(bytes.clone());
        count.putInt(32, 11);
        assertRejected(count.array(), "header says 11 sums, a 2x2 tile has 12");
        MalformedTileResultException small = assertThrows(MalformedTileResultException.class,
                () -> new TileResultCodec(3).decode(bytes));
        assertTrue(small.getMessage().contains("out of range: 1..3 pixels"), small.getMessage());
    }

    @Test
    void anInvalidRectOrSampleRangeBehindAGoodChecksumIsRejected() {
        byte[] bytes = codec.encode(sample(2, 2));
        ByteBuffer origin = ByteBuffer.wrap(bytes.clone());
        origin.putInt(8, -5);
        assertRejected(resealed(origin.array()), "origin must be >= 0");
        ByteBuffer range = ByteBuffer.wrap(bytes.clone());
        range.putInt(28, 0);
        assertRejected(resealed(range.array()), "count > 0");
    }
}
