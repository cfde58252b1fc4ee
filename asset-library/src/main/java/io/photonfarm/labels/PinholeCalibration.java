package io.photonfarm.labels;

import io.photonfarm.api.camera.LensDistortion;
import io.photonfarm.api.work.CameraPose;
import io.photonfarm.api.work.Vec3;
import io.photonfarm.scene.CameraSpec;
import io.photonfarm.scene.camera.LensMapping;

/**
 * The pinhole calibration of a frame's camera, in the conventions a dataset ships
 * ({@code conventions.json}):
 *
 * <ul>
 *   <li>image: pixel (u, v) covers [u, u+1) x [v, v+1), its centre is (u + 0.5, v + 0.5), origin
 *       top-left, u right, v down; so the principal point of a centred camera is (w/2, h/2), and
 *       OpenCV's integer-centre convention would use (cx - 0.5, cy - 0.5);</li>
 *   <li>camera frame: OpenCV, x right, y down, z forward (along the optical axis);</li>
 *   <li>extrinsics: world -> camera, {@code X_cam = R X_world + t}, metres; world right-handed, y up.</li>
 * </ul>
 *
 * Without a lens distortion, a world point projects to {@code (u, v) = (fx X/Z + cx, fy Y/Z + cy)},
 * exactly where the renderer's primary ray through film position (u, v) came from (see
 * {@code include/camera.glsl}). With one, OpenCV's distortion maps the normalised coordinates
 * (X/Z, Y/Z) to (x_d, y_d) first and the point lands at {@code (fx x_d + cx, fy y_d + cy)}; the
 * renderer inverts that mapping for every ray, and {@link #worldDirection} inverts it in double
 * precision, so the two agree. For a thin lens (aperture > 0) this holds for the lens centre's rays,
 * i.e. sharp on the plane in focus.
 *
 * @param fx          focal length along u, pixels
 * @param fy          focal length along v, pixels
 * @param cx          principal point u, pixels (continuous coordinates)
 * @param cy          principal point v, pixels (continuous coordinates)
 * @param rotation    R, world -> camera, row-major 3x3 (rows: camera x, y, z axes in world coordinates)
 * @param translation t, world -> camera, metres: the world origin in camera coordinates
 * @param lens        the lens distortion (OpenCV's conventions on normalised coordinates), or null for none
 */
