package io.photonfarm.scene.io;

import io.photonfarm.scene.Texture;
import java.awt.image.BufferedImage;
import java.io.ByteArrayInputStream;
import java.io.IOException;
import java.util.Iterator;
import javax.imageio.ImageIO;
import javax.imageio.ImageReader;
import javax.imageio.stream.ImageInputStream;

/**
 * Decodes PNG and JPEG texture files (what glTF allows, and what OBJ/MTL files use in practice)
 * into 8-bit RGBA {@link Texture}s. The image size is read from the header and checked against
 * {@link Texture#MAX_SIDE} before any pixel is decoded, so a small file that claims a huge image
 * (a decompression bomb) is refused without allocating it.
 */
public final class TextureDecoder {
    /** Most texels one texture may have (64 Mi texels = 256 MiB as RGBA). */
    public static final long MAX_TEXELS = 64L << 20;

    private TextureDecoder() {
    }

    /**
     * @param name    texture name (file name or glTF image name), used in messages and kept on the texture
     * @param encoded the PNG or JPEG file's bytes
     * @throws IllegalArgumentException naming {@code name} when the bytes are no decodable image or too large
     */
    public static Texture decode(String name, byte[] encoded) {
        try (ImageInputStream in = ImageIO.createImageInputStream(new ByteArrayInputStream(encoded))) {
            Iterator<ImageReader> readers = ImageIO.getImageReaders(in);
            if (!readers.hasNext()) {
                throw new IllegalArgumentException("texture '" + name + "' is not a PNG or JPEG image");
            }
            ImageReader reader = readers.next();
            try {
                reader.setInput(in, true, true);
                int w = reader.getWidth(0);
                int h = reader.getHeight(0);
                if (w <= 0 || h <= 0 || w > Texture.MAX_SIDE || h > Texture.MAX_SIDE || (long) w * h > MAX_TEXELS) {
                    throw new IllegalArgumentException("texture '" + name + "' is " + w + "x" + h + "; at most "
                            + Texture.MAX_SIDE + " per side and " + MAX_TEXELS + " texels are accepted");
                }
                return toTexture(name, reader.read(0));
            } finally {
                reader.dispose();
            }
        } catch (IOException | RuntimeException e) {
            if (e instanceof IllegalArgumentException iae && iae.getMessage() != null
                    && iae.getMessage().startsWith("texture '")) {
                throw iae;
            }
            throw new IllegalArgumentException("texture '" + name + "' cannot be decoded: " + e.getMessage(), e);
        }
    }

    private static Texture toTexture(String name, BufferedImage img) {
        int w = img.getWidth();
        int h = img.getHeight();
        byte[] rgba = new byte[w * h * 4];
        int[] row = new int[w];
        for (int y = 0; y < h; y++) {
            // getRGB converts any colour model to 8-bit sRGB ARGB, alpha 255 when there is none.
            img.getRGB(0, y, w, 1, row, 0, w);
            for (int x = 0; x < w; x++) {
                int argb = row[x];
                int o = (y * w + x) * 4;
                rgba[o] = (byte) (argb >> 16);
                rgba[o + 1] = (byte) (argb >> 8);
                rgba[o + 2] = (byte) argb;
                rgba[o + 3] = (byte) (argb >>> 24);
            }
        }
        return new Texture(name, w, h, rgba);
    }
}
