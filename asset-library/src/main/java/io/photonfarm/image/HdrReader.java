package io.photonfarm.image;

import io.photonfarm.scene.io.SceneFormatException;
import java.io.IOException;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;

/**
 * Reads Radiance RGBE (.hdr, .pic) images: a text header that starts with {@code #?RADIANCE} or
 * {@code #?RGBE} and ends with a blank line, a resolution line, then one scan line per row, each
 * either new-style run-length encoded (for widths 8..32767) or flat 4-byte RGBE pixels. The
 * orientations {@code -Y H +X W} (first scan line at the top, the standard) and {@code +Y H +X W}
 * (first scan line at the bottom) are supported. Pixels are converted with {@link Rgbe}; the
 * header's EXPOSURE is ignored, so values are the file's stored radiance.
 */
final class HdrReader {
    /** Longest text header accepted before the blank line that ends it. */
    static final int MAX_HEADER_BYTES = 1 << 16;
    /** Largest file read: a flat image of {@link ImageLimits#MAX_PIXELS} pixels plus header room. */
    static final long MAX_FILE_BYTES = 4 * ImageLimits.MAX_PIXELS + (1 << 20);
    private static final int MIN_RLE_WIDTH = 8;
    private static final int MAX_RLE_WIDTH = 0x7fff;

    private HdrReader() {
    }

    /** @return linear RGB, 3 channels, row 0 at the top */
    static FloatImage read(Path file) throws IOException {
        long size = ImageLimits.regularFileSize(file);
        if (size == 0) {
            throw new SceneFormatException(file, "empty file, not a Radiance HDR image");
        }
        if (size > MAX_FILE_BYTES) {
            throw new SceneFormatException(file, "is " + size + " bytes; at most " + MAX_FILE_BYTES
                    + " are read as a Radiance HDR image (size limit)");
        }
        byte[] b = Files.readAllBytes(file);
        Cursor in = new Cursor(file, b);
        header(file, in);
        String resolution = in.line(64, "resolution line");
        String[] f = resolution.trim().split("\\s+");
        if (f.length != 4 || !(f[0].equals("-Y") || f[0].equals("+Y")) || !f[2].equals("+X")) {
            throw new SceneFormatException(file, "resolution line '" + resolution + "' is unsupported; expected "
                    + "'-Y height +X width' (or '+Y height +X width')");
        }
        long height = parseSide(file, f[1], resolution);
        long width = parseSide(file, f[3], resolution);
        ImageLimits.checkSize(file, width, height);
        int w = (int) width;
        int h = (int) height;
        long minScanline = w >= MIN_RLE_WIDTH && w <= MAX_RLE_WIDTH ? 4 + 4 * 2 * ((w + 126) / 127) : 4L * w;
        if (minScanline * h > in.remaining()) {
            throw new SceneFormatException(file, "truncated: a " + w + "x" + h + " image needs at least "
                    + minScanline * h + " bytes of pixel data, the file has " + in.remaining());
        }
        boolean bottomUp = f[0].equals("+Y");
        float[] data = new float[w * h * 3];
        byte[] rgbe = new byte[4 * w];
        for (int line = 0; line < h; line++) {
            scanline(file, in, rgbe, w, line);
            int row = bottomUp ? h - 1 - line : line;
            for (int x = 0, o = row * w * 3; x < w; x++, o += 3) {
                int e = rgbe[4 * x + 3] & 0xff;
                data[o] = Rgbe.toFloat(rgbe[4 * x] & 0xff, e);
                data[o + 1] = Rgbe.toFloat(rgbe[4 * x + 1] & 0xff, e);
                data[o + 2] = Rgbe.toFloat(rgbe[4 * x + 2] & 0xff, e);
            }
        }
        return new FloatImage(w, h, 3, data);
    }

    private static void header(Path file, Cursor in) throws SceneFormatException {
        if (in.remaining() < 2 || in.peek(0) != '#' || in.peek(1) != '?') {
            throw new SceneFormatException(file, "not a Radiance HDR file (wrong magic: it must start with '#?')");
        }
        String first = in.line(MAX_HEADER_BYTES, "header").trim();
        if (!first.equals("#?RADIANCE") && !first.equals("#?RGBE")) {
            throw new SceneFormatException(file, "not a Radiance HDR file (first line '" + first
                    + "', expected '#?RADIANCE' or '#?RGBE')");
        }
        while (true) {
            if (in.position() > MAX_HEADER_BYTES) {
                throw new SceneFormatException(file, "header is longer than " + MAX_HEADER_BYTES
                        + " bytes (header limit; is the blank line that ends it missing?)");
            }
            String line = in.line(MAX_HEADER_BYTES, "header").trim();
            if (line.isEmpty()) {
                return;
            }
            if (line.startsWith("FORMAT=")) {
                String format = line.substring("FORMAT=".length()).trim();
                if (format.equals("32-bit_rle_xyze")) {
                    throw new SceneFormatException(file, "FORMAT=32-bit_rle_xyze (CIE XYZ colour) is unsupported; "
                            + "convert the image to 32-bit_rle_rgbe");
                }
                if (!format.equals("32-bit_rle_rgbe")) {
                    throw new SceneFormatException(file, "unknown FORMAT=" + format + " (expected 32-bit_rle_rgbe)");
                }
            }
        }
    }

