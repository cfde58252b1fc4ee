package io.photonfarm.image;

import io.photonfarm.scene.io.SceneFormatException;
import java.io.BufferedInputStream;
import java.io.IOException;
import java.nio.ByteBuffer;
import java.nio.ByteOrder;
import java.nio.channels.Channels;
import java.nio.channels.FileChannel;
import java.nio.file.Path;
import java.nio.file.StandardOpenOption;
import java.util.Collection;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Set;

/**
 * Reads single-part scan line OpenEXR files with NONE, RLE, ZIPS or ZIP compression and HALF,
 * FLOAT or UINT channels. Nothing is allocated from a size in the file before it has been checked:
 * the header against {@link ImageLimits}, every line offset against the file's length, and every
 * chunk's declared size against the bytes its scan lines need and the most its compression method
 * can expand. Only the chunk being decoded is held in memory besides the output planes.
 */
final class ExrReader {
    /** Largest uncompressed chunk (16 scan lines of every channel) decoded at once. */
    static final long MAX_CHUNK_BYTES = 1L << 28;

    private ExrReader() {
    }

    /** Picks the channels to decode once the header is known; the others are skipped, never allocated. */
    @FunctionalInterface
    interface ChannelChoice {
        /**
         * @param available the file's channel names in file order
         * @return the names to decode, a subset of {@code available}
         * @throws SceneFormatException when the file lacks what the caller needs
         */
        Collection<String> choose(List<String> available) throws SceneFormatException;
    }

    static ExrImage read(Path file, ChannelChoice choice) throws IOException {
        ImageLimits.regularFileSize(file);
        try (FileChannel ch = FileChannel.open(file, StandardOpenOption.READ)) {
            long length = ch.size();
            if (length == 0) {
                throw new SceneFormatException(file, "empty file, not an OpenEXR image");
            }
            // Sequential reads through a stream for the header and offset table; chunks are then read
            // at their offsets, which does not move the stream's position.
            LittleEndianInput in = new LittleEndianInput(file,
                    new BufferedInputStream(Channels.newInputStream(ch), 1 << 16), length);
            ExrHeader header = ExrHeaderReader.read(file, in);
            long lineBytes = header.lineBytes();
            if (lineBytes * header.compression().linesPerChunk > MAX_CHUNK_BYTES) {
                throw new SceneFormatException(file, "a chunk of " + header.compression().linesPerChunk + " scan lines of "
                        + lineBytes + " bytes exceeds the " + MAX_CHUNK_BYTES + "-byte chunk limit");
            }
            long[] offsets = offsetTable(file, in, header);
            int[] sizes = chunkSizes(file, ch, header, offsets, in.position(), length);
            List<String> available = header.channels().stream().map(ExrChannel::name).toList();
            Map<String, float[]> planes = allocate(file, header, Set.copyOf(choice.choose(available)));
            float[][] byChannel = new float[header.channels().size()][];
            for (int c = 0; c < byChannel.length; c++) {
                byChannel[c] = planes.get(header.channels().get(c).name());
            }
            for (int chunk = 0; chunk < offsets.length; chunk++) {
                byte[] raw = chunkData(file, ch, header, chunk, offsets[chunk], sizes[chunk]);
                scatter(header, chunk, raw, byChannel);
            }
            return new ExrImage(header.width(), header.height(), planes);
        }
    }

    private static long[] offsetTable(Path file, LittleEndianInput in, ExrHeader header) throws IOException {
        int n = header.chunkCount();
        long[] offsets = new long[n];
        if ((long) n * 8 > in.remaining()) {
            throw new SceneFormatException(file, "truncated: the line offset table needs " + n * 8L + " bytes for "
                    + n + " chunks at byte " + in.position() + ", only " + in.remaining() + " remain");
        }
        for (int i = 0; i < n; i++) {
            offsets[i] = in.i64("line offset table");
        }
        return offsets;
    }

