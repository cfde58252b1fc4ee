package io.photonfarm.coordinator.annotations;

import io.photonfarm.labels.Box2d;
import java.util.Arrays;

/**
 * The pixels of one instance id in an instance pass: how many, and their bounds.
 *
 * @param count how many pixels hold the id
 * @param xMin  leftmost column (0 when count is 0)
 * @param yMin  top row
 * @param xEnd  rightmost column + 1
 * @param yEnd  bottom row + 1
 */
record PixelStats(int count, int xMin, int yMin, int xEnd, int yEnd) {

    /** The tight box in continuous coordinates, or null when no pixel holds the id. */
    Box2d box() {
        return count == 0 ? null : new Box2d(xMin, yMin, xEnd, yEnd);
    }

    /** The stats of each of {@code ids} (positive, distinct) in one pass over {@code pass}. */
    static PixelStats[] of(int[] pass, int width, int height, int[] ids) {
        int maxId = 0;
        for (int id : ids) {
            maxId = Math.max(maxId, id);
        }
        int[] slot = new int[maxId + 1];
        Arrays.fill(slot, -1);
        for (int i = 0; i < ids.length; i++) {
            slot[ids[i]] = i;
        }
        int n = ids.length;
        int[] count = new int[n];
        int[] x0 = new int[n];
        int[] y0 = new int[n];
        int[] x1 = new int[n];
        int[] y1 = new int[n];
        Arrays.fill(x0, Integer.MAX_VALUE);
        Arrays.fill(y0, Integer.MAX_VALUE);
        for (int y = 0, i = 0; y < height; y++) {
            for (int x = 0; x < width; x++, i++) {
                int v = pass[i];
                if (v > 0 && v <= maxId) {
                    int s = slot[v];
                    if (s >= 0) {
                        if (count[s]++ == 0) {
                            y0[s] = y;
                        }
                        y1[s] = y;
                        x0[s] = Math.min(x0[s], x);
                        x1[s] = Math.max(x1[s], x);
                    }
                }
            }
        }
        PixelStats[] out = new PixelStats[n];
        for (int s = 0; s < n; s++) {
            out[s] = count[s] == 0 ? new PixelStats(0, 0, 0, 0, 0)
                    : new PixelStats(count[s], x0[s], y0[s], x1[s] + 1, y1[s] + 1);
        }
        return out;
    }
}
