package io.photonfarm.sensor;

import io.photonfarm.image.FloatImage;
import java.awt.image.BufferedImage;
import java.awt.image.DataBufferByte;
import java.awt.image.DataBufferUShort;
import java.awt.image.Raster;
import java.io.ByteArrayInputStream;
import java.io.ByteArrayOutputStream;
import java.io.IOException;
import java.io.UncheckedIOException;
import java.util.Iterator;
import javax.imageio.IIOImage;
import javax.imageio.ImageIO;
import javax.imageio.ImageWriteParam;
import javax.imageio.ImageTypeSpecifier;
import javax.imageio.ImageWriter;
import javax.imageio.metadata.IIOMetadata;
import javax.imageio.metadata.IIOMetadataNode;
import javax.imageio.stream.MemoryCacheImageOutputStream;

/**
 * Encodes display images (8-bit PNG or baseline JPEG at a quality, grey or RGB) and raw mosaics
 * (16-bit grey PNG) in memory through javax.imageio. Streams are memory-cached, never ImageIO's
 * global disk cache, so concurrent frames share nothing.
 */
final class ImageCodec {
    static final String PNG_NAME = "rgb.png";
    static final String JPEG_NAME = "rgb.jpg";
    static final String RAW_NAME = "raw.png";

    /**
     * PNG compression quality: near the fastest deflate level. Noisy camera images barely compress
     * further, and frames are written all the time (measured: about 40% less time, sizes within 10%).
     */
    private static final float PNG_FAST_DEFLATE = 0.9f;

    private ImageCodec() {
    }

    /** Rounds display values in [0, 1] to 8-bit codes (NaN as 0). */
    static byte[] quantise(FloatImage display) {
        float[] d = display.data();
        byte[] codes = new byte[d.length];
        int rowLength = display.width() * display.channels();
        Rows.forEach(display.height(), y -> {
            for (int i = y * rowLength, end = i + rowLength; i < end; i++) {
                float v = d[i];
                codes[i] = (byte) (v > 0 ? (int) Math.floor(Math.min(v, 1f) * 255.0 + 0.5) : 0);
            }
        });
        return codes;
    }

    /** 8-bit codes back to display values: code / 255. */
    static FloatImage fromCodes(byte[] codes, int width, int height, int channels) {
        float[] d = new float[codes.length];
        for (int i = 0; i < codes.length; i++) {
            d[i] = (codes[i] & 0xff) / 255f;
        }
        return new FloatImage(width, height, channels, d);
    }

    /**
     * Encodes 8-bit codes (1 channel grey or 3 RGB, interleaved).
     *
     * @param jpegQuality 1..100 for JPEG, or null for PNG
     * @param gamma       the transfer the codes carry, for a PNG's colour chunks: 0 for sRGB, else the power law's exponent
     */
    static EncodedImage encode(byte[] codes, int width, int height, int channels, Integer jpegQuality, double gamma) {
        BufferedImage img = new BufferedImage(width, height, channels == 1 ? BufferedImage.TYPE_BYTE_GRAY : BufferedImage.TYPE_3BYTE_BGR);
        byte[] target = ((DataBufferByte) img.getRaster().getDataBuffer()).getData();
        if (channels == 1) {
            System.arraycopy(codes, 0, target, 0, codes.length);
        } else {
            for (int i = 0; i < codes.length; i += 3) {
                target[i] = codes[i + 2];
                target[i + 1] = codes[i + 1];
                target[i + 2] = codes[i];
            }
        }
        if (jpegQuality == null) {
            return new EncodedImage(PNG_NAME, write(img, "png", PNG_FAST_DEFLATE, gamma));
        }
        return new EncodedImage(JPEG_NAME, write(img, "jpeg", jpegQuality / 100f, -1));
    }

