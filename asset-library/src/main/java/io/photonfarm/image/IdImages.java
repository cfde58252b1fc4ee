package io.photonfarm.image;

import java.awt.image.BufferedImage;
import java.awt.image.DataBufferUShort;
import java.io.IOException;
import java.io.OutputStream;
import java.nio.ByteBuffer;
import java.nio.ByteOrder;
import java.nio.channels.Channels;
import java.nio.charset.StandardCharsets;
import java.nio.file.Path;
import java.util.Iterator;
import javax.imageio.IIOImage;
import javax.imageio.ImageIO;
import javax.imageio.ImageWriter;
import javax.imageio.stream.ImageOutputStream;
import javax.imageio.stream.MemoryCacheImageOutputStream;

/**
 * Lossless integer images for id passes: 16-bit grey PNG, and NumPy {@code .npy}
 * (version 1.0, little-endian) for values a PNG cannot hold. Values are written as they are, never
 * scaled. Every file is written atomically.
 */
public final class IdImages {
    /** The largest value a 16-bit PNG holds. */
    public static final int MAX_PNG16 = 0xFFFF;

    private IdImages() {
    }

    /**
     * A 16-bit greyscale PNG of {@code values} (row-major, width * height, each 0..65535).
     *
     * @throws IllegalArgumentException if a value is out of range (naming the first such pixel)
     */
    public static void writePng16(int width, int height, int[] values, Path out) throws IOException {
        checkSize(width, height, values);
        BufferedImage bi = new BufferedImage(width, height, BufferedImage.TYPE_USHORT_GRAY);
        short[] data = ((DataBufferUShort) bi.getRaster().getDataBuffer()).getData();
        for (int i = 0; i < values.length; i++) {
            int v = values[i];
            if (v < 0 || v > MAX_PNG16) {
                throw new IllegalArgumentException("writing " + out + ": value " + v + " at pixel (" + i % width + ", "
                        + i / width + ") outside 0.." + MAX_PNG16 + "; write .npy instead");
            }
            data[i] = (short) v;
        }
        writePng(bi, out);
    }

    /** A {@code .npy} array of shape (height, width) and dtype {@code <u4} (unsigned 32-bit). */
    public static void writeNpyUint32(int width, int height, int[] values, Path out) throws IOException {
        checkSize(width, height, values);
        byte[] header = npyHeader("<u4", height, width);
        ByteBuffer body = ByteBuffer.allocate(values.length * 4).order(ByteOrder.LITTLE_ENDIAN);
        body.asIntBuffer().put(values);
        AtomicFiles.write(out, ch -> {
            AtomicFiles.writeFully(ch, ByteBuffer.wrap(header));
            AtomicFiles.writeFully(ch, body);
        });
    }

    /** Reads a 16-bit (or 8-bit) greyscale PNG back as values, row-major. */
    public static int[] readGreyPng(Path in) throws IOException {
        BufferedImage bi = ImageIO.read(in.toFile());
        if (bi == null) {
            throw new IOException(in + " is not an image ImageIO can read");
        }
        int[] out = new int[bi.getWidth() * bi.getHeight()];
        bi.getRaster().getSamples(0, 0, bi.getWidth(), bi.getHeight(), 0, out);
        return out;
    }

    /** The header of a version 1.0 .npy file, padded so the data starts at a multiple of 64 bytes. */
    static byte[] npyHeader(String dtype, int rows, int cols) {
        String dict = "{'descr': '" + dtype + "', 'fortran_order': False, 'shape': (" + rows + ", " + cols + "), }";
        int unpadded = 10 + dict.length() + 1;
        int total = (unpadded + 63) / 64 * 64;
        StringBuilder sb = new StringBuilder(dict);
        while (10 + sb.length() + 1 < total) {
            sb.append(' ');
        }
        sb.append('\n');
        byte[] text = sb.toString().getBytes(StandardCharsets.US_ASCII);
        ByteBuffer b = ByteBuffer.allocate(10 + text.length).order(ByteOrder.LITTLE_ENDIAN);
        b.put((byte) 0x93).put("NUMPY".getBytes(StandardCharsets.US_ASCII)).put((byte) 1).put((byte) 0);
        b.putShort((short) text.length).put(text);
        return b.array();
    }

    private static void checkSize(int width, int height, int[] values) {
        if (width < 1 || height < 1 || values.length != (long) width * height) {
            throw new IllegalArgumentException(values.length + " values for a " + width + "x" + height + " image");
        }
    }

    private static void writePng(BufferedImage bi, Path out) throws IOException {
        Iterator<ImageWriter> writers = ImageIO.getImageWritersByFormatName("png");
        if (!writers.hasNext()) {
            throw new IOException("no PNG encoder available in this Java runtime (writing " + out + ")");
        }
        ImageWriter writer = writers.next();
        try {
            AtomicFiles.write(out, ch -> {
                OutputStream os = Channels.newOutputStream(ch);
                try (ImageOutputStream ios = new MemoryCacheImageOutputStream(os)) {
                    writer.setOutput(ios);
                    writer.write(new IIOImage(bi, null, null));
                }
            });
        } finally {
            writer.dispose();
        }
    }
}
