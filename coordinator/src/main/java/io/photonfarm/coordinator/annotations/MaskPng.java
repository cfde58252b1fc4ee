package io.photonfarm.coordinator.annotations;

import java.nio.charset.StandardCharsets;
import java.util.Arrays;
import java.util.zip.CRC32;

/**
 * Encodes a mask as an 8-bit greyscale PNG, 255 where set and 0 elsewhere (BOP's mask files), in
 * time proportional to the mask's bounds rather than the image: a binary mask is runs of two byte
 * values, so the image data (rows of filter type 0 and samples) is written as one deflate block
 * where each run is a literal followed by copies at distance 1 (zlib's run-length strategy), and
 * the zlib Adler-32 checksum is summed run by run. Rows outside the bounds are background, one run
 * for all of them. The block's Huffman code is fixed for all masks and made for runs: the longest
 * copy (258 bytes) and its distance take one bit each, the two literals three, other lengths and the
 * end of block six or seven. Any PNG decoder reads the result.
 */
final class MaskPng {
    private static final byte[] SIGNATURE = {(byte) 0x89, 'P', 'N', 'G', '\r', '\n', 0x1a, '\n'};
    private static final int ADLER_MOD = 65521;
    /** Length symbols 257..285: base length and extra bits (RFC 1951, 3.2.5). */
    private static final int[] LENGTH_BASE = {3, 4, 5, 6, 7, 8, 9, 10, 11, 13, 15, 17, 19, 23, 27, 31, 35, 43, 51, 59,
        67, 83, 99, 115, 131, 163, 195, 227, 258};
    private static final int[] LENGTH_EXTRA = {0, 0, 0, 0, 0, 0, 0, 0, 1, 1, 1, 1, 2, 2, 2, 2, 3, 3, 3, 3, 4, 4, 4, 4,
        5, 5, 5, 5, 0};
    /** For each length 0..258, the index into {@link #LENGTH_BASE} of its symbol. */
    private static final int[] LENGTH_INDEX = new int[259];

    /** Code lengths of the literal/length alphabet 0..285 (a complete prefix code: Kraft sum 1). */
    private static final int[] LITLEN_LENGTHS = new int[286];
    private static final int[] LITLEN_CODES;
    /** The code length alphabet's symbols in the order their lengths are sent (RFC 1951, 3.2.7). */
    private static final int[] CLEN_ORDER = {16, 17, 18, 0, 8, 7, 9, 6, 10, 5, 11, 4, 12, 3, 13, 2, 14, 1, 15};
    /** Code lengths of the code length symbols used to send {@link #LITLEN_LENGTHS}: 1, 3, 6, 7, 16, 18. */
    private static final int[] CLEN_LENGTHS = new int[19];
    private static final int[] CLEN_CODES;

    static {
        for (int i = 0; i < LENGTH_BASE.length; i++) {
            int end = i + 1 < LENGTH_BASE.length ? LENGTH_BASE[i + 1] : 259;
            for (int len = LENGTH_BASE[i]; len < end; len++) {
                LENGTH_INDEX[len] = i;
            }
        }
        LENGTH_INDEX[258] = LENGTH_BASE.length - 1; // 258 has its own symbol, 285
        LITLEN_LENGTHS[285] = 1; // copy 258: 1/2
        LITLEN_LENGTHS[0] = 3; // literal 0: 1/8
        LITLEN_LENGTHS[255] = 3; // literal 255: 1/8
        LITLEN_LENGTHS[256] = 7; // end of block and lengths 10..257: 26 x 1/128
        for (int sym = 257; sym < 285; sym++) {
            LITLEN_LENGTHS[sym] = sym < 260 ? 6 : 7; // lengths 3, 4, 5: 3 x 2/128
        }
        LITLEN_CODES = canonical(LITLEN_LENGTHS);
        CLEN_LENGTHS[7] = 2;
        CLEN_LENGTHS[16] = 2;
        CLEN_LENGTHS[1] = 3;
        CLEN_LENGTHS[3] = 3;
        CLEN_LENGTHS[6] = 3;
        CLEN_LENGTHS[18] = 3;
        CLEN_CODES = canonical(CLEN_LENGTHS);
    }

