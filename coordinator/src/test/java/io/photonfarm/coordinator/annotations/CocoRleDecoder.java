package io.photonfarm.coordinator.annotations;

import java.util.ArrayList;
import java.util.List;

/**
 * A COCO RLE decoder written from pycocotools' {@code maskApi.c} ({@code rleFrString}, {@code rleDecode}),
 * independent of the encoder under test.
 */
final class CocoRleDecoder {
    private CocoRleDecoder() {
    }

    /** The counts of a compressed RLE string. */
    static long[] counts(String s) {
        List<Long> cnts = new ArrayList<>();
        int p = 0;
        while (p < s.length()) {
            long x = 0;
            int k = 0;
            boolean more = true;
            while (more) {
                int c = s.charAt(p) - 48;
                x |= (long) (c & 0x1f) << (5 * k);
                more = (c & 0x20) != 0;
                p++;
                k++;
                if (!more && (c & 0x10) != 0) {
                    x |= -1L << (5 * k);
                }
            }
            int m = cnts.size();
            if (m > 2) {
                x += cnts.get(m - 2);
            }
            cnts.add(x);
        }
        return cnts.stream().mapToLong(Long::longValue).toArray();
    }

    /**
     * The mask, row-major ({@code mask[y * w + x]}), of column-major counts starting with background.
     *
     * @throws IllegalArgumentException if the counts do not add up to h * w or a count is negative
     */
    static boolean[] mask(long[] counts, int h, int w) {
        boolean[] out = new boolean[h * w];
        long pos = 0;
        boolean on = false;
        for (long c : counts) {
            if (c < 0) {
                throw new IllegalArgumentException("negative count " + c);
            }
            for (long i = 0; i < c; i++, pos++) {
                if (pos >= (long) h * w) {
                    throw new IllegalArgumentException("counts run past " + h + "x" + w);
                }
                int x = (int) (pos / h);
                int y = (int) (pos % h);
                out[y * w + x] = on;
            }
            on = !on;
        }
        if (pos != (long) h * w) {
            throw new IllegalArgumentException("counts cover " + pos + " of " + (long) h * w + " pixels");
        }
        return out;
    }
}
