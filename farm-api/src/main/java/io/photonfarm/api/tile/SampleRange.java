package io.photonfarm.api.tile;

/** Sample indices {@code [first, first + count)} of every pixel of a tile. */
public record SampleRange(int first, int count) {
    public SampleRange {
        if (first < 0 || count <= 0 || (long) first + count > Integer.MAX_VALUE) {
            throw new IllegalArgumentException("sample range " + first + "+" + count + ": first must be >= 0, count > 0");
        }
    }

    public int end() {
        return first + count;
    }
}
