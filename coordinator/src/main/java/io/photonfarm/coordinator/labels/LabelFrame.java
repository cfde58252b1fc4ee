package io.photonfarm.coordinator.labels;

import io.photonfarm.api.tile.LabelRecord;

/**
 * One frame's assembled labels: the pixel-centre label record of every pixel and, per pixel, how
 * many of its spp RGB samples first hit the instance of that record (coverage).
 *
 * @param width          image width, pixels
 * @param height         image height, pixels
 * @param spp            samples every pixel received
 * @param words          {@link LabelRecord#WORDS} words per pixel, row-major (owned by this record)
 * @param coveredSamples per pixel, 0..spp (owned by this record)
 */
public record LabelFrame(int width, int height, int spp, int[] words, int[] coveredSamples) {
    public LabelFrame {
        long pixels = (long) width * height;
        if (words.length != pixels * LabelRecord.WORDS || coveredSamples.length != pixels || spp < 1) {
            throw new IllegalArgumentException("label frame " + width + "x" + height + ": " + words.length + " words and "
                    + coveredSamples.length + " coverage counts do not fit, or spp " + spp + " < 1");
        }
    }

    public int pixels() {
        return width * height;
    }

    /** A float word of pixel {@code p} (row-major index) at {@code offset} ({@link LabelRecord}). */
    public float f(int p, int offset) {
        return Float.intBitsToFloat(words[p * LabelRecord.WORDS + offset]);
    }

    /** An integer word of pixel {@code p} at {@code offset} (ids). */
    public int id(int p, int offset) {
        return words[p * LabelRecord.WORDS + offset];
    }

    /** The instance pass: instance id per pixel, row-major, 0 = background. */
    public int[] instancePass() {
        int[] out = new int[pixels()];
        for (int p = 0; p < out.length; p++) {
            out[p] = id(p, LabelRecord.INSTANCE);
        }
        return out;
    }

    /** The fraction of pixel {@code p}'s samples whose first hit is its centre label's instance. */
    public float coverage(int p) {
        return (float) coveredSamples[p] / spp;
    }
}
