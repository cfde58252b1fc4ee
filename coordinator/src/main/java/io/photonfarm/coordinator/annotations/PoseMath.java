package io.photonfarm.coordinator.annotations;

import io.photonfarm.labels.ObjectAnnotation;

/**
 * The small amount of 3D arithmetic the writers need. Camera frame OpenCV (x right, y down,
 * z forward), metres; an object point p (mesh object space, metres, before scale) is in the camera
 * frame at {@code R (s * p) + t}, with R the pure rotation and s the per-axis scale of its annotation.
 */
final class PoseMath {
    /** How far R^T R may stray from the identity, per element. */
    static final double ROTATION_TOLERANCE = 1e-5;

    private PoseMath() {
    }

    /** Why {@code r} is not a proper rotation (orthonormal, det +1), or null if it is one. */
    static String rotationProblem(double[][] r) {
        if (r == null || r.length != 3) {
            return "rotation is not 3x3";
        }
        for (double[] row : r) {
            if (row == null || row.length != 3) {
                return "rotation is not 3x3";
            }
            for (double v : row) {
                if (!Double.isFinite(v)) {
                    return "rotation has a non-finite element";
                }
            }
        }
        for (int i = 0; i < 3; i++) {
            for (int j = 0; j < 3; j++) {
                double dot = r[0][i] * r[0][j] + r[1][i] * r[1][j] + r[2][i] * r[2][j];
                if (Math.abs(dot - (i == j ? 1 : 0)) > ROTATION_TOLERANCE) {
                    return "rotation is not orthonormal (columns " + i + " and " + j + " have dot product " + dot
                            + "); the scale belongs in 'scale'";
                }
            }
        }
        if (det(r) < 0) {
            return "rotation has determinant -1 (a reflection)";
        }
        return null;
    }

    static double det(double[][] m) {
        return m[0][0] * (m[1][1] * m[2][2] - m[1][2] * m[2][1])
                - m[0][1] * (m[1][0] * m[2][2] - m[1][2] * m[2][0])
                + m[0][2] * (m[1][0] * m[2][1] - m[1][1] * m[2][0]);
    }

    /** A 3x3 matrix row-major as 9 values, each multiplied by {@code factor}. */
    static double[] rowMajor(double[][] m, double factor) {
        double[] out = new double[9];
        for (int i = 0; i < 3; i++) {
            for (int j = 0; j < 3; j++) {
                out[3 * i + j] = m[i][j] * factor;
            }
        }
        return out;
    }

    static double[] scaled(double[] v, double factor) {
        return new double[] {v[0] * factor, v[1] * factor, v[2] * factor};
    }

    /** Object point {@code p} (before scale) in the camera frame, metres. */
    static double[] toCamera(ObjectAnnotation o, double[] p) {
        double[][] r = o.rotation();
        double[] s = o.scale();
        double x = p[0] * s[0];
        double y = p[1] * s[1];
        double z = p[2] * s[2];
        double[] t = o.translation();
        return new double[] {
            r[0][0] * x + r[0][1] * y + r[0][2] * z + t[0],
            r[1][0] * x + r[1][1] * y + r[1][2] * z + t[1],
            r[2][0] * x + r[2][1] * y + r[2][2] * z + t[2]};
    }

    /** Object axis {@code axis} (0 = x, 1 = y, 2 = z) as a unit vector in the camera frame. */
    static double[] axis(ObjectAnnotation o, int axis) {
        double[][] r = o.rotation();
        return new double[] {r[0][axis], r[1][axis], r[2][axis]};
    }

    /** An angle wrapped into [-pi, pi]. */
    static double wrap(double a) {
        double w = Math.IEEEremainder(a, 2 * Math.PI);
        return w == -Math.PI ? Math.PI : w;
    }
}
