package io.photonfarm.shaders;

/**
 * Direction numbers of the first four Sobol dimensions, 32 bits each, computed from primitive
 * polynomials and initial numbers (Joe and Kuo 2008, "Constructing Sobol sequences with better
 * two-dimensional projections"). Dimension 0 is the van der Corput sequence.
 */
public final class SobolDirections {
    public static final int DIMENSIONS = 4;
    public static final int BITS = 32;

    // Degree s, polynomial coefficients a (without the leading and trailing 1), initial m values.
    private static final int[] DEGREE = {1, 2, 3};
    private static final int[] COEFFS = {0, 1, 1};
    private static final int[][] INITIAL = {{1}, {1, 3}, {1, 3, 1}};

    private SobolDirections() {
    }

    /**
     * @return v[b][d]: the direction number XOR-ed into dimension d when bit b (LSB = 0) of the
     *         index is set; the point's coordinate is the XOR as a 32-bit binary fraction
     */
    public static int[][] table() {
        int[][] v = new int[BITS][DIMENSIONS];
        for (int b = 0; b < BITS; b++) {
            v[b][0] = 1 << (31 - b);
        }
        for (int d = 1; d < DIMENSIONS; d++) {
            int s = DEGREE[d - 1];
            int a = COEFFS[d - 1];
            int[] dir = new int[BITS + 1]; // 1-based as in the paper
            for (int k = 1; k <= s; k++) {
                dir[k] = INITIAL[d - 1][k - 1] << (32 - k);
            }
            for (int k = s + 1; k <= BITS; k++) {
                int x = dir[k - s] ^ (dir[k - s] >>> s);
                for (int j = 1; j < s; j++) {
                    if (((a >>> (s - 1 - j)) & 1) != 0) {
                        x ^= dir[k - j];
                    }
                }
                dir[k] = x;
            }
            for (int b = 0; b < BITS; b++) {
                v[b][d] = dir[b + 1];
            }
        }
        return v;
    }

    /** The unscrambled point: coordinate d of Sobol point {@code index}, in [0, 1). */
    public static double point(int[][] table, int index, int d) {
        int x = 0;
        for (int b = 0; b < BITS; b++) {
            if (((index >>> b) & 1) != 0) {
                x ^= table[b][d];
            }
        }
        return Integer.toUnsignedLong(x) / 4294967296.0;
    }
}
