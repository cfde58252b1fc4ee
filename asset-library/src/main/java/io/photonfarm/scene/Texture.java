package io.photonfarm.scene;

/**
 * An 8-bit RGBA texture, row-major, row 0 at the top of the image. Texture coordinate (0, 0) is the
 * top-left corner of texel (0, 0) (glTF convention; OBJ loaders flip v). Sampling wraps (repeat).
 *
 * @param rgba width * height * 4 bytes, R first
 */
public record Texture(String name, int width, int height, byte[] rgba) {
    /** Largest accepted side, in texels. */
    public static final int MAX_SIDE = 16384;

    public Texture {
        if (width <= 0 || height <= 0 || width > MAX_SIDE || height > MAX_SIDE) {
            throw new IllegalArgumentException("texture '" + name + "': size " + width + "x" + height
                    + " outside 1.." + MAX_SIDE);
        }
        if (rgba.length != width * height * 4) {
            throw new IllegalArgumentException("texture '" + name + "': expected " + (width * height * 4)
                    + " bytes, got " + rgba.length);
        }
    }
}
