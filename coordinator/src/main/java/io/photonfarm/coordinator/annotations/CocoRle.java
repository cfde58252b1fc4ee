package io.photonfarm.coordinator.annotations;

import java.util.Arrays;

/**
 * COCO run-length encoding of a binary mask, as pycocotools' {@code maskApi.c} defines it: the
 * image is read in column-major order (down each column, columns left to right), counts alternate
 * background and foreground runs starting with background (so the first count may be 0), and the
 * last run is always present; the counts add up to height * width. The compressed form
 * ({@code rleToString}) writes each count, minus the count two places back from the fourth count
 * on, as a little-endian sequence of 5-bit groups with a continuation bit and a sign bit in the
 * last group, each group offset by 48 into printable ASCII.
 */
final class CocoRle {
    private CocoRle() {
    }

    /** The uncompressed counts of {@code m}. Reads only the mask's bounds, so it costs their area. */
    static int[] counts(Mask m) {
        int h = m.imageHeight();
        Runs runs = new Runs();
        for (int x = m.x0(); x < m.x1(); x++) {
            long column = (long) x * h;
            if (m.y0() > 0) {
                runs.set(column, false); // the top of the column, above the bounds, is background
            }
            for (int y = m.y0(); y < m.y1(); y++) {
                runs.set(column + y, m.get(x, y));
            }
            if (m.y1() < h) {
                runs.set(column + m.y1(), false); // and so is its bottom
            }
        }
        long total = (long) m.imageWidth() * h;
        if (m.x1() < m.imageWidth()) {
            runs.set((long) m.x1() * h, false); // the columns right of the bounds are background
        }
        return runs.finish(total);
    }

    /** Run lengths of a column-major pixel sequence, fed the value at each position where it may change. */
    private static final class Runs {
        private int[] counts = new int[16];
        private int n;
        private boolean on;
        private long runStart;

        void set(long position, boolean value) {
            if (value != on) {
                add(position - runStart);
                runStart = position;
                on = value;
            }
        }

        int[] finish(long total) {
            add(total - runStart); // the last run (pycocotools always writes it; it is never empty here)
            return Arrays.copyOf(counts, n);
        }

        private void add(long count) {
            if (n == counts.length) {
                counts = Arrays.copyOf(counts, n * 2);
            }
            counts[n++] = Math.toIntExact(count);
        }
    }

    /** The compressed string of {@code counts} (pycocotools {@code rleToString}). */
    static String compress(int[] counts) {
        StringBuilder s = new StringBuilder(counts.length * 2);
        for (int i = 0; i < counts.length; i++) {
            long x = counts[i];
            if (i > 2) {
                x -= counts[i - 2];
            }
            boolean more = true;
            while (more) {
                long c = x & 0x1f;
                x >>= 5;
                more = (c & 0x10) != 0 ? x != -1 : x != 0;
                if (more) {
                    c |= 0x20;
                }
                s.append((char) (c + 48));
            }
        }
        return s.toString();
    }
}
