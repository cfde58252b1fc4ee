package io.photonfarm.image;

import io.photonfarm.scene.io.SceneFormatException;
import java.io.IOException;
import java.nio.ByteBuffer;
import java.nio.ByteOrder;
import java.nio.charset.StandardCharsets;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.Arrays;
import java.util.HashSet;
import java.util.List;
import java.util.Set;

/**
 * Parses the magic number, version field and header of a single-part scan line OpenEXR file
 * (layout as in "OpenEXR File Layout", openexr.com) and refuses what the reader cannot decode:
 * tiled, deep and multi-part files, subsampled channels and lossy or wavelet compression.
 */
final class ExrHeaderReader {
    static final int MAGIC = 20000630;
    static final int FLAG_TILED = 0x200;
    static final int FLAG_LONG_NAMES = 0x400;
    static final int FLAG_DEEP = 0x800;
    static final int FLAG_MULTIPART = 0x1000;
    /** Longest attribute or channel name with the long-names flag; shorter files are accepted too. */
    static final int MAX_NAME_BYTES = 255;
    /** Largest attribute value read into memory: a channel list of the most channels with the longest names. */
    static final int MAX_PARSED_ATTRIBUTE_BYTES = ImageLimits.MAX_CHANNELS * (MAX_NAME_BYTES + 1 + 16) + 1;

    private ExrHeaderReader() {
    }

    /** Reads from byte 0 up to and including the header's terminating NUL. */
    static ExrHeader read(Path file, LittleEndianInput in) throws IOException {
        int magic = in.i32("magic number");
        if (magic != MAGIC) {
            throw new SceneFormatException(file, "not an OpenEXR file (wrong magic number 0x"
                    + Integer.toHexString(magic) + ")");
        }
        int version = in.i32("version field");
        if ((version & 0xff) != 2) {
            throw new SceneFormatException(file, "OpenEXR format version " + (version & 0xff) + " is unsupported (expected 2)");
        }
        if ((version & FLAG_MULTIPART) != 0) {
            throw new SceneFormatException(file, "multi-part OpenEXR files are unsupported; save a single-part scan line file");
        }
        if ((version & FLAG_DEEP) != 0) {
            throw new SceneFormatException(file, "deep OpenEXR data is unsupported; save a flat scan line file");
        }
        if ((version & FLAG_TILED) != 0) {
            throw new SceneFormatException(file, "tiled OpenEXR files are unsupported; save it as scan lines");
        }
        List<ExrChannel> channels = null;
        ExrCompression compression = null;
        int[] dataWindow = null;
        while (true) {
            String name = in.cString(MAX_NAME_BYTES, "attribute name");
            if (name.isEmpty()) {
                break;
            }
            String type = in.cString(MAX_NAME_BYTES, "type of attribute '" + name + "'");
            int size = in.i32("size of attribute '" + name + "'");
            if (size < 0 || size > in.remaining()) {
                throw new SceneFormatException(file, "truncated or corrupt header: attribute '" + name + "' claims "
                        + size + " bytes at byte " + in.position() + ", " + in.remaining() + " remain");
            }
            boolean parsed = switch (name) {
                case "channels", "compression", "dataWindow", "type" -> true;
                default -> false;
            };
            if (parsed && size > MAX_PARSED_ATTRIBUTE_BYTES) {
                throw new SceneFormatException(file, "attribute '" + name + "' claims " + size + " bytes, over the "
                        + MAX_PARSED_ATTRIBUTE_BYTES + "-byte limit");
            }
            switch (name) {
                case "channels" -> channels = channelList(file, expect(file, name, type, "chlist", in.bytes(size, name)));
                case "compression" -> compression = compression(file, expect(file, name, type, "compression",
                        sized(file, name, 1, in.bytes(size, name))));
                case "dataWindow" -> dataWindow = box2i(expect(file, name, type, "box2i", sized(file, name, 16, in.bytes(size, name))));
                case "type" -> partType(file, in.bytes(size, name));
                default -> in.skip(size, "attribute '" + name + "'");
            }
        }
        if (channels == null || compression == null || dataWindow == null) {
            throw new SceneFormatException(file, "header has no '" + (channels == null ? "channels"
                    : compression == null ? "compression" : "dataWindow") + "' attribute");
        }
        long width = (long) dataWindow[2] - dataWindow[0] + 1;
        long height = (long) dataWindow[3] - dataWindow[1] + 1;
        if (width < 1 || height < 1) {
            throw new SceneFormatException(file, "data window " + Arrays.toString(dataWindow) + " is empty or inverted");
        }
        ImageLimits.checkSize(file, width, height);
        return new ExrHeader(channels, compression, dataWindow[0], dataWindow[1], (int) width, (int) height);
    }

