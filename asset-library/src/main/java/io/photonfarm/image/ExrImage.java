package io.photonfarm.image;

import java.util.Collections;
import java.util.List;
import java.util.Map;
import java.util.Set;
import java.util.TreeMap;

/**
 * Every channel of an OpenEXR file, by name, as linear floats. Each plane covers the file's data
 * window: {@code width * height} samples, row-major, row 0 at the top (the data window's minimum
 * y), column 0 at its minimum x. HALF samples are widened exactly and UINT samples converted to the
 * nearest float. The planes are shared, not copied.
 *
 * @param channels channel name (for example "R", "Z", "N.x") to its plane; iterated in name order
 */
public record ExrImage(int width, int height, Map<String, float[]> channels) {
    public ExrImage {
        if (width <= 0 || height <= 0) {
            throw new IllegalArgumentException("EXR image size " + width + "x" + height + " must be positive");
        }
        long pixels = (long) width * height;
        for (Map.Entry<String, float[]> e : channels.entrySet()) {
            if (e.getValue().length != pixels) {
                throw new IllegalArgumentException("channel '" + e.getKey() + "' has " + e.getValue().length
                        + " samples, a " + width + "x" + height + " image needs " + pixels);
            }
        }
        channels = Collections.unmodifiableMap(new TreeMap<>(channels));
    }

    public Set<String> names() {
        return channels.keySet();
    }

    public boolean has(String name) {
        return channels.containsKey(name);
    }

    /**
     * @return the channel's plane, {@code width * height} samples
     * @throws IllegalArgumentException naming the channel and the ones the file has, when it is missing
     */
    public float[] channel(String name) {
        float[] plane = channels.get(name);
        if (plane == null) {
            throw new IllegalArgumentException("no channel '" + name + "'; the image has " + names());
        }
        return plane;
    }

    /** Interleaves the named channels, in the given order, into a new image. */
    public FloatImage toFloatImage(List<String> names) {
        int n = names.size();
        float[][] planes = new float[n][];
        for (int c = 0; c < n; c++) {
            planes[c] = channel(names.get(c));
        }
        FloatImage img = FloatImage.blank(width, height, n);
        float[] data = img.data();
        int pixels = width * height;
        for (int p = 0; p < pixels; p++) {
            for (int c = 0; c < n; c++) {
                data[p * n + c] = planes[c][p];
            }
        }
        return img;
    }
}
