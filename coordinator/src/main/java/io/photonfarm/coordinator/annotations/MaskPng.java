package io.photonfarm.coordinator.annotations;

import java.nio.charset.StandardCharsets;
import java.util.Arrays;
import java.util.zip.CRC32;
import java.util.zip.Deflater;

/**
 * Encodes a mask as an 8-bit greyscale PNG, 255 where set and 0 elsewhere (BOP's mask files).
 * A direct encoder (no filters, fastest deflate level) because a frame has two masks per object at
 * full resolution: rows outside the mask's bounds are one shared zero row, so a 1920x1080 mask
 * costs about as much as deflating its bounds. Any PNG decoder reads the result.
 */
final class MaskPng {
    private static final byte[] SIGNATURE = {(byte) 0x89, 'P', 'N', 'G', '\r', '\n', 0x1a, '\n'};

    private MaskPng() {
    }

    static byte[] encode(Mask m) {
        int w = m.imageWidth();
        int h = m.imageHeight();
        byte[] zero = new byte[w + 1]; // filter type 0 (None) then w zero samples
        byte[] row = new byte[w + 1];
        Deflater deflater = new Deflater(Deflater.BEST_SPEED);
        Sink idat = new Sink(4096);
        try {
            for (int y = 0; y < h; y++) {
                byte[] src = zero;
                if (y >= m.y0() && y < m.y1()) {
                    for (int x = m.x0(); x < m.x1(); x++) {
                        row[1 + x] = m.get(x, y) ? (byte) 0xff : 0;
                    }
                    src = row;
                }
                deflater.setInput(src);
                while (!deflater.needsInput()) {
                    idat.deflate(deflater);
                }
            }
            deflater.finish();
            while (!deflater.finished()) {
                idat.deflate(deflater);
            }
        } finally {
            deflater.end();
        }
        Sink png = new Sink(idat.size + 64);
        png.put(SIGNATURE, 0, SIGNATURE.length);
        byte[] ihdr = new byte[13];
        putInt(ihdr, 0, w);
        putInt(ihdr, 4, h);
        ihdr[8] = 8; // bit depth
        ihdr[9] = 0; // colour type: greyscale; compression, filter and interlace methods 0
        chunk(png, "IHDR", ihdr, ihdr.length);
        chunk(png, "IDAT", idat.bytes, idat.size);
        chunk(png, "IEND", new byte[0], 0);
        return Arrays.copyOf(png.bytes, png.size);
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

        void ensure(int more) {
            if (size + more > bytes.length) {
                bytes = Arrays.copyOf(bytes, Math.max(bytes.length * 2, size + more));
            }
        }

        void put(byte[] b, int off, int len) {
            ensure(len);
            System.arraycopy(b, off, bytes, size, len);
            size += len;
        }

        void deflate(Deflater d) {
            ensure(4096);
            size += d.deflate(bytes, size, bytes.length - size);
        }
    }
}