    private static byte[] expect(Path file, String name, String type, String expected, byte[] value)
            throws SceneFormatException {
        if (!type.equals(expected)) {
            throw new SceneFormatException(file, "attribute '" + name + "' has type '" + type + "', expected '"
                    + expected + "'");
        }
        return value;
    }

    private static byte[] sized(Path file, String name, int expected, byte[] value) throws SceneFormatException {
        if (value.length != expected) {
            throw new SceneFormatException(file, "attribute '" + name + "' is " + value.length + " bytes, expected "
                    + expected);
        }
        return value;
    }

    private static ExrCompression compression(Path file, byte[] value) throws SceneFormatException {
        int code = value[0] & 0xff;
        ExrCompression c = ExrCompression.of(code);
        if (c == null) {
            throw new SceneFormatException(file, "unknown compression code " + code);
        }
        if (!c.supported()) {
            throw new SceneFormatException(file, c + " compression is unsupported (supported: NONE, RLE, ZIPS, ZIP)");
        }
        return c;
    }

    private static int[] box2i(byte[] value) {
        ByteBuffer b = ByteBuffer.wrap(value).order(ByteOrder.LITTLE_ENDIAN);
        return new int[] {b.getInt(), b.getInt(), b.getInt(), b.getInt()};
    }

    private static void partType(Path file, byte[] value) throws SceneFormatException {
        String type = new String(value, StandardCharsets.UTF_8);
        if (!type.equals("scanlineimage")) {
            throw new SceneFormatException(file, "OpenEXR part type '" + type + "' is unsupported (only scanlineimage)");
        }
    }

    /** Parses a {@code chlist} value and returns its channels sorted by name, the order of the pixel data. */
    private static List<ExrChannel> channelList(Path file, byte[] value) throws SceneFormatException {
        ByteBuffer b = ByteBuffer.wrap(value).order(ByteOrder.LITTLE_ENDIAN);
        List<ExrChannel> channels = new ArrayList<>();
        Set<String> seen = new HashSet<>();
        while (true) {
            String name = channelName(file, b);
            if (name.isEmpty()) {
                break;
            }
            if (b.remaining() < 16) {
                throw new SceneFormatException(file, "channel list is truncated in channel '" + name + "'");
            }
            int typeCode = b.getInt();
            b.position(b.position() + 4); // pLinear and three reserved bytes: no effect on decoding
            int xSampling = b.getInt();
            int ySampling = b.getInt();
            ExrPixelType type = ExrPixelType.of(typeCode);
            if (type == null) {
                throw new SceneFormatException(file, "channel '" + name + "' has unknown pixel type " + typeCode);
            }
            if (xSampling != 1 || ySampling != 1) {
                throw new SceneFormatException(file, "channel '" + name + "' is subsampled (x sampling " + xSampling
                        + ", y sampling " + ySampling + "); only sampling 1 is supported");
            }
            if (!seen.add(name)) {
                throw new SceneFormatException(file, "channel '" + name + "' is listed twice");
            }
            if (channels.size() == ImageLimits.MAX_CHANNELS) {
                throw new SceneFormatException(file, "more than " + ImageLimits.MAX_CHANNELS + " channels (channel limit)");
            }
            channels.add(new ExrChannel(name, type));
        }
        if (channels.isEmpty()) {
            throw new SceneFormatException(file, "channel list is empty");
        }
        // The pixel data is in name order whatever order the list was written in (the library keeps
        // channels in a sorted map), so decode in that order.
        channels.sort((x, y) -> ExrNames.compare(x.name(), y.name()));
        return channels;
    }

    private static String channelName(Path file, ByteBuffer b) throws SceneFormatException {
        int start = b.position();
        while (b.hasRemaining()) {
            if (b.get() == 0) {
                int length = b.position() - 1 - start;
                if (length > MAX_NAME_BYTES) {
                    break;
                }
                return new String(b.array(), start, length, StandardCharsets.UTF_8);
            }
        }
        throw new SceneFormatException(file, "channel list has a name that is unterminated or longer than "
                + MAX_NAME_BYTES + " bytes");
    }
}
