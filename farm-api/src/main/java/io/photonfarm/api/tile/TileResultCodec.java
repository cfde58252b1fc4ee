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
 *      4     2  format version (1)
 *      6     2  flags, reserved, 0
 *      8    16  rect x, y, width, height (int32, pixels)
 *     24     8  sample range first, count (int32)
 *     32     4  number of sums n (int32), must be width * height * 3
 *     36   8n  fixed-point radiance sums (int64, {@link RadianceSums}), row-major within the rect, RGB
 * 36+8n     4  CRC-32 of every byte before it
 * </pre>
 *
 * Decoding checks sizes before allocating anything, so a hostile header cannot make the coordinator
 * allocate more than {@code maxTilePixels * 24} bytes.
 */
public final class TileResultCodec {
    /** The format version this codec writes and reads. */
    public static final int VERSION = 1;
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

    /** The encoded size of a result covering {@code rect}, in bytes. */
    public static long encodedSize(TileRect rect) {
        return OVERHEAD_BYTES + (long) rect.pixelCount() * 3 * Long.BYTES;
    }

    public byte[] encode(TileResult result) {
        TileRect r = result.rect();
        long size = encodedSize(r);
        if (r.pixelCount() > maxTilePixels || size > Integer.MAX_VALUE) {
            throw new IllegalArgumentException("encoding tile result " + r + ": " + r.pixelCount()
                    + " pixels, at most " + maxTilePixels + " allowed");
        }
        ByteBuffer buf = ByteBuffer.allocate((int) size).order(ByteOrder.BIG_ENDIAN);
        buf.putInt(MAGIC).putShort((short) VERSION).putShort((short) 0);
        buf.putInt(r.x()).putInt(r.y()).putInt(r.width()).putInt(r.height());
        buf.putInt(result.samples().first()).putInt(result.samples().count());
        buf.putInt(result.sums().length);
        buf.asLongBuffer().put(result.sums());
        buf.position(buf.position() + result.sums().length * Long.BYTES);
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
        if (version != VERSION) {
            throw bad(bytes, "unsupported format version " + version + ", this coordinator reads version " + VERSION);
        }
        int flags = Short.toUnsignedInt(buf.getShort());
        if (flags != 0) {
            throw bad(bytes, "unknown flags 0x" + Integer.toHexString(flags) + " in a version " + VERSION + " result");
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
        long expected = OVERHEAD_BYTES + pixels * 3 * Long.BYTES;
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
        try {
            return new TileResult(new TileRect(x, y, width, height), new SampleRange(first, count), sums);
        } catch (IllegalArgumentException e) {
            throw new MalformedTileResultException("decoding tile result (" + bytes.length + " bytes): " + e.getMessage(), e);
        }
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
