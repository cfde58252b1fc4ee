package io.photonfarm.image;

import java.awt.image.BufferedImage;
import java.awt.image.WritableRaster;
import java.io.IOException;
import java.io.OutputStream;
import java.nio.channels.Channels;
import java.nio.file.Path;
import java.util.Iterator;
import javax.imageio.IIOImage;
import javax.imageio.ImageIO;
import javax.imageio.ImageTypeSpecifier;
import javax.imageio.ImageWriter;
import javax.imageio.metadata.IIOMetadata;
import javax.imageio.metadata.IIOMetadataNode;
import javax.imageio.stream.ImageOutputStream;
import javax.imageio.stream.MemoryCacheImageOutputStream;

/**
 * Writes linear float images as 8-bit sRGB PNGs for viewing: colour channels through the sRGB
 * transfer function ({@link Srgb#encode8}), alpha quantised linearly, as PNG defines alpha.
 */
final class SrgbPngWriter {
    private SrgbPngWriter() {
    }

    /**
     * @throws IllegalArgumentException naming the channel count unless it is 1 (grey), 3 (RGB) or 4 (RGBA)
     */
    static void write(FloatImage img, Path out) throws IOException {
        write(img, out, true);
    }

    /**
     * @param linear whether the colour channels are linear (encoded with the sRGB transfer function) or
     *               already display-referred sRGB values in [0, 1] (quantised as they are)
     */
    static void write(FloatImage img, Path out, boolean linear) throws IOException {
        int n = img.channels();
        int type = switch (n) {
            case 1 -> BufferedImage.TYPE_BYTE_GRAY;
            case 3 -> BufferedImage.TYPE_3BYTE_BGR;
            case 4 -> BufferedImage.TYPE_4BYTE_ABGR;
            default -> throw new IllegalArgumentException("an sRGB PNG needs 1, 3 or 4 channels; the image has " + n
                    + " channels");
        };
        BufferedImage bi = new BufferedImage(img.width(), img.height(), type);
        WritableRaster raster = bi.getRaster();
        float[] data = img.data();
        int[] row = new int[img.width() * n];
        for (int y = 0; y < img.height(); y++) {
            int base = y * row.length;
            for (int i = 0; i < row.length; i++) {
                // The raster's bands are R, G, B, A whatever the byte order of its storage.
                row[i] = i % n == 3 || !linear ? Srgb.linear8(data[base + i]) : Srgb.encode8(data[base + i]);
            }
            raster.setPixels(0, y, img.width(), 1, row);
        }
        Iterator<ImageWriter> writers = ImageIO.getImageWritersByFormatName("png");
        if (!writers.hasNext()) {
            throw new IOException("no PNG encoder available in this Java runtime (writing " + out + ")");
        }
        ImageWriter writer = writers.next();
        try {
            IIOMetadata metadata = srgbMetadata(writer, bi);
            AtomicFiles.write(out, ch -> {
                OutputStream os = Channels.newOutputStream(ch);
                // Memory cache: ImageIO's default file cache would put another temporary file elsewhere.
                try (ImageOutputStream ios = new MemoryCacheImageOutputStream(os)) {
                    writer.setOutput(ios);
                    writer.write(new IIOImage(bi, null, metadata));
                }
            });
        } finally {
            writer.dispose();
        }
    }

    /**
     * Marks the file as sRGB (the sRGB chunk, plus the gAMA chunk the PNG specification recommends
     * alongside it for decoders that do not know sRGB), so viewers do not guess a transfer function.
     */
    private static IIOMetadata srgbMetadata(ImageWriter writer, BufferedImage bi) throws IOException {
        IIOMetadata metadata = writer.getDefaultImageMetadata(ImageTypeSpecifier.createFromRenderedImage(bi), null);
        String format = "javax_imageio_png_1.0";
        IIOMetadataNode root = new IIOMetadataNode(format);
        IIOMetadataNode srgb = new IIOMetadataNode("sRGB");
        srgb.setAttribute("renderingIntent", "Perceptual");
        root.appendChild(srgb);
        IIOMetadataNode gamma = new IIOMetadataNode("gAMA");
        gamma.setAttribute("value", "45455"); // 1 / 2.2 in units of 1e-5
        root.appendChild(gamma);
        metadata.mergeTree(format, root);
        return metadata;
    }
}
