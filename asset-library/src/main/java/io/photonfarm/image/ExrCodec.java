package io.photonfarm.image;

import io.photonfarm.scene.io.SceneFormatException;
import java.nio.file.Path;
import java.util.Arrays;
import java.util.zip.DataFormatException;
import java.util.zip.Deflater;
import java.util.zip.Inflater;

/**
 * The byte transforms of OpenEXR's ZIP, ZIPS and RLE compression. Before the entropy stage the
 * uncompressed chunk is split into its even-indexed bytes followed by its odd-indexed bytes (so the
 * low and high bytes of the samples end up in separate runs), then every byte but the first is
 * replaced by its difference to the previous byte plus 128 (mod 256). Smooth images turn into long
 * runs of values near 128, which zlib and run-length encoding compress well.
 */
final class ExrCodec {
    private ExrCodec() {
    }

    /** Interleave split and delta predictor: {@code raw} to {@code out}, same length. */
    static void predict(byte[] raw, byte[] out) {
        int n = raw.length;
        int half = (n + 1) / 2;
        for (int i = 0; i < n; i++) {
            out[(i & 1) == 0 ? i >> 1 : half + (i >> 1)] = raw[i];
        }
        int previous = out[0];
        for (int i = 1; i < n; i++) {
            int current = out[i];
            out[i] = (byte) (current - previous + 128);
            previous = current;
        }
    }

    /** Inverse of {@link #predict}: undoes the deltas in place in {@code predicted}, then re-interleaves into {@code out}. */
    static void unpredict(byte[] predicted, byte[] out) {
        int n = predicted.length;
        for (int i = 1; i < n; i++) {
            predicted[i] = (byte) (predicted[i - 1] + predicted[i] - 128);
        }
        int half = (n + 1) / 2;
        for (int i = 0; i < n; i++) {
            out[i] = predicted[(i & 1) == 0 ? i >> 1 : half + (i >> 1)];
        }
    }

    /**
     * zlib-compresses {@code data}.
     *
     * @return the compressed bytes, or null when they would not be smaller than {@code data}, in
     *         which case the chunk is stored uncompressed as the format allows
     */
    static byte[] deflate(byte[] data, Deflater deflater) {
        deflater.reset();
        deflater.setInput(data);
        deflater.finish();
        byte[] out = new byte[data.length];
        int n = 0;
        while (!deflater.finished()) {
            if (n == out.length) {
                return null;
            }
            n += deflater.deflate(out, n, out.length - n);
        }
        if (n >= data.length) {
            return null;
        }
        return Arrays.copyOf(out, n);
    }

    /**
     * Inflates one zlib stream that must produce exactly {@code out.length} bytes.
     *
     * @param what names the chunk in messages
     */
    static void inflate(Path file, byte[] packed, byte[] out, String what) throws SceneFormatException {
        Inflater inflater = new Inflater();
        try {
            inflater.setInput(packed);
            int n = 0;
            while (n < out.length) {
                int remainingBefore = inflater.getRemaining();
                int got = inflater.inflate(out, n, out.length - n);
                n += got;
                // No output and no input consumed: the stream ended early or is stuck; never spin.
                if (got == 0 && (inflater.finished() || inflater.needsInput() || inflater.needsDictionary()
                        || inflater.getRemaining() == remainingBefore)) {
                    break;
                }
            }
            if (n < out.length) {
                throw new SceneFormatException(file, what + " decompresses to " + n + " bytes, expected "
                        + out.length + " (corrupt or truncated zlib data)");
            }
            if (!inflater.finished() && inflater.inflate(new byte[1]) > 0) {
                throw new SceneFormatException(file, what + " decompresses to more than the expected " + out.length
                        + " bytes (corrupt zlib data)");
            }
        } catch (DataFormatException e) {
            throw new SceneFormatException(file, what + " has corrupt zlib data: " + e.getMessage(), e);
        } finally {
            inflater.end();
        }
    }

    /**
     * Decodes OpenEXR run-length data, which must produce exactly {@code out.length} bytes. A signed
     * count byte c &lt; 0 is followed by -c literal bytes; c &gt;= 0 is followed by one byte repeated c + 1 times.
     */
    static void unRle(Path file, byte[] packed, byte[] out, String what) throws SceneFormatException {
        int in = 0;
        int o = 0;
        while (in < packed.length) {
            int count = packed[in++];
            if (count < 0) {
                int literal = -count;
                if (literal > packed.length - in || literal > out.length - o) {
                    throw rleOverrun(file, what, out.length);
                }
                System.arraycopy(packed, in, out, o, literal);
                in += literal;
                o += literal;
            } else {
                int run = count + 1;
                if (in == packed.length || run > out.length - o) {
                    throw rleOverrun(file, what, out.length);
                }
                Arrays.fill(out, o, o + run, packed[in++]);
                o += run;
            }
        }
        if (o != out.length) {
            throw new SceneFormatException(file, what + " run-length decodes to " + o + " bytes, expected " + out.length
                    + " (corrupt or truncated)");
        }
    }

    private static SceneFormatException rleOverrun(Path file, String what, int expected) {
        return new SceneFormatException(file, what + " has corrupt run-length data (a run leaves the data or the "
                + expected + "-byte chunk)");
    }
}
