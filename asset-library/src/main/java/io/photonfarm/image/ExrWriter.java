package io.photonfarm.image;

import java.io.ByteArrayOutputStream;
import java.io.IOException;
import java.nio.ByteBuffer;
import java.nio.ByteOrder;
import java.nio.channels.FileChannel;
import java.nio.charset.StandardCharsets;
import java.nio.file.Path;
import java.util.Comparator;
import java.util.HashSet;
import java.util.List;
import java.util.Set;
import java.util.stream.IntStream;
import java.util.zip.Deflater;

/**
 * Writes a single-part scan line OpenEXR 2.0 file: FLOAT channels (lossless, so label passes read
 * back bit-exactly), ZIP compression in chunks of 16 scan lines, a chunk stored uncompressed when
 * zlib does not shrink it. Data window and display window are both (0, 0)..(width-1, height-1);
 * image row 0 is pixel-space y = 0, the top.
 */
final class ExrWriter {
    private static final ExrCompression COMPRESSION = ExrCompression.ZIP;

    private ExrWriter() {
    }

    /**
     * @param names one per image channel, in the image's channel order; non-empty, unique, at most
     *              255 UTF-8 bytes and without NUL
     */
    static void write(FloatImage img, List<String> names, Path out) throws IOException {
        int[] order = fileOrder(img, names);
        byte[] header = header(img, names, order);
        int width = img.width();
        int height = img.height();
        int chunks = (height + COMPRESSION.linesPerChunk - 1) / COMPRESSION.linesPerChunk;
        AtomicFiles.write(out, ch -> {
            AtomicFiles.writeFully(ch, ByteBuffer.wrap(header));
            long tablePosition = ch.position();
            ByteBuffer table = ByteBuffer.allocate(chunks * 8).order(ByteOrder.LITTLE_ENDIAN);
            // Reserve the offset table; it is filled in once the chunks' positions are known.
            AtomicFiles.writeFully(ch, ByteBuffer.allocate(chunks * 8));
            // Fastest zlib level: still lossless, and label passes of HD frames are written several per frame.
            Deflater deflater = new Deflater(Deflater.BEST_SPEED);
            try {
                for (int chunk = 0; chunk < chunks; chunk++) {
                    int y0 = chunk * COMPRESSION.linesPerChunk;
                    int lines = Math.min(COMPRESSION.linesPerChunk, height - y0);
                    table.putLong(ch.position());
                    writeChunk(ch, img, order, y0, lines, deflater);
                }
            } finally {
                deflater.end();
            }
            ch.position(tablePosition);
            AtomicFiles.writeFully(ch, table.flip());
        });
    }

    /** Image channel indices in the order the file stores them: by name, byte-wise. */
    private static int[] fileOrder(FloatImage img, List<String> names) {
        if (img.width() > ImageLimits.MAX_SIDE || img.height() > ImageLimits.MAX_SIDE
                || img.channels() > ImageLimits.MAX_CHANNELS
                || 4L * img.channels() * img.width() * COMPRESSION.linesPerChunk > ExrReader.MAX_CHUNK_BYTES) {
            // Files the reader would refuse are not written in the first place.
            throw new IllegalArgumentException("a " + img.width() + "x" + img.height() + " image with " + img.channels()
                    + " channels is over the EXR limits (" + ImageLimits.MAX_SIDE + " pixels per side, "
                    + ImageLimits.MAX_CHANNELS + " channels, " + ExrReader.MAX_CHUNK_BYTES + " bytes per chunk)");
        }
        if (names.size() != img.channels()) {
            throw new IllegalArgumentException(names.size() + " channel names " + names + " for an image with "
                    + img.channels() + " channels");
        }
        Set<String> seen = new HashSet<>();
        for (String name : names) {
            int bytes = name.getBytes(StandardCharsets.UTF_8).length;
            if (bytes == 0 || bytes > ExrHeaderReader.MAX_NAME_BYTES || name.indexOf('\0') >= 0) {
                throw new IllegalArgumentException("EXR channel name '" + name + "' must be 1.."
                        + ExrHeaderReader.MAX_NAME_BYTES + " UTF-8 bytes without NUL");
            }
            if (!seen.add(name)) {
                throw new IllegalArgumentException("EXR channel name '" + name + "' is given twice in " + names);
            }
        }
        return IntStream.range(0, names.size()).boxed()
                .sorted(Comparator.comparing(names::get, ExrNames::compare))
                .mapToInt(Integer::intValue).toArray();
    }

