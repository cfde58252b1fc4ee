package io.photonfarm.labels;

import static org.junit.jupiter.api.Assertions.assertArrayEquals;
import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertNull;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;

import io.photonfarm.api.camera.LensDistortion;
import io.photonfarm.api.work.CameraPose;
import io.photonfarm.api.work.Vec3;
import io.photonfarm.scene.camera.OpenCvLens;
import java.util.List;
import org.junit.jupiter.api.Test;

class PinholeCalibrationLensTest {
    static final int W = 96;
    static final int H = 72;
    static final CameraPose POSE = new CameraPose(new Vec3(0.3, 1.1, 2.4), new Vec3(0, 0.2, 0), new Vec3(0, 1, 0), 60, 0, 0);
    static final LensDistortion BARREL = LensDistortion.brownConrady(-0.28, 0.07, 0.0012, -0.0008, 0.01);
    static final LensDistortion FISHEYE = LensDistortion.kannalaBrandt(0.08, -0.02, 0.004, -0.0005);

    @Test
    void projectingAPointOnTheRayOfAFilmPositionGivesBackThatPositionToANanopixel() {
        for (LensDistortion lens : List.of(BARREL, FISHEYE)) {
            PinholeCalibration cal = PinholeCalibration.of(POSE.withLens(lens), W, H);
            double[] c = cal.cameraCentre();
            double worst = 0;
            for (int j = 0; j <= 36; j++) {
                for (int i = 0; i <= 48; i++) {
                    double u = W * i / 48.0;
                    double v = H * j / 36.0;
                    double[] d = cal.worldDirection(u, v);
                    double[] p = cal.project(new Vec3(c[0] + 3 * d[0], c[1] + 3 * d[1], c[2] + 3 * d[2]));
                    worst = Math.max(worst, Math.hypot(p[0] - u, p[1] - v));
                }
            }
            assertTrue(worst < 1e-9, lens.model() + ": project(worldDirection(u, v)) is off by " + worst + " px");
        }
    }

    @Test
    void aProjectionIsOpenCvsDistortionOfThePinholeProjection() {
        for (LensDistortion lens : List.of(BARREL, FISHEYE)) {
            PinholeCalibration cal = PinholeCalibration.of(POSE.withLens(lens), W, H);
            PinholeCalibration pinhole = PinholeCalibration.of(POSE, W, H);
            for (double[] x : new double[][] {{0.1, 0.2, 0.3}, {-0.6, 0.5, -0.2}, {0.9, -0.1, 0.4}}) {
                Vec3 world = new Vec3(x[0], x[1], x[2]);
                double[] undistorted = pinhole.project(world);
                double[] expected = OpenCvLens.project(lens.model(), lens.opencvCoefficients(), 1, 1, 0, 0,
                        new double[] {(undistorted[0] - cal.cx()) / cal.fx(), (undistorted[1] - cal.cy()) / cal.fy(), 1});
                double[] p = cal.project(world);
                assertEquals(cal.fx() * expected[0] + cal.cx(), p[0], 1e-9, lens.model() + " u");
                assertEquals(cal.fy() * expected[1] + cal.cy(), p[1], 1e-9, lens.model() + " v");
            }
        }
    }

    @Test
    void withoutALensTheCalibrationIsThePinholeOfBefore() {
        PinholeCalibration cal = PinholeCalibration.of(POSE, W, H);
        assertNull(cal.lens());
        Vec3 c = cal.toCamera(new Vec3(0.2, 0.1, -0.3));
        assertArrayEquals(new double[] {cal.fx() * c.x() / c.z() + cal.cx(), cal.fy() * c.y() / c.z() + cal.cy()},
                cal.project(new Vec3(0.2, 0.1, -0.3)), 0.0);
        double x = (10.5 - cal.cx()) / cal.fx();
        double y = (20.5 - cal.cy()) / cal.fy();
        double n = Math.sqrt(x * x + y * y + 1);
        assertArrayEquals(new double[] {x / n, y / n, 1 / n}, cal.cameraRay(10.5, 20.5), 0.0);
    }

    @Test
    void aPointBeyondTheFoldOfTheLensIsImagedNowhere() {
        // g(r) = r - 0.3 r^3 turns back at r = 1.05; OpenCV's equation sends r = 1.9 to g = -0.158, back into
        // the middle of the image, where the renderer's ray is the one at r = -0.159.
        PinholeCalibration cal = PinholeCalibration.of(POSE.withLens(LensDistortion.brownConrady(-0.3, 0, 0, 0, 0)), W, H);
        double[] folded = cal.distortedPixel(1.9, 0, 1);
        assertTrue(folded[0] > 0 && folded[0] < W, "OpenCV's equation puts it in the image at u = " + folded[0]);
        assertNull(cal.pixelOf(1.9, 0, 1));
        assertTrue(cal.pixelOf(0.5, 0, 1) != null, "a point well inside the fold is imaged");
        assertThrows(IllegalArgumentException.class, () -> cal.project(toWorld(cal, 1.9, 0, 1)));
    }

    /** The world point of camera-frame point (x, y, z): R^T (X - t). */
    private static Vec3 toWorld(PinholeCalibration cal, double x, double y, double z) {
        double[] c = {x - cal.translation()[0], y - cal.translation()[1], z - cal.translation()[2]};
        double[][] r = cal.rotation();
        return new Vec3(r[0][0] * c[0] + r[1][0] * c[1] + r[2][0] * c[2], r[0][1] * c[0] + r[1][1] * c[1] + r[2][1] * c[2],
                r[0][2] * c[0] + r[1][2] * c[1] + r[2][2] * c[2]);
    }
}
