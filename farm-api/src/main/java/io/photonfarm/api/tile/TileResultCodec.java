package io.photonfarm.api.tile;

import java.nio.ByteBuffer;
import java.nio.ByteOrder;
import java.util.zip.CRC32;

/**
 * The binary form in which nodes upload a {@link TileResult}. Big-endian:
 *
 * <pre>
 * offset  size  field
 *      0     4  magic "PFTR"
 *      4     2  format version (2; version 1 is read too: flags 0, no sections after the sums)
 *      6     2  flags: bit 0 = coverage section present, bit 1 = label section present (needs bit 0)
 *      8    16  rect x, y, width, height (int32, pixels)
 *     24     8  sample range first, count (int32)
 *     32     4  number of sums n (int32), must be width * height * 3
 *     36   8n  fixed-point radiance sums (int64, {@link RadianceSums}), row-major within the rect, RGB
 *  then  4p  coverage counts (int32), p = width * height, if flag bit 0
 *  then 80p  label records ({@link LabelRecord#WORDS} int32 words per pixel), if flag bit 1
 *  last   4  CRC-32 of every byte before it
 * </pre>
 *
 * Decoding checks sizes before allocating anything, so a hostile header cannot make the coordinator
 * allocate more than {@code maxTilePixels * 108} bytes.
 */
public final class TileResultCodec {
    /** The format version this codec writes and reads. */
    public static final int VERSION = 2;
    /** Flag bit: a coverage section follows the sums. */
    public static final int FLAG_COVERAGE = 1;
    /** Flag bit: a label section follows the coverage section. */
    public static final int FLAG_LABELS = 2;
    /** The smallest encoded size: a header and a checksum around zero sums, in bytes. */
    public static final int OVERHEAD_BYTES = 40;
    private static final int MAGIC = 0x50465452; // "PFTR"
    private static final int HEADER_BYTES = 36;

    private final long maxTilePixels;

    /** @param maxTilePixels the most pixels a decoded tile may have (width * height) */
    public TileResultCodec(long maxTilePixels) {
        if (maxTilePixels < 1) {
            throw new IllegalArgumentException("tile result codec: maxTilePixels " + maxTilePixels + " must be >= 1");
        }
        this.maxTilePixels = maxTilePixels;
    }

    /** The encoded size of a result covering {@code rect} without labels, in bytes. */
    public static long encodedSize(TileRect rect) {
        return encodedSize(rect, 0);
    }

    /** The encoded size of a result covering {@code rect} with the sections of {@code flags}, in bytes. */
    public static long encodedSize(TileRect rect, int flags) {
        long pixels = rect.pixelCount();
        return OVERHEAD_BYTES + pixels * 3 * Long.BYTES + sectionBytes(pixels, flags);
    }

    private static long sectionBytes(long pixels, int flags) {
        long words = ((flags & FLAG_COVERAGE) != 0 ? pixels : 0) + ((flags & FLAG_LABELS) != 0 ? pixels * LabelRecord.WORDS : 0);
        return words * Integer.BYTES;
    }

    private static int flagsOf(TileResult r) {
        return (r.coverage() != null ? FLAG_COVERAGE : 0) | (r.labels() != null ? FLAG_LABELS : 0);
    }

    public byte[] encode(TileResult result) {
        TileRect r = result.rect();
        int flags = flagsOf(result);
        long size = encodedSize(r, flags);
        if (r.pixelCount() > maxTilePixels || size > Integer.MAX_VALUE) {
            throw new IllegalArgumentException("encoding tile result " + r + ": " + r.pixelCount()
                    + " pixels, at most " + maxTilePixels + " allowed");
        }
        ByteBuffer buf = ByteBuffer.allocate((int) size).order(ByteOrder.BIG_ENDIAN);
        buf.putInt(MAGIC).putShort((short) VERSION).putShort((short) flags);
        buf.putInt(r.x()).putInt(r.y()).putInt(r.width()).putInt(r.height());
        buf.putInt(result.samples().first()).putInt(result.samples().count());
        buf.putInt(result.sums().length);
        buf.asLongBuffer().put(result.sums());
        buf.position(buf.position() + result.sums().length * Long.BYTES);
        for (int[] section : new int[][] {result.coverage(), result.labels()}) {
            if (section != null) {
                buf.asIntBuffer().put(section);
                buf.position(buf.position() + section.length * Integer.BYTES);
            }
        }
        buf.putInt((int) crc(buf.array(), buf.position()));
        return buf.array();
    }

