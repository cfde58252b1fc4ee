package io.photonfarm.labels.annotate;

import io.photonfarm.labels.Box2d;

/**
 * Per instance id, the number of pixels of an instance pass with that id and the rectangle they
 * span, from one pass over the image.
 */
final class InstancePassIndex {
    private final int[] pass;
    private final int width;
    private final int[] count;
    private final int[] minU;
    private final int[] minV;
    private final int[] maxU;
    private final int[] maxV;

    private InstancePassIndex(int[] pass, int width, int ids) {
        this.pass = pass;
        this.width = width;
        count = new int[ids];
        minU = new int[ids];
        minV = new int[ids];
        maxU = new int[ids];
        maxV = new int[ids];
        java.util.Arrays.fill(minU, Integer.MAX_VALUE);
        java.util.Arrays.fill(minV, Integer.MAX_VALUE);
        java.util.Arrays.fill(maxU, -1);
        java.util.Arrays.fill(maxV, -1);
    }

    /**
     * @param pass  row-major {@code width * height} instance ids, 0 = background
     * @param maxId the largest valid id (the scene's instance count)
     * @throws IllegalArgumentException if the pass has another size or holds an id outside 0..maxId
     */
    static InstancePassIndex of(int[] pass, int width, int height, int maxId) {
        if (pass.length != (long) width * height) {
            throw new IllegalArgumentException("instance pass of " + pass.length + " ids for a " + width + "x" + height
                    + " frame");
        }
        InstancePassIndex x = new InstancePassIndex(pass, width, maxId + 1);
        for (int v = 0; v < height; v++) {
            int row = v * width;
            int previous = -1;
            for (int u = 0; u < width; u++) {
                int id = pass[row + u];
                if (id == 0) {
                    continue;
                }
                if (id < 0 || id > maxId) {
                    throw new IllegalArgumentException("instance pass: pixel (" + u + ", " + v + ") holds instance id "
                            + id + ", but the scene has ids 0.." + maxId);
                }
                x.count[id]++;
                if (id != previous) {
                    x.minU[id] = Math.min(x.minU[id], u);
                    x.minV[id] = Math.min(x.minV[id], v);
                    x.maxV[id] = v;
                    previous = id;
                }
                x.maxU[id] = Math.max(x.maxU[id], u);
            }
        }
        return x;
    }

    int count(int id) {
        return count[id];
    }

    /** The pixels' tight box in continuous coordinates (pixel u..umax gives [u, umax + 1]), or null if none. */
    Box2d tightBox(int id) {
        return count[id] == 0 ? null : new Box2d(minU[id], minV[id], maxU[id] + 1.0, maxV[id] + 1.0);
    }

    PixelRect rect(int id) {
        return count[id] == 0 ? PixelRect.EMPTY : new PixelRect(minU[id], minV[id], maxU[id] + 1, maxV[id] + 1);
    }

    /** Sets the mask entries (over {@code rect}, which contains {@link #rect(int)}) of the pixels with this id. */
    void fill(int id, PixelRect rect, boolean[] mask) {
        if (count[id] == 0) {
            return;
        }
        int w = rect.width();
        for (int v = minV[id]; v <= maxV[id]; v++) {
            int src = v * width;
            int dst = (v - rect.y0()) * w - rect.x0();
            for (int u = minU[id]; u <= maxU[id]; u++) {
                if (pass[src + u] == id) {
                    mask[dst + u] = true;
                }
            }
        }
    }
}
