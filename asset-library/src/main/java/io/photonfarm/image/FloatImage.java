package io.photonfarm.image;

/**
 * A float image, row-major, row 0 at the top, channels interleaved.
 *
 * @param data width * height * channels floats
 */
public record FloatImage(int width, int height, int channels, float[] data) {
    public FloatImage {
        if (width <= 0 || height <= 0 || channels <= 0) {
            throw new IllegalArgumentException("image size " + width + "x" + height + "x" + channels + " must be positive");
        }
        if ((long) width * height * channels != data.length) {
            throw new IllegalArgumentException("image " + width + "x" + height + "x" + channels + " needs "
                    + (long) width * height * channels + " floats, got " + data.length);
        }
    }

    public static FloatImage blank(int width, int height, int channels) {
        return new FloatImage(width, height, channels, new float[Math.multiplyExact(Math.multiplyExact(width, height), channels)]);
    }

    public float get(int x, int y, int c) {
        return data[(y * width + x) * channels + c];
    }

    public void set(int x, int y, int c, float v) {
        data[(y * width + x) * channels + c] = v;
    }
}
