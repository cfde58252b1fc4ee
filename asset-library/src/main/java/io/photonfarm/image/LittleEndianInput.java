package io.photonfarm.image;

import io.photonfarm.scene.io.SceneFormatException;
import java.io.ByteArrayOutputStream;
import java.io.EOFException;
import java.io.IOException;
import java.io.InputStream;
import java.nio.charset.StandardCharsets;
import java.nio.file.Path;

/**
 * Sequential little-endian reads from the start of a file of known length. Every read checks the
 * bytes it needs against what is left of the file first, so a size field read from the file is
 * never trusted to allocate or skip past the end; running short throws a
 * {@link SceneFormatException} that names the file, the field and the byte position.
 */
final class LittleEndianInput {
    private final Path file;
    private final InputStream in;
    private final long length;
    private long position;

    /**
     * @param in     positioned at byte 0 of {@code file}; not closed here
     * @param length the file's length in bytes
     */
    LittleEndianInput(Path file, InputStream in, long length) {
        this.file = file;
        this.in = in;
        this.length = length;
    }

    /** Bytes consumed so far, which is the file offset of the next read. */
    long position() {
        return position;
    }

    long remaining() {
        return length - position;
    }

    int u8(String what) throws IOException {
        need(1, what);
        int b = in.read();
        if (b < 0) {
            throw shrunk(what);
        }
        position++;
        return b;
    }

    int i32(String what) throws IOException {
        byte[] b = bytes(4, what);
        return (b[0] & 0xff) | (b[1] & 0xff) << 8 | (b[2] & 0xff) << 16 | (b[3] & 0xff) << 24;
    }

    long i64(String what) throws IOException {
        byte[] b = bytes(8, what);
        long v = 0;
        for (int i = 7; i >= 0; i--) {
            v = v << 8 | (b[i] & 0xff);
        }
        return v;
    }

    byte[] bytes(int n, String what) throws IOException {
        need(n, what);
        byte[] b = in.readNBytes(n);
        if (b.length != n) {
            throw shrunk(what);
        }
        position += n;
        return b;
    }

    void skip(long n, String what) throws IOException {
        need(n, what);
        try {
            in.skipNBytes(n);
        } catch (EOFException e) {
            throw shrunk(what);
        }
        position += n;
    }

    /** A NUL-terminated string of at most {@code maxBytes} bytes before the NUL, decoded as UTF-8. */
    String cString(int maxBytes, String what) throws IOException {
        ByteArrayOutputStream s = new ByteArrayOutputStream();
        for (int b = u8(what); b != 0; b = u8(what)) {
            if (s.size() == maxBytes) {
                throw new SceneFormatException(file, what + " at byte " + position + " is longer than " + maxBytes
                        + " bytes or not terminated");
            }
            s.write(b);
        }
        return s.toString(StandardCharsets.UTF_8);
    }

    private void need(long n, String what) throws SceneFormatException {
        if (n < 0 || n > length - position) {
            throw new SceneFormatException(file, "truncated: " + what + " needs " + n + " bytes at byte " + position
                    + ", but the file ends at byte " + length);
        }
    }

    private SceneFormatException shrunk(String what) {
        return new SceneFormatException(file, "truncated: the file ended while reading " + what + " at byte "
                + position + " (was it changed while being read?)");
    }
}
