package io.photonfarm.scene.camera;

/**
 * OpenCV's distortion equations written out again, straight from the formulas of
 * {@code cv::projectPoints} and {@code cv::fisheye::projectPoints}, sharing no code with the renderer's
 * {@link LensMapping}: the oracle of the lens tests. Input: undistorted normalised coordinates
 * (X/Z, Y/Z); output: distorted normalised coordinates.
 */
public final class OpenCvLens {
    private OpenCvLens() {
    }

    /** distCoeffs = [k1, k2, p1, p2, k3]. */
    public static double[] brownConrady(double[] c, double x, double y) {
        double k1 = c[0], k2 = c[1], p1 = c[2], p2 = c[3], k3 = c[4];
        double r2 = x * x + y * y;
        double r4 = r2 * r2;
        double r6 = r4 * r2;
        double radial = 1 + k1 * r2 + k2 * r4 + k3 * r6;
        double xd = x * radial + 2 * p1 * x * y + p2 * (r2 + 2 * x * x);
        double yd = y * radial + p1 * (r2 + 2 * y * y) + 2 * p2 * x * y;
        return new double[] {xd, yd};
    }

    /** D = [k1, k2, k3, k4]. */
    public static double[] fisheye(double[] k, double x, double y) {
        double r = Math.sqrt(x * x + y * y);
        double theta = Math.atan(r);
        double t2 = theta * theta;
        double thetaD = theta * (1 + k[0] * t2 + k[1] * t2 * t2 + k[2] * t2 * t2 * t2 + k[3] * t2 * t2 * t2 * t2);
        double scale = r == 0 ? 1 : thetaD / r;
        return new double[] {x * scale, y * scale};
    }

    /** The OpenCV projection of a camera-frame point to pixels for a model by name and its OpenCV coefficients. */
    public static double[] project(String model, double[] coefficients, double fx, double fy, double cx, double cy,
            double[] cameraPoint) {
        double x = cameraPoint[0] / cameraPoint[2];
        double y = cameraPoint[1] / cameraPoint[2];
        double[] d = model.equals("kannala-brandt") ? fisheye(coefficients, x, y) : brownConrady(coefficients, x, y);
        return new double[] {fx * d[0] + cx, fy * d[1] + cy};
    }
}
