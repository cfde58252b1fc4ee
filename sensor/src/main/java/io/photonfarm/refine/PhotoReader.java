package io.photonfarm.refine;

import io.photonfarm.image.FloatImage;
import java.awt.image.BufferedImage;
import java.awt.image.ComponentColorModel;
import java.awt.image.DataBuffer;
import java.awt.image.Raster;
import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.Iterator;
import java.util.Locale;
import javax.imageio.ImageIO;
import javax.imageio.ImageReader;
import javax.imageio.stream.ImageInputStream;

/**
 * Reads one target photograph, PNG or JPEG (8 or 16 bits, grey or colour, with or without alpha),
 * as encoded sRGB in [0, 1] with three channels. Embedded colour profiles are not applied: the
 * encoded values are taken as sRGB, which is what cameras write. Alpha is dropped (a photograph's
 * alpha carries nothing the refiners use). Sizes are checked from the header before any pixel is
 * decoded.
 */
final class PhotoReader {
    /** Largest accepted file, bytes. */
    static final long MAX_FILE_BYTES = 256L << 20;
    /** Most pixels per side. */
    static final int MAX_SIDE = 8192;
    /** Most pixels in one photo (40 megapixels). */
    static final long MAX_PIXELS = 40_000_000L;

    private PhotoReader() {
    }

    /** The photo's {width, height} from its header, after checking its file size, format and the size limits. */
    static long[] dimensions(Path file) throws IOException {
        Opened o = open(file, false);
        return new long[] {o.width(), o.height()};
    }

    /** The photo's pixels, after the checks of {@link #dimensions}. */
    static FloatImage read(Path file) throws IOException {
        return open(file, true).pixels();
    }

    /** A checked header, and the pixels when they were decoded (else null). */
    private record Opened(long width, long height, FloatImage pixels) {
    }

    /** Checks the file and its header, then decodes the pixels if {@code decode}. */
    private static Opened open(Path file, boolean decode) throws IOException {
        if (!Files.isRegularFile(file)) {
            throw new IOException("target photo " + file + (Files.exists(file) ? " is not a regular file" : " does not exist"));
        }
        long bytes = Files.size(file);
        if (bytes > MAX_FILE_BYTES) {
            throw new IllegalArgumentException("target photo " + file + " has " + bytes + " bytes; at most " + MAX_FILE_BYTES
                    + " are accepted (file size limit)");
        }
        try (ImageInputStream in = ImageIO.createImageInputStream(file.toFile())) {
            if (in == null) {
                throw new IOException("target photo " + file + " cannot be opened");
            }
            Iterator<ImageReader> readers = ImageIO.getImageReaders(in);
            if (!readers.hasNext()) {
                throw new IOException("target photo " + file + " is neither PNG nor JPEG (unrecognised content)");
            }
            ImageReader reader = readers.next();
            try {
                String format = reader.getFormatName().toLowerCase(Locale.ROOT);
                if (!format.equals("png") && !format.equals("jpeg")) {
                    throw new IOException("target photo " + file + " is " + format + "; only PNG and JPEG are accepted");
                }
                long w;
                long h;
                try {
                    reader.setInput(in, true, true);
                    w = reader.getWidth(0);
                    h = reader.getHeight(0);
                } catch (IOException | RuntimeException e) {
                    throw undecodable(file, e);
                }
                if (w > MAX_SIDE || h > MAX_SIDE || w * h > MAX_PIXELS) {
                    throw new IllegalArgumentException("target photo " + file + " is " + w + "x" + h + "; at most " + MAX_SIDE
                            + " pixels per side and " + MAX_PIXELS + " pixels in all are accepted (size limit)");
                }
                if (!decode) {
                    return new Opened(w, h, null);
                }
                BufferedImage img;
                try {
                    img = reader.read(0);
                } catch (IOException | RuntimeException e) {
                    throw undecodable(file, e);
                }
                return new Opened(w, h, toFloat(img, file));
            } finally {
                reader.dispose();
            }
        }
    }

    private static IOException undecodable(Path file, Exception e) {
        return new IOException("target photo " + file + " cannot be decoded: " + e.getMessage(), e);
    }

    private static FloatImage toFloat(BufferedImage img, Path file) throws IOException {
        int w = img.getWidth();
        int h = img.getHeight();
        float[] out = new float[w * h * 3];
        Raster raster = img.getRaster();
        int type = raster.getDataBuffer().getDataType();
        if (img.getColorModel() instanceof ComponentColorModel cm
                && (type == DataBuffer.TYPE_BYTE || type == DataBuffer.TYPE_USHORT)) {
            // The stored samples themselves: going through the colour model would linearise grey
            // PNGs (Java treats their grey as linear) and 16 bits would be cut to 8.
            int colours = cm.getNumColorComponents();
            if (colours != 1 && colours != 3) {
                throw new IOException("target photo " + file + " has " + colours + " colour components; grey or RGB expected");
            }
            float[] max = new float[colours];
            for (int b = 0; b < colours; b++) {
                max[b] = (1 << raster.getSampleModel().getSampleSize(b)) - 1;
            }
            int[] row = new int[w];
            for (int y = 0; y < h; y++) {
                for (int c = 0; c < 3; c++) {
                    int band = colours == 1 ? 0 : c;
                    raster.getSamples(0, y, w, 1, band, row);
                    for (int x = 0; x < w; x++) {
                        out[(y * w + x) * 3 + c] = row[x] / max[band];
                    }
                }
            }
        } else {
            // Palettes and packed low bit depths: 8-bit sRGB through the colour model.
            int[] argb = new int[w];
            for (int y = 0; y < h; y++) {
                img.getRGB(0, y, w, 1, argb, 0, w);
                for (int x = 0; x < w; x++) {
                    int p = argb[x];
                    out[(y * w + x) * 3] = ((p >> 16) & 0xFF) / 255f;
                    out[(y * w + x) * 3 + 1] = ((p >> 8) & 0xFF) / 255f;
                    out[(y * w + x) * 3 + 2] = (p & 0xFF) / 255f;
                }
            }
        }
        return new FloatImage(w, h, 3, out);
    }
}
