package io.photonfarm.sensor;

import java.util.List;

/** 3x3 matrices as row-major double[9]: the colour response and colour correction. */
final class Matrix3 {
    static final double[] IDENTITY = {1, 0, 0, 0, 1, 0, 0, 0, 1};

    private Matrix3() {
    }

    static double[] of(List<Double> rowMajor) {
        double[] m = new double[9];
        for (int i = 0; i < 9; i++) {
            m[i] = rowMajor.get(i);
        }
        return m;
    }

    static double[] inverse(double[] m) {
        double c00 = m[4] * m[8] - m[5] * m[7];
        double c01 = m[5] * m[6] - m[3] * m[8];
        double c02 = m[3] * m[7] - m[4] * m[6];
        double det = m[0] * c00 + m[1] * c01 + m[2] * c02;
        if (Math.abs(det) < 1e-12) {
            throw new IllegalArgumentException("matrix is singular (determinant " + det + ")");
        }
        double inv = 1 / det;
        return new double[] {
            c00 * inv, (m[2] * m[7] - m[1] * m[8]) * inv, (m[1] * m[5] - m[2] * m[4]) * inv,
            c01 * inv, (m[0] * m[8] - m[2] * m[6]) * inv, (m[2] * m[3] - m[0] * m[5]) * inv,
            c02 * inv, (m[1] * m[6] - m[0] * m[7]) * inv, (m[0] * m[4] - m[1] * m[3]) * inv};
    }

    /** The matrix's response to white: its row sums. */
    static double[] rowSums(double[] m) {
        return new double[] {m[0] + m[1] + m[2], m[3] + m[4] + m[5], m[6] + m[7] + m[8]};
    }

    /** {@code m} with every row divided by its sum, so that white maps to white. */
    static double[] normaliseRows(double[] m) {
        double[] sums = rowSums(m);
        double[] out = new double[9];
        for (int i = 0; i < 9; i++) {
            out[i] = m[i] / sums[i / 3];
        }
        return out;
    }

    static List<Double> toList(double[] m) {
        return java.util.Arrays.stream(m).boxed().toList();
    }
}