    private static byte[] header(FloatImage img, List<String> names, int[] order) {
        boolean longNames = names.stream().anyMatch(n -> n.getBytes(StandardCharsets.UTF_8).length > 31);
        Bytes h = new Bytes();
        h.i32(ExrHeaderReader.MAGIC);
        h.i32(2 | (longNames ? ExrHeaderReader.FLAG_LONG_NAMES : 0));

        Bytes channels = new Bytes();
        for (int c : order) {
            channels.cString(names.get(c));
            channels.i32(ExrPixelType.FLOAT.code);
            channels.i32(0); // pLinear 0 and three reserved zero bytes
            channels.i32(1); // x sampling
            channels.i32(1); // y sampling
        }
        channels.u8(0);
        h.attribute("channels", "chlist", channels);
        h.attribute("compression", "compression", new Bytes().u8(COMPRESSION.code));
        Bytes window = new Bytes().i32(0).i32(0).i32(img.width() - 1).i32(img.height() - 1);
        h.attribute("dataWindow", "box2i", window);
        h.attribute("displayWindow", "box2i", window);
        h.attribute("lineOrder", "lineOrder", new Bytes().u8(0)); // INCREASING_Y
        h.attribute("pixelAspectRatio", "float", new Bytes().f32(1f));
        h.attribute("screenWindowCenter", "v2f", new Bytes().f32(0f).f32(0f));
        h.attribute("screenWindowWidth", "float", new Bytes().f32(1f));
        h.u8(0); // end of header
        return h.toByteArray();
    }

    private static void writeChunk(FileChannel ch, FloatImage img, int[] order, int y0, int lines, Deflater deflater)
            throws IOException {
        int width = img.width();
        int channels = img.channels();
        float[] data = img.data();
        ByteBuffer raw = ByteBuffer.allocate(lines * channels * width * 4).order(ByteOrder.LITTLE_ENDIAN);
        for (int y = y0; y < y0 + lines; y++) {
            for (int c : order) {
                int i = y * width * channels + c;
                for (int x = 0; x < width; x++, i += channels) {
                    // Raw bits: NaN payloads survive, so a round trip is bit-exact.
                    raw.putInt(Float.floatToRawIntBits(data[i]));
                }
            }
        }
        byte[] predicted = new byte[raw.capacity()];
        ExrCodec.predict(raw.array(), predicted);
        byte[] packed = ExrCodec.deflate(predicted, deflater);
        byte[] stored = packed != null ? packed : raw.array();
        ByteBuffer chunkHeader = ByteBuffer.allocate(8).order(ByteOrder.LITTLE_ENDIAN).putInt(y0).putInt(stored.length);
        AtomicFiles.writeFully(ch, chunkHeader.flip());
        AtomicFiles.writeFully(ch, ByteBuffer.wrap(stored));
    }

    /** A little-endian byte builder for header attributes. */
    private static final class Bytes extends ByteArrayOutputStream {
        Bytes u8(int v) {
            write(v);
            return this;
        }

        Bytes i32(int v) {
            write(v);
            write(v >>> 8);
            write(v >>> 16);
            write(v >>> 24);
            return this;
        }

        Bytes f32(float v) {
            return i32(Float.floatToRawIntBits(v));
        }

        Bytes cString(String s) {
            writeBytes(s.getBytes(StandardCharsets.UTF_8));
            return u8(0);
        }

        void attribute(String name, String type, Bytes value) {
            cString(name);
            cString(type);
            i32(value.size());
            writeBytes(value.toByteArray());
        }
    }
}