    /** The canonical Huffman codes of the given code lengths (RFC 1951, 3.2.2); 0 length = unused. */
    static int[] canonical(int[] lengths) {
        int[] count = new int[16];
        for (int l : lengths) {
            count[l]++;
        }
        count[0] = 0;
        int[] next = new int[16];
        int code = 0;
        for (int bits = 1; bits < 16; bits++) {
            code = (code + count[bits - 1]) << 1;
            next[bits] = code;
        }
        int[] codes = new int[lengths.length];
        for (int sym = 0; sym < lengths.length; sym++) {
            if (lengths[sym] != 0) {
                codes[sym] = next[lengths[sym]]++;
            }
        }
        return codes;
    }

    private MaskPng() {
    }

    static byte[] encode(Mask m) {
        int w = m.imageWidth();
        int h = m.imageHeight();
        Runs runs = new Runs();
        long rowBytes = w + 1L; // the filter type byte (0, None) then w samples
        runs.add(0, m.y0() * rowBytes);
        for (int y = m.y0(); y < m.y1(); y++) {
            runs.add(0, 1L + m.x0());
            for (int x = m.x0(); x < m.x1(); x++) {
                runs.add(m.get(x, y) ? 0xff : 0, 1);
            }
            runs.add(0, (long) w - m.x1());
        }
        runs.add(0, (h - Math.max(m.y0(), m.y1())) * rowBytes);
        byte[] zlib = runs.finish();

        Sink png = new Sink(zlib.length + 64);
        png.put(SIGNATURE, 0, SIGNATURE.length);
        byte[] ihdr = new byte[13];
        putInt(ihdr, 0, w);
        putInt(ihdr, 4, h);
        ihdr[8] = 8; // bit depth
        ihdr[9] = 0; // colour type greyscale; compression, filter and interlace methods 0
        chunk(png, "IHDR", ihdr, ihdr.length);
        chunk(png, "IDAT", zlib, zlib.length);
        chunk(png, "IEND", new byte[0], 0);
        return Arrays.copyOf(png.bytes, png.size);
    }

    /** A zlib stream of runs of byte values: one final block with the code above, and the Adler-32 of the data. */
    private static final class Runs {
        private final Sink out = new Sink(1024);
        private long bitBuffer;
        private int bitCount;
        private int value = -1;
        private long length;
        private long adlerA = 1;
        private long adlerB;

        Runs() {
            out.put(new byte[] {0x78, 0x01}, 0, 2); // deflate, 32 KiB window, fastest; header check ok
            bits(1, 1); // BFINAL
            bits(2, 2); // BTYPE 10: dynamic Huffman codes
            bits(286 - 257, 5); // HLIT: literal/length codes 0..285
            bits(0, 5); // HDIST: one distance code, 0 (distance 1), sent with one bit
            bits(18 - 4, 4); // HCLEN: code length code lengths up to symbol 1 in the sending order
            for (int i = 0; i < 18; i++) {
                bits(CLEN_LENGTHS[CLEN_ORDER[i]], 3);
            }
            // The 286 literal/length code lengths then the distance code's, as code length symbols.
            clen(3); // literal 0
            clen(18);
            bits(138 - 11, 7); // zeros for literals 1..138
            clen(18);
            bits(116 - 11, 7); // zeros for literals 139..254
            clen(3); // literal 255
            clen(7); // end of block
            clen(6); // lengths 3, 4, 5
            clen(6);
            clen(6);
            clen(7); // symbols 260..284: 7, then 24 more 7s
            for (int i = 0; i < 4; i++) {
                clen(16);
                bits(6 - 3, 2);
            }
            clen(1); // symbol 285
            clen(1); // distance code 0
        }

        private void clen(int symbol) {
            code(CLEN_CODES[symbol], CLEN_LENGTHS[symbol]);
        }

