package io.photonfarm.image;

import java.io.ByteArrayOutputStream;
import java.nio.ByteBuffer;
import java.nio.ByteOrder;
import java.nio.charset.StandardCharsets;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.zip.Deflater;

/**
 * Assembles and takes apart OpenEXR files byte by byte as "OpenEXR File Layout" (openexr.com)
 * describes them: little-endian integers, attributes as name NUL type NUL size value, a header ended
 * by a NUL, a table of 64-bit chunk offsets, chunks of (y, data size, data). Written for the tests
 * from the specification, independently of the reader and writer under test.
 */
final class ExrBytes {
    static final int UINT = 0;
    static final int HALF = 1;
    static final int FLOAT = 2;
    static final int NONE = 0;
    static final int RLE = 1;
    static final int ZIPS = 2;
    static final int ZIP = 3;
    static final int PIZ = 4;

    private final ByteArrayOutputStream out = new ByteArrayOutputStream();

    ExrBytes u8(int v) {
        out.write(v);
        return this;
    }

    ExrBytes u16(int v) {
        return u8(v).u8(v >>> 8);
    }

    ExrBytes i32(int v) {
        return u16(v).u16(v >>> 16);
    }

    ExrBytes i64(long v) {
        return i32((int) v).i32((int) (v >>> 32));
    }

    ExrBytes f32(float v) {
        return i32(Float.floatToRawIntBits(v));
    }

    ExrBytes cString(String s) {
        out.writeBytes(s.getBytes(StandardCharsets.UTF_8));
        return u8(0);
    }

    ExrBytes bytes(byte[] b) {
        out.writeBytes(b);
        return this;
    }

    ExrBytes attribute(String name, String type, byte[] value) {
        return cString(name).cString(type).i32(value.length).bytes(value);
    }

    int size() {
        return out.size();
    }

    byte[] toByteArray() {
        return out.toByteArray();
    }

    /** A channel as the chlist attribute lists it. */
    record Channel(String name, int pixelType, int xSampling, int ySampling) {
        Channel(String name, int pixelType) {
            this(name, pixelType, 1, 1);
        }
    }

    static byte[] chlist(List<Channel> channels) {
        ExrBytes b = new ExrBytes();
        for (Channel c : channels) {
            b.cString(c.name()).i32(c.pixelType()).u8(0).u8(0).u8(0).u8(0).i32(c.xSampling()).i32(c.ySampling());
        }
        return b.u8(0).toByteArray();
    }

    static byte[] box2i(int xMin, int yMin, int xMax, int yMax) {
        return new ExrBytes().i32(xMin).i32(yMin).i32(xMax).i32(yMax).toByteArray();
    }

    /** Magic number, version 2 with {@code flags}, and every required header attribute. */
    static ExrBytes header(int flags, List<Channel> channels, int compression, int xMin, int yMin, int xMax, int yMax) {
        ExrBytes b = new ExrBytes().i32(20000630).i32(2 | flags);
        b.attribute("channels", "chlist", chlist(channels));
        b.attribute("compression", "compression", new byte[] {(byte) compression});
        b.attribute("dataWindow", "box2i", box2i(xMin, yMin, xMax, yMax));
        b.attribute("displayWindow", "box2i", box2i(xMin, yMin, xMax, yMax));
        b.attribute("lineOrder", "lineOrder", new byte[] {0});
        b.attribute("pixelAspectRatio", "float", new ExrBytes().f32(1).toByteArray());
        b.attribute("screenWindowCenter", "v2f", new ExrBytes().f32(0).f32(0).toByteArray());
        b.attribute("screenWindowWidth", "float", new ExrBytes().f32(1).toByteArray());
        return b.u8(0);
    }

    /**
     * A complete single-part scan line file.
     *
     * @param chunks each chunk's stored data (compressed or not), top chunk first
     */
    static byte[] scanlineFile(List<Channel> channels, int compression, int xMin, int yMin, int xMax, int yMax,
            int linesPerChunk, List<byte[]> chunks) {
        ExrBytes b = header(0, channels, compression, xMin, yMin, xMax, yMax);
        long offset = b.size() + 8L * chunks.size();
        for (byte[] chunk : chunks) {
            b.i64(offset);
            offset += 8 + chunk.length;
        }
        for (int i = 0; i < chunks.size(); i++) {
            b.i32(yMin + i * linesPerChunk).i32(chunks.get(i).length).bytes(chunks.get(i));
        }
        return b.toByteArray();
    }