    /** Decodes an 8-bit image (as {@link #encode} writes them) into display values. */
    static FloatImage decode(byte[] bytes, int channels) {
        try {
            BufferedImage img = ImageIO.read(new ByteArrayInputStream(bytes));
            if (img == null) {
                throw new IllegalStateException("no image reader for the encoded image");
            }
            Raster r = img.getRaster();
            if (r.getNumBands() != channels) {
                throw new IllegalStateException("decoded " + r.getNumBands() + " channels, expected " + channels);
            }
            int[] samples = r.getPixels(0, 0, img.getWidth(), img.getHeight(), (int[]) null);
            float[] d = new float[samples.length];
            for (int i = 0; i < samples.length; i++) {
                d[i] = samples[i] / 255f;
            }
            return new FloatImage(img.getWidth(), img.getHeight(), channels, d);
        } catch (IOException e) {
            throw new UncheckedIOException("decoding the encoded image", e);
        }
    }

    /** The raw mosaic as a 16-bit grey PNG, values as they are (not rescaled to 16 bits). */
    static EncodedImage encodeRaw(int[] raw, int width, int height) {
        BufferedImage img = new BufferedImage(width, height, BufferedImage.TYPE_USHORT_GRAY);
        short[] target = ((DataBufferUShort) img.getRaster().getDataBuffer()).getData();
        for (int i = 0; i < raw.length; i++) {
            target[i] = (short) raw[i];
        }
        return new EncodedImage(RAW_NAME, write(img, "png", PNG_FAST_DEFLATE, -1));
    }

    /** Reads a 16-bit grey PNG back into values per pixel, row-major. */
    static int[] decodeRaw(byte[] png) {
        try {
            BufferedImage img = ImageIO.read(new ByteArrayInputStream(png));
            return img.getRaster().getPixels(0, 0, img.getWidth(), img.getHeight(), (int[]) null);
        } catch (IOException e) {
            throw new UncheckedIOException("decoding a raw PNG", e);
        }
    }

    /**
     * @param quality the writer's compression quality
     * @param gamma   a PNG's transfer for its colour chunks (0 sRGB, else a power law), or negative for none (raw data)
     */
    /**
     * The PNG colour chunks for the display transfer, so viewers show the image as the camera meant
     * it: sRGB (with the gAMA chunk the PNG specification recommends beside it), or gAMA = 1/gamma.
     */
    private static IIOMetadata pngColour(ImageWriter writer, BufferedImage img, ImageWriteParam param, double gamma)
            throws IOException {
        IIOMetadata metadata = writer.getDefaultImageMetadata(ImageTypeSpecifier.createFromRenderedImage(img), param);
        String format = "javax_imageio_png_1.0";
        IIOMetadataNode root = new IIOMetadataNode(format);
        if (gamma == 0) {
            IIOMetadataNode srgb = new IIOMetadataNode("sRGB");
            srgb.setAttribute("renderingIntent", "Perceptual");
            root.appendChild(srgb);
        }
        IIOMetadataNode gama = new IIOMetadataNode("gAMA");
        gama.setAttribute("value", Long.toString(Math.round(100000 / (gamma == 0 ? 2.2 : gamma))));
        root.appendChild(gama);
        metadata.mergeTree(format, root);
        return metadata;
    }

    private static byte[] write(BufferedImage img, String format, float quality, double gamma) {
        Iterator<ImageWriter> writers = ImageIO.getImageWritersByFormatName(format);
        if (!writers.hasNext()) {
            throw new IllegalStateException("no " + format + " writer in this Java runtime");
        }
        ImageWriter writer = writers.next();
        ByteArrayOutputStream bytes = new ByteArrayOutputStream();
        try (MemoryCacheImageOutputStream out = new MemoryCacheImageOutputStream(bytes)) {
            writer.setOutput(out);
            ImageWriteParam param = writer.getDefaultWriteParam();
            param.setCompressionMode(ImageWriteParam.MODE_EXPLICIT);
            param.setCompressionQuality(quality);
            IIOMetadata metadata = gamma >= 0 ? pngColour(writer, img, param, gamma) : null;
            writer.write(null, new IIOImage(img, null, metadata), param);
        } catch (IOException e) {
            throw new UncheckedIOException("encoding " + format, e);
        } finally {
            writer.dispose();
        }
        return bytes.toByteArray();
    }
}