        private void symbol(int sym) {
            code(LITLEN_CODES[sym], LITLEN_LENGTHS[sym]);
        }

        void add(int v, long count) {
            if (count <= 0) {
                return;
            }
            if (v == value) {
                length += count;
            } else {
                flush();
                value = v;
                length = count;
            }
        }

        byte[] finish() {
            flush();
            symbol(256); // end of block
            if (bitCount > 0) {
                bits(0, 8 - bitCount);
            }
            long adler = adlerB << 16 | adlerA;
            out.put(new byte[] {(byte) (adler >>> 24), (byte) (adler >>> 16), (byte) (adler >>> 8), (byte) adler}, 0, 4);
            return Arrays.copyOf(out.bytes, out.size);
        }

        private void flush() {
            if (value < 0 || length == 0) {
                return;
            }
            // Adler-32 of `length` bytes of `value`: a gains value each byte, b gains a after each byte.
            long n = length % ADLER_MOD;
            long tri = (length % (2L * ADLER_MOD)) * ((length + 1) % (2L * ADLER_MOD)) / 2 % ADLER_MOD;
            adlerB = (adlerB + n * adlerA + value * tri) % ADLER_MOD;
            adlerA = (adlerA + n * value) % ADLER_MOD;
            literal(value);
            long rest = length - 1;
            while (rest >= 3) {
                int len = (int) Math.min(258, rest);
                if (rest - len == 1 || rest - len == 2) {
                    len = (int) rest - 3; // leave 3, a copy of its own (len stays >= 3: rest > 258 here)
                }
                copy(len);
                rest -= len;
            }
            for (; rest > 0; rest--) {
                literal(value);
            }
        }

        private void literal(int v) {
            symbol(v); // 0 or 255: the only literals the code has
        }

        /** A copy of {@code len} (3..258) bytes from distance 1. */
        private void copy(int len) {
            int i = LENGTH_INDEX[len];
            symbol(257 + i);
            bits(len - LENGTH_BASE[i], LENGTH_EXTRA[i]);
            code(0, 1); // distance code 0 (distance 1), the only one: one bit
        }

        /** A Huffman code, most significant bit first. */
        private void code(int code, int len) {
            bits(Integer.reverse(code) >>> (32 - len), len);
        }

        /** Bits least significant first, as deflate packs them. */
        private void bits(int v, int n) {
            bitBuffer |= (long) v << bitCount;
            bitCount += n;
            while (bitCount >= 8) {
                out.put((byte) bitBuffer);
                bitBuffer >>>= 8;
                bitCount -= 8;
            }
        }
    }

    private static void chunk(Sink out, String type, byte[] data, int len) {
        byte[] head = new byte[8];
        putInt(head, 0, len);
        byte[] t = type.getBytes(StandardCharsets.US_ASCII);
        System.arraycopy(t, 0, head, 4, 4);
        out.put(head, 0, 8);
        out.put(data, 0, len);
        CRC32 crc = new CRC32();
        crc.update(t);
        crc.update(data, 0, len);
        byte[] c = new byte[4];
        putInt(c, 0, (int) crc.getValue());
        out.put(c, 0, 4);
    }

    private static void putInt(byte[] b, int off, int v) {
        b[off] = (byte) (v >>> 24);
        b[off + 1] = (byte) (v >>> 16);
        b[off + 2] = (byte) (v >>> 8);
        b[off + 3] = (byte) v;
    }

    /** A growable byte buffer. */
    private static final class Sink {
        byte[] bytes;
        int size;

        Sink(int capacity) {
            bytes = new byte[capacity];
        }

        void put(byte b) {
            if (size == bytes.length) {
                bytes = Arrays.copyOf(bytes, bytes.length * 2);
            }
            bytes[size++] = b;
        }

        void put(byte[] b, int off, int len) {
            if (size + len > bytes.length) {
                bytes = Arrays.copyOf(bytes, Math.max(bytes.length * 2, size + len));
            }
            System.arraycopy(b, off, bytes, size, len);
            size += len;
        }
    }
}
