package io.photonfarm.scene.io;

import java.nio.ByteBuffer;
import java.nio.ByteOrder;
import java.nio.file.Path;
import java.util.Arrays;

/**
 * The binary glTF container (GLB): a 12-byte header (magic "glTF", version 2, total length), a JSON
 * chunk, then optionally a BIN chunk, all little-endian. Chunks of unknown type are skipped, as the
 * specification asks.
 *
 * @param json the JSON chunk's bytes (UTF-8)
 * @param bin  the BIN chunk's bytes, or null when the file has none
 */
record GlbContainer(byte[] json, byte[] bin) {
    static final int MAGIC = 0x46546C67;
    static final int CHUNK_JSON = 0x4E4F534A;
    static final int CHUNK_BIN = 0x004E4942;
    private static final int HEADER = 12;
    private static final int CHUNK_HEADER = 8;

    /** Whether {@code data} starts with the GLB magic "glTF". */
    static boolean isGlb(byte[] data) {
        return data.length >= 4 && data[0] == 'g' && data[1] == 'l' && data[2] == 'T' && data[3] == 'F';
    }

    static GlbContainer parse(Path file, byte[] data) throws SceneFormatException {
        if (data.length < HEADER) {
            throw new SceneFormatException(file, "truncated GLB: " + data.length + " bytes, the header alone needs "
                    + HEADER);
        }
        ByteBuffer b = ByteBuffer.wrap(data).order(ByteOrder.LITTLE_ENDIAN);
        if (b.getInt(0) != MAGIC) {
            throw new SceneFormatException(file, "not a GLB file: the magic is not \"glTF\"");
        }
        long version = Integer.toUnsignedLong(b.getInt(4));
        if (version != 2) {
            throw new SceneFormatException(file, "GLB version " + version + " is not supported (only version 2)");
        }
        long length = Integer.toUnsignedLong(b.getInt(8));
        if (length > data.length) {
            throw new SceneFormatException(file, "truncated GLB: the header gives a length of " + length
                    + " bytes but the file has " + data.length);
        }
        if (length < data.length) {
            throw new SceneFormatException(file, "GLB header gives a length of " + length + " bytes but the file has "
                    + data.length + " (trailing data)");
        }
        byte[] json = null;
        byte[] bin = null;
        long offset = HEADER;
        for (int chunk = 0; offset < length; chunk++) {
            if (length - offset < CHUNK_HEADER) {
                throw new SceneFormatException(file, "truncated GLB: chunk " + chunk + " at byte " + offset
                        + " has no room for its 8-byte header (file length " + length + ")");
            }
            long chunkLength = Integer.toUnsignedLong(b.getInt((int) offset));
            int type = b.getInt((int) offset + 4);
            long start = offset + CHUNK_HEADER;
            // Long arithmetic: a hostile 4 GiB chunk length must not wrap around.
            if (start + chunkLength > length) {
                throw new SceneFormatException(file, "GLB chunk " + chunk + " (" + typeName(type) + ") at byte " + offset
                        + " claims " + chunkLength + " bytes, past the end of the file (" + length + " bytes)");
            }
            if (chunk == 0 && type != CHUNK_JSON) {
                throw new SceneFormatException(file, "GLB chunk 0 must be JSON, is " + typeName(type));
            }
            if (type == CHUNK_JSON) {
                if (chunk != 0) {
                    throw new SceneFormatException(file, "GLB chunk " + chunk + " is a second JSON chunk");
                }
                json = Arrays.copyOfRange(data, (int) start, (int) (start + chunkLength));
            } else if (type == CHUNK_BIN) {
                if (chunk != 1) {
                    throw new SceneFormatException(file, "GLB chunk " + chunk
                            + " is a BIN chunk; only the chunk right after the JSON chunk may be BIN");
                }
                bin = Arrays.copyOfRange(data, (int) start, (int) (start + chunkLength));
            }
            offset = start + chunkLength;
        }
        if (json == null) {
            throw new SceneFormatException(file, "truncated GLB: no JSON chunk");
        }
        return new GlbContainer(json, bin);
    }

    private static String typeName(int type) {
        if (type == CHUNK_JSON) {
            return "JSON";
        }
        if (type == CHUNK_BIN) {
            return "BIN";
        }
        return String.format("type 0x%08X", type);
    }
}