    private static long parseSide(Path file, String s, String resolution) throws SceneFormatException {
        if (!s.matches("[0-9]{1,9}")) {
            throw new SceneFormatException(file, "resolution line '" + resolution + "' has a bad size '" + s + "'");
        }
        return Long.parseLong(s);
    }

    /** Decodes one scan line into {@code rgbe} (4 bytes per pixel). */
    private static void scanline(Path file, Cursor in, byte[] rgbe, int w, int line) throws SceneFormatException {
        String what = "scan line " + line; // built once: the loops below run per byte
        if (w >= MIN_RLE_WIDTH && w <= MAX_RLE_WIDTH && in.remaining() >= 4 && in.peek(0) == 2 && in.peek(1) == 2
                && (in.peek(2) & 0x80) == 0) {
            in.skip(2);
            int encodedWidth = in.u8(what) << 8 | in.u8(what);
            if (encodedWidth != w) {
                throw new SceneFormatException(file, "scan line " + line + " says it is " + encodedWidth
                        + " pixels wide, the header says " + w);
            }
            // New-style RLE: the four components one after another, each as runs (count > 128:
            // one byte repeated count - 128 times) and literals (count 1..128: that many bytes).
            for (int c = 0; c < 4; c++) {
                int x = 0;
                while (x < w) {
                    int count = in.u8(what);
                    if (count > 128) {
                        int run = count - 128;
                        byte value = (byte) in.u8(what);
                        if (run > w - x) {
                            throw badRun(file, line, w);
                        }
                        for (int i = 0; i < run; i++, x++) {
                            rgbe[4 * x + c] = value;
                        }
                    } else {
                        if (count == 0 || count > w - x) {
                            throw badRun(file, line, w);
                        }
                        in.need(count, what);
                        for (int i = 0; i < count; i++, x++) {
                            rgbe[4 * x + c] = (byte) in.u8(what);
                        }
                    }
                }
            }
            return;
        }
        in.need(4L * w, what);
        for (int x = 0; x < w; x++) {
            int r = in.u8(what);
            int g = in.u8(what);
            int b = in.u8(what);
            if (r == 1 && g == 1 && b == 1) {
                throw new SceneFormatException(file, "scan line " + line + " uses old-style run-length encoding, "
                        + "which is unsupported; re-save the image with a current tool");
            }
            rgbe[4 * x] = (byte) r;
            rgbe[4 * x + 1] = (byte) g;
            rgbe[4 * x + 2] = (byte) b;
            rgbe[4 * x + 3] = (byte) in.u8(what);
        }
    }

    private static SceneFormatException badRun(Path file, int line, int w) {
        return new SceneFormatException(file, "scan line " + line + " has a corrupt run (zero length or past its "
                + w + " pixels)");
    }

    /** Bounds-checked reads from the whole file's bytes. */
    private static final class Cursor {
        private final Path file;
        private final byte[] b;
        private int pos;

        Cursor(Path file, byte[] b) {
            this.file = file;
            this.b = b;
        }

        int position() {
            return pos;
        }

        int remaining() {
            return b.length - pos;
        }

        int peek(int i) {
            return b[pos + i] & 0xff;
        }

        void need(long n, String what) throws SceneFormatException {
            if (n > b.length - pos) {
                throw new SceneFormatException(file, "truncated: " + what + " needs " + n + " bytes at byte " + pos
                        + ", but the file ends at byte " + b.length);
            }
        }

        int u8(String what) throws SceneFormatException {
            need(1, what);
            return b[pos++] & 0xff;
        }

        void skip(int n) {
            pos += n;
        }

        /** Text up to the next newline (consumed, not returned), at most {@code max} bytes. */
        String line(int max, String what) throws SceneFormatException {
            int start = pos;
            int end = Math.min(b.length, start + max + 1);
            for (int i = start; i < end; i++) {
                if (b[i] == '\n') {
                    pos = i + 1;
                    return new String(b, start, i - start, StandardCharsets.ISO_8859_1);
                }
            }
            if (end == b.length) {
                throw new SceneFormatException(file, "truncated: the file ends inside the " + what);
            }
            throw new SceneFormatException(file, "the " + what + " has a line longer than " + max + " bytes");
        }
    }
}