    /** The ZIP/RLE pre-pass: even-indexed bytes, then odd-indexed ones; then byte deltas plus 128. */
    static byte[] predict(byte[] raw) {
        byte[] t = new byte[raw.length];
        int k = 0;
        for (int i = 0; i < raw.length; i += 2) {
            t[k++] = raw[i];
        }
        for (int i = 1; i < raw.length; i += 2) {
            t[k++] = raw[i];
        }
        byte[] d = t.clone();
        for (int i = 1; i < t.length; i++) {
            d[i] = (byte) (t[i] - t[i - 1] + 128);
        }
        return d;
    }

    static byte[] zlib(byte[] data) {
        Deflater deflater = new Deflater();
        deflater.setInput(data);
        deflater.finish();
        ByteArrayOutputStream z = new ByteArrayOutputStream();
        byte[] buf = new byte[4096];
        while (!deflater.finished()) {
            z.write(buf, 0, deflater.deflate(buf));
        }
        deflater.end();
        return z.toByteArray();
    }

    /** OpenEXR run-length encoding, greedy: runs of 3+ equal bytes as (count - 1, byte), the rest as literals. */
    static byte[] rle(byte[] data) {
        ByteArrayOutputStream r = new ByteArrayOutputStream();
        int i = 0;
        while (i < data.length) {
            int run = 1;
            while (i + run < data.length && data[i + run] == data[i] && run < 128) {
                run++;
            }
            if (run >= 3) {
                r.write(run - 1);
                r.write(data[i]);
                i += run;
            } else {
                int start = i;
                while (i < data.length && i - start < 127
                        && !(i + 2 < data.length && data[i] == data[i + 1] && data[i] == data[i + 2])) {
                    i++;
                }
                r.write(-(i - start));
                r.write(data, start, i - start);
            }
        }
        return r.toByteArray();
    }

    /** Little-endian raw scan line bytes. */
    static ByteBuffer raw(int bytes) {
        return ByteBuffer.allocate(bytes).order(ByteOrder.LITTLE_ENDIAN);
    }

    /** What a file's header holds, taken apart for assertions about files the writer produced. */
    record Parsed(int version, Map<String, String> types, Map<String, byte[]> values, int headerEnd) {
        List<String> channelNamesInFileOrder() {
            ByteBuffer b = ByteBuffer.wrap(values.get("channels")).order(ByteOrder.LITTLE_ENDIAN);
            List<String> names = new ArrayList<>();
            while (b.get(b.position()) != 0) {
                int start = b.position();
                while (b.get() != 0) {
                    // scan to the NUL
                }
                names.add(new String(b.array(), start, b.position() - 1 - start, StandardCharsets.UTF_8));
                int type = b.getInt();
                if (type != FLOAT) {
                    throw new AssertionError("channel " + names.get(names.size() - 1) + " has pixel type " + type);
                }
                b.position(b.position() + 12);
            }
            return names;
        }

        /** Stored data size of each chunk, following the offset table. */
        int[] chunkDataSizes(byte[] file, int chunks) {
            ByteBuffer b = ByteBuffer.wrap(file).order(ByteOrder.LITTLE_ENDIAN);
            int[] sizes = new int[chunks];
            for (int i = 0; i < chunks; i++) {
                long offset = b.getLong(headerEnd + 8 * i);
                sizes[i] = b.getInt((int) offset + 4);
            }
            return sizes;
        }
    }

    static Parsed parse(byte[] file) {
        ByteBuffer b = ByteBuffer.wrap(file).order(ByteOrder.LITTLE_ENDIAN);
        if (b.getInt() != 20000630) {
            throw new AssertionError("not an EXR file");
        }
        int version = b.getInt();
        Map<String, String> types = new LinkedHashMap<>();
        Map<String, byte[]> values = new LinkedHashMap<>();
        while (true) {
            String name = cString(b);
            if (name.isEmpty()) {
                return new Parsed(version, types, values, b.position());
            }
            String type = cString(b);
            byte[] value = new byte[b.getInt()];
            b.get(value);
            types.put(name, type);
            values.put(name, value);
        }
    }

    private static String cString(ByteBuffer b) {
        int start = b.position();
        while (b.get() != 0) {
            // scan to the NUL
        }
        return new String(b.array(), start, b.position() - 1 - start, StandardCharsets.UTF_8);
    }
}