    /** Checks every chunk's position, y coordinate and size before anything large is allocated. */
    private static int[] chunkSizes(Path file, FileChannel ch, ExrHeader header, long[] offsets, long dataStart,
            long length) throws IOException {
        int[] sizes = new int[offsets.length];
        ByteBuffer chunkHeader = ByteBuffer.allocate(8).order(ByteOrder.LITTLE_ENDIAN);
        for (int i = 0; i < offsets.length; i++) {
            long offset = offsets[i];
            if (offset < dataStart || offset > length - 8) {
                throw new SceneFormatException(file, "bad line offset table: entry " + i + " points to byte " + offset
                        + ", outside the pixel data (bytes " + dataStart + ".." + length + ")");
            }
            chunkHeader.clear();
            readAt(file, ch, chunkHeader, offset);
            long y = chunkHeader.getInt(0);
            long expectedY = (long) header.yMin() + (long) i * header.compression().linesPerChunk;
            if (y != expectedY) {
                throw new SceneFormatException(file, "bad line offset table: chunk " + i + " at byte " + offset
                        + " is for scan line " + y + ", expected " + expectedY);
            }
            int size = chunkHeader.getInt(4);
            long raw = header.lineBytes() * header.linesIn(i);
            if (size < 0 || size > length - offset - 8) {
                throw new SceneFormatException(file, "truncated pixel data: chunk for scan line " + y + " claims "
                        + size + " bytes, " + (length - offset - 8) + " remain");
            }
            if (size > raw || (header.compression() == ExrCompression.NONE && size != raw)) {
                throw new SceneFormatException(file, "chunk for scan line " + y + " holds " + size + " bytes, but its "
                        + header.linesIn(i) + " uncompressed scan lines are " + raw + " bytes");
            }
            if (raw > (long) size * header.compression().maxExpansion) {
                throw new SceneFormatException(file, "chunk for scan line " + y + " cannot decompress " + size
                        + " bytes into " + raw + " with " + header.compression() + " (corrupt or truncated)");
            }
            sizes[i] = size;
        }
        return sizes;
    }

    private static Map<String, float[]> allocate(Path file, ExrHeader header, Set<String> wanted)
            throws SceneFormatException {
        long pixels = (long) header.width() * header.height();
        long count = header.channels().stream().filter(c -> wanted.contains(c.name())).count();
        if (count * pixels > ImageLimits.MAX_SAMPLES) {
            throw new SceneFormatException(file, count + " channels of " + header.width() + "x" + header.height()
                    + " exceed the limit of " + ImageLimits.MAX_SAMPLES + " decoded samples");
        }
        Map<String, float[]> planes = new LinkedHashMap<>();
        for (ExrChannel c : header.channels()) {
            if (wanted.contains(c.name())) {
                planes.put(c.name(), new float[(int) pixels]);
            }
        }
        return planes;
    }

    /** Reads one chunk's stored bytes and returns its uncompressed scan lines. */
    private static byte[] chunkData(Path file, FileChannel ch, ExrHeader header, int chunk, long offset, int size)
            throws IOException {
        ByteBuffer stored = ByteBuffer.allocate(size);
        readAt(file, ch, stored, offset + 8);
        byte[] packed = stored.array();
        int raw = (int) (header.lineBytes() * header.linesIn(chunk));
        if (size == raw) {
            // NONE, or a chunk the writer left uncompressed because compression did not shrink it.
            return packed;
        }
        String what = "chunk for scan line " + ((long) header.yMin() + (long) chunk * header.compression().linesPerChunk);
        byte[] predicted = new byte[raw];
        if (header.compression() == ExrCompression.RLE) {
            ExrCodec.unRle(file, packed, predicted, what);
        } else {
            ExrCodec.inflate(file, packed, predicted, what);
        }
        byte[] out = new byte[raw];
        ExrCodec.unpredict(predicted, out);
        return out;
    }

    /** Converts one chunk's scan lines (each: every channel's samples in turn) into the planes. */
    private static void scatter(ExrHeader header, int chunk, byte[] raw, float[][] byChannel) {
        ByteBuffer b = ByteBuffer.wrap(raw).order(ByteOrder.LITTLE_ENDIAN);
        int width = header.width();
        int firstRow = chunk * header.compression().linesPerChunk;
        int lines = header.linesIn(chunk);
        for (int line = 0; line < lines; line++) {
            int rowStart = (firstRow + line) * width;
            for (int c = 0; c < byChannel.length; c++) {
                ExrPixelType type = header.channels().get(c).type();
                float[] plane = byChannel[c];
                if (plane == null) {
                    b.position(b.position() + type.bytes * width);
                    continue;
                }
                for (int x = 0; x < width; x++) {
                    plane[rowStart + x] = switch (type) {
                        case HALF -> Half.toFloat(b.getShort());
                        case FLOAT -> b.getFloat();
                        case UINT -> (float) Integer.toUnsignedLong(b.getInt());
                    };
                }
            }
        }
    }

    private static void readAt(Path file, FileChannel ch, ByteBuffer buf, long position) throws IOException {
        while (buf.hasRemaining()) {
            if (ch.read(buf, position + buf.position()) < 0) {
                throw new SceneFormatException(file, "truncated: the file ended at byte " + (position + buf.position())
                        + " while reading pixel data (was it changed while being read?)");
            }
        }
    }
}
