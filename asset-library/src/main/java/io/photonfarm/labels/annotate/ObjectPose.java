package io.photonfarm.labels.annotate;

import io.photonfarm.labels.PinholeCalibration;
import org.joml.Matrix4fc;

/**
 * An instance's object -> camera transform {@code X_cam = L X + t}, {@code L = R_wc A} (A the linear part
 * of {@code objectToWorld}, R_wc and t_wc the calibration's world -> camera), factored into a
 * rotation and a scale along the object axes.
 *
 * <p>Without shear, {@code L = rotation * diag(scale)} exactly (to double rounding): the scale is the
 * column norms of A and the rotation L's columns divided by them. A mirroring transform (det A < 0)
 * gets all three scale factors negated, so that {@code rotation} keeps det +1 and the product still
 * equals L. With shear (the columns of A not orthogonal within {@link #SHEAR_TOLERANCE}) there is no such
 * factoring: {@code rotation} is then the orthogonal factor of the polar decomposition of L (of -L when
 * mirrored), the nearest rotation, and {@code scale} stays the (signed) column norms; the product
 * then only approximates L, and every point this library reports (box corners, landmarks) is
 * computed with L itself.
 *
 * @param rotation    row-major 3x3, det +1
 * @param translation the object origin in the camera frame, metres
 * @param scale       scale along the object's x, y, z axes
 * @param linear      L, row-major 3x3
 * @param sheared     whether L has shear, so that {@code rotation * diag(scale) != L}
 */
record ObjectPose(double[][] rotation, double[] translation, double[] scale, double[][] linear, boolean sheared) {
    /** Largest deviation of {@code R^T R} from the identity for which L counts as unsheared. */
    static final double SHEAR_TOLERANCE = 1e-5;

    static ObjectPose of(PinholeCalibration cal, Matrix4fc objectToWorld) {
        double[][] r = cal.rotation();
        double[] tc = cal.translation();
        double[][] a = new double[3][3];
        double[] b = new double[3];
        for (int i = 0; i < 3; i++) {
            for (int j = 0; j < 3; j++) {
                a[i][j] = objectToWorld.get(j, i);
            }
            b[i] = objectToWorld.get(3, i);
        }
        double[][] l = new double[3][3];
        double[] t = new double[3];
        for (int i = 0; i < 3; i++) {
            for (int j = 0; j < 3; j++) {
                l[i][j] = r[i][0] * a[0][j] + r[i][1] * a[1][j] + r[i][2] * a[2][j];
            }
            t[i] = r[i][0] * b[0] + r[i][1] * b[1] + r[i][2] * b[2] + tc[i];
        }
        double sign = Math.signum(det(l));
        double[] scale = new double[3];
        double[][] rot = new double[3][3];
        for (int j = 0; j < 3; j++) {
            scale[j] = sign * Math.sqrt(l[0][j] * l[0][j] + l[1][j] * l[1][j] + l[2][j] * l[2][j]);
            for (int i = 0; i < 3; i++) {
                rot[i][j] = l[i][j] / scale[j];
            }
        }
        boolean sheared = orthonormalityError(rot) > SHEAR_TOLERANCE;
        if (sheared) {
            double[][] signed = new double[3][3];
            for (int i = 0; i < 3; i++) {
                for (int j = 0; j < 3; j++) {
                    signed[i][j] = sign * l[i][j];
                }
            }
            rot = polarRotation(signed);
        }
        return new ObjectPose(rot, t, scale, l, sheared);
    }

    /** L X + t for an object-space point. */
    double[] toCamera(double x, double y, double z) {
        double[] c = new double[3];
        for (int i = 0; i < 3; i++) {
            c[i] = linear[i][0] * x + linear[i][1] * y + linear[i][2] * z + translation[i];
        }
        return c;
    }

    private static double det(double[][] m) {
        return m[0][0] * (m[1][1] * m[2][2] - m[1][2] * m[2][1])
                - m[0][1] * (m[1][0] * m[2][2] - m[1][2] * m[2][0])
                + m[0][2] * (m[1][0] * m[2][1] - m[1][1] * m[2][0]);
    }

    private static double orthonormalityError(double[][] m) {
        double worst = 0;
        for (int i = 0; i < 3; i++) {
            for (int j = 0; j < 3; j++) {
                double dot = m[0][i] * m[0][j] + m[1][i] * m[1][j] + m[2][i] * m[2][j];
                worst = Math.max(worst, Math.abs(dot - (i == j ? 1 : 0)));
            }
        }
        return worst;
    }

    /**
     * The orthogonal factor of the polar decomposition of m (det m > 0) by Newton's iteration
     * {@code Q <- (Q + Q^-T) / 2} (Higham, "Computing the Polar Decomposition", 1986).
     */
    private static double[][] polarRotation(double[][] m) {
        double[][] q = new double[3][];
        for (int i = 0; i < 3; i++) {
            q[i] = m[i].clone();
        }
        for (int iteration = 0; iteration < 100; iteration++) {
            double[][] invT = inverseTranspose(q);
            double change = 0;
            for (int i = 0; i < 3; i++) {
                for (int j = 0; j < 3; j++) {
                    double next = 0.5 * (q[i][j] + invT[i][j]);
                    change = Math.max(change, Math.abs(next - q[i][j]));
                    q[i][j] = next;
                }
            }
            if (change < 1e-15) {
                break;
            }
        }
        return q;
    }

    private static double[][] inverseTranspose(double[][] m) {
        double d = det(m);
        double[][] c = new double[3][3];
        for (int i = 0; i < 3; i++) {
            for (int j = 0; j < 3; j++) {
                int i1 = (i + 1) % 3;
                int i2 = (i + 2) % 3;
                int j1 = (j + 1) % 3;
                int j2 = (j + 2) % 3;
                // Cofactor C_ij; the inverse transpose is C / det.
                c[i][j] = (m[i1][j1] * m[i2][j2] - m[i1][j2] * m[i2][j1]) / d;
            }
        }
        return c;
    }
}