    /**
     * @throws MalformedTileResultException if the bytes are truncated, of another version, of an
     *         absurd or inconsistent size, or fail the checksum; the message says which
     */
    public TileResult decode(byte[] bytes) {
        if (bytes.length < OVERHEAD_BYTES) {
            throw bad(bytes, "truncated: a tile result needs at least " + OVERHEAD_BYTES + " bytes");
        }
        ByteBuffer buf = ByteBuffer.wrap(bytes).order(ByteOrder.BIG_ENDIAN);
        int magic = buf.getInt();
        if (magic != MAGIC) {
            throw bad(bytes, String.format("not a tile result: magic 0x%08x, expected 0x%08x (\"PFTR\")", magic, MAGIC));
        }
        int version = Short.toUnsignedInt(buf.getShort());
        if (version != 1 && version != VERSION) {
            throw bad(bytes, "unsupported format version " + version + ", this coordinator reads versions 1 and " + VERSION);
        }
        int flags = Short.toUnsignedInt(buf.getShort());
        int known = version == 1 ? 0 : FLAG_COVERAGE | FLAG_LABELS;
        if ((flags & ~known) != 0 || (flags & FLAG_LABELS) != 0 && (flags & FLAG_COVERAGE) == 0) {
            throw bad(bytes, "flags 0x" + Integer.toHexString(flags) + " not valid in a version " + version + " result");
        }
        int x = buf.getInt();
        int y = buf.getInt();
        int width = buf.getInt();
        int height = buf.getInt();
        int first = buf.getInt();
        int count = buf.getInt();
        int sumCount = buf.getInt();
        long pixels = (long) width * height;
        if (width <= 0 || height <= 0 || pixels > maxTilePixels) {
            throw bad(bytes, "tile size " + width + "x" + height + " out of range: 1.." + maxTilePixels + " pixels");
        }
        if (sumCount != pixels * 3) {
            throw bad(bytes, "header says " + sumCount + " sums, a " + width + "x" + height + " tile has " + pixels * 3);
        }
        long expected = OVERHEAD_BYTES + pixels * 3 * Long.BYTES + sectionBytes(pixels, flags);
        if (bytes.length != expected) {
            throw bad(bytes, (bytes.length < expected ? "truncated" : "trailing bytes") + ": a " + width + "x" + height
                    + " tile result is " + expected + " bytes");
        }
        int stored = ByteBuffer.wrap(bytes, bytes.length - 4, 4).order(ByteOrder.BIG_ENDIAN).getInt();
        long actual = crc(bytes, bytes.length - 4);
        if (Integer.toUnsignedLong(stored) != actual) {
            throw bad(bytes, String.format("checksum mismatch: stored 0x%08x, computed 0x%08x", stored, actual));
        }
        long[] sums = new long[sumCount];
        buf.position(HEADER_BYTES);
        buf.asLongBuffer().get(sums);
        buf.position(HEADER_BYTES + sumCount * Long.BYTES);
        int[] coverage = (flags & FLAG_COVERAGE) != 0 ? readInts(buf, (int) pixels) : null;
        int[] labels = (flags & FLAG_LABELS) != 0 ? readInts(buf, (int) pixels * LabelRecord.WORDS) : null;
        try {
            return new TileResult(new TileRect(x, y, width, height), new SampleRange(first, count), sums, coverage, labels);
        } catch (IllegalArgumentException e) {
            throw new MalformedTileResultException("decoding tile result (" + bytes.length + " bytes): " + e.getMessage(), e);
        }
    }

    private static int[] readInts(ByteBuffer buf, int n) {
        int[] a = new int[n];
        buf.asIntBuffer().get(a);
        buf.position(buf.position() + n * Integer.BYTES);
        return a;
    }

    private static long crc(byte[] bytes, int length) {
        CRC32 crc = new CRC32();
        crc.update(bytes, 0, length);
        return crc.getValue();
    }

    private static MalformedTileResultException bad(byte[] bytes, String why) {
        return new MalformedTileResultException("decoding tile result (" + bytes.length + " bytes): " + why);
    }
}