public record PinholeCalibration(double fx, double fy, double cx, double cy, double[][] rotation, double[] translation,
        LensDistortion lens) {

    /** A calibration without lens distortion. */
    public PinholeCalibration(double fx, double fy, double cx, double cy, double[][] rotation, double[] translation) {
        this(fx, fy, cx, cy, rotation, translation, null);
    }

    /**
     * The calibration of {@code pose} rendered at {@code width} x {@code height} pixels, with the
     * renderer's construction: forward = lookAt - position, right = forward x up, image up =
     * right x forward, square pixels, the vertical field of view spanning the image height of the
     * undistorted pinhole, and the pose's lens distortion.
     *
     * @throws IllegalArgumentException if the pose has no direction (position == lookAt) or its up is parallel to it
     */
    public static PinholeCalibration of(CameraPose pose, int width, int height) {
        if (width < 1 || height < 1) {
            throw new IllegalArgumentException("camera calibration: image " + width + "x" + height + " must be >= 1x1");
        }
        double[] p = vec(pose.position());
        double[] forward = sub(vec(pose.lookAt()), p);
        double[] right = cross(forward, vec(pose.up()));
        if (norm(forward) < 1e-12 || norm(right) < 1e-12 * norm(forward) * norm(vec(pose.up()))) {
            throw new IllegalArgumentException("camera calibration of " + pose + ": position equals lookAt, or up is "
                    + "parallel to the view direction; the camera has no orientation");
        }
        forward = normalize(forward);
        right = normalize(right);
        double[] imageUp = normalize(cross(right, forward));
        double[] down = {-imageUp[0], -imageUp[1], -imageUp[2]};
        double[][] r = {right, down, forward};
        double[] t = new double[3];
        for (int i = 0; i < 3; i++) {
            t[i] = -(r[i][0] * p[0] + r[i][1] * p[1] + r[i][2] * p[2]);
        }
        double f = 0.5 * height / Math.tan(Math.toRadians(pose.vfovDegrees()) * 0.5);
        return new PinholeCalibration(f, f, 0.5 * width, 0.5 * height, r, t, pose.lens());
    }

    /**
     * The calibration of a scene's camera rendered at {@code width} x {@code height} pixels; the same as
     * {@link #of(CameraPose, int, int)} of that camera's pose (floats widened to doubles, no loss).
     */
    public static PinholeCalibration of(CameraSpec camera, int width, int height) {
        return of(new CameraPose(new Vec3(camera.position().x(), camera.position().y(), camera.position().z()),
                new Vec3(camera.lookAt().x(), camera.lookAt().y(), camera.lookAt().z()),
                new Vec3(camera.up().x(), camera.up().y(), camera.up().z()),
                camera.vfovDeg(), camera.aperture(), camera.focusDistance(), camera.lens()), width, height);
    }

    /** The camera centre (pinhole, or the lens centre) in world coordinates, {@code -R^T t}, metres: {x, y, z}. */
    public double[] cameraCentre() {
        double[] c = new double[3];
        for (int i = 0; i < 3; i++) {
            c[i] = -(rotation[0][i] * translation[0] + rotation[1][i] * translation[1] + rotation[2][i] * translation[2]);
        }
        return c;
    }

    /** This calibration's lens mapping, or null without a lens. */
    public LensMapping lensMapping() {
        return lens == null ? null : LensMapping.of(lens);
    }

    /**
     * The unit direction, in the camera frame, of the ray through the lens centre that images at
     * continuous image position (u, v): {@code normalize(((u - cx) / fx, (v - cy) / fy, 1))} without a
     * lens; with one, the undistorted ray of the distorted normalised point ((u - cx) / fx, (v - cy) / fy),
     * converged in double precision.
     */
    public double[] cameraRay(double u, double v) {
        double x = (u - cx) / fx;
        double y = (v - cy) / fy;
        if (lens != null) {
            return LensMapping.of(lens).ray(x, y);
        }
        double n = Math.sqrt(x * x + y * y + 1);
        return new double[] {x / n, y / n, 1 / n};
    }

    /**
     * The unit world direction of the primary ray through continuous image position (u, v), e.g.
     * (u + 0.5, v + 0.5) for the centre of pixel (u, v): {@code R^T} {@link #cameraRay(double, double)}.
     */
    public double[] worldDirection(double u, double v) {
        double[] c = cameraRay(u, v);
        double[] d = new double[3];
        for (int i = 0; i < 3; i++) {
            d[i] = rotation[0][i] * c[0] + rotation[1][i] * c[1] + rotation[2][i] * c[2];
        }
        return d;
    }

    /**
     * Where a camera-frame point (metres, OpenCV frame) lands in the image, continuous pixel coordinates
     * {@code [u, v]}, distorted by the lens; null when it is imaged nowhere: at or behind the camera
     * plane (Z <= 0), or, with a lens, where the ray of its distorted position does not pass through it
     * (beyond where the distortion stops increasing, OpenCV's equations fold distant points back into
     * the image, but no ray of the renderer goes there).
     */
    public double[] pixelOf(double x, double y, double z) {
        if (!(z > 0)) {
            return null;
        }
        if (lens == null) {
            return new double[] {fx * x / z + cx, fy * y / z + cy};
        }
        double nx = x / z;
        double ny = y / z;
        LensMapping m = LensMapping.of(lens);
        double[] d = m.distort(nx, ny);
        double[] back = m.ray(d[0], d[1]);
        double n = Math.sqrt(x * x + y * y + z * z);
        double miss = Math.abs(back[0] - x / n) + Math.abs(back[1] - y / n) + Math.abs(back[2] - z / n);
        return miss <= 1e-9 ? new double[] {fx * d[0] + cx, fy * d[1] + cy} : null;
    }

    /** K, row-major 3x3, pixels. */
    public double[][] k() {
        return new double[][] {{fx, 0, cx}, {0, fy, cy}, {0, 0, 1}};
    }

    /** [R | t] as a row-major 4x4 homogeneous world -> camera matrix. */
    public double[][] worldToCamera() {
        double[][] m = new double[4][4];
        for (int i = 0; i < 3; i++) {
            System.arraycopy(rotation[i], 0, m[i], 0, 3);
            m[i][3] = translation[i];
        }
        m[3][3] = 1;
        return m;
    }

    /** A world point in camera coordinates (OpenCV frame), metres. */
    public Vec3 toCamera(Vec3 world) {
        double[] w = vec(world);
        double[] c = new double[3];
        for (int i = 0; i < 3; i++) {
            c[i] = rotation[i][0] * w[0] + rotation[i][1] * w[1] + rotation[i][2] * w[2] + translation[i];
        }
        return new Vec3(c[0], c[1], c[2]);
    }

    /**
     * OpenCV's projection of a camera-frame point in front of the camera (Z > 0), distorted by the lens
     * when there is one, {@code [u, v]}; unlike {@link #pixelOf} it does not ask whether the lens images
     * the point there.
     */
    public double[] distortedPixel(double x, double y, double z) {
        if (lens == null) {
            return new double[] {fx * x / z + cx, fy * y / z + cy};
        }
        double[] d = LensMapping.of(lens).distort(x / z, y / z);
        return new double[] {fx * d[0] + cx, fy * d[1] + cy};
    }

    /**
     * Where a world point lands in the image, continuous pixel coordinates {@code [u, v]}, distorted by
     * the lens (see {@link #pixelOf}).
     *
     * @throws IllegalArgumentException if the point is not in front of the camera (Z <= 0) or, with a
     *                                  lens, is imaged nowhere
     */
    public double[] project(Vec3 world) {
        Vec3 c = toCamera(world);
        if (!(c.z() > 0)) {
            throw new IllegalArgumentException("projecting " + world + ": behind the camera (Z = " + c.z() + " m)");
        }
        double[] p = pixelOf(c.x(), c.y(), c.z());
        if (p == null) {
            throw new IllegalArgumentException("projecting " + world + ": outside the range the lens " + lens + " images");
        }
        return p;
    }

    private static double[] vec(Vec3 v) {
        return new double[] {v.x(), v.y(), v.z()};
    }

    private static double[] sub(double[] a, double[] b) {
        return new double[] {a[0] - b[0], a[1] - b[1], a[2] - b[2]};
    }

    private static double[] cross(double[] a, double[] b) {
        return new double[] {a[1] * b[2] - a[2] * b[1], a[2] * b[0] - a[0] * b[2], a[0] * b[1] - a[1] * b[0]};
    }

    private static double norm(double[] a) {
        return Math.sqrt(a[0] * a[0] + a[1] * a[1] + a[2] * a[2]);
    }

    private static double[] normalize(double[] a) {
        double n = norm(a);
        return new double[] {a[0] / n, a[1] / n, a[2] / n};
    }
}
