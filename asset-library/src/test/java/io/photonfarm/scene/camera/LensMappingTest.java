package io.photonfarm.scene.camera;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

import io.photonfarm.api.camera.LensDistortion;
import io.photonfarm.api.job.JobSpecException;
import java.util.ArrayList;
import java.util.List;
import org.junit.jupiter.api.Test;

class LensMappingTest {
    /** A strong barrel lens with tangential terms, like a wide action camera's calibration. */
    static final LensDistortion BARREL = LensDistortion.brownConrady(-0.28, 0.07, 0.0012, -0.0008, 0.01);
    /** A fisheye calibration of typical size. */
    static final LensDistortion FISHEYE = LensDistortion.kannalaBrandt(0.08, -0.02, 0.004, -0.0005);

    /** Half the extent of a w x h image at vertical field of view {@code vfov} in normalised coordinates: {w/2f, h/2f}. */
    static double[] halfExtent(int w, int h, double vfov) {
        double t = Math.tan(Math.toRadians(vfov) / 2);
        return new double[] {t * w / h, t};
    }

    @Test
    void distortionIsOpenCvsBrownConradyEquationAsWrittenOut() {
        LensMapping m = LensMapping.of(BARREL);
        double worst = 0;
        for (double x = -0.9; x <= 0.9; x += 0.05) {
            for (double y = -0.7; y <= 0.7; y += 0.05) {
                double[] ours = m.distort(x, y);
                double[] cv = OpenCvLens.brownConrady(BARREL.opencvCoefficients(), x, y);
                worst = Math.max(worst, Math.max(Math.abs(ours[0] - cv[0]), Math.abs(ours[1] - cv[1])));
            }
        }
        assertTrue(worst < 1e-15, "largest difference " + worst);
    }

    @Test
    void distortionIsOpenCvsFisheyeEquationAsWrittenOut() {
        LensMapping m = LensMapping.of(FISHEYE);
        double worst = 0;
        for (double x = -2; x <= 2; x += 0.1) {
            for (double y = -1.5; y <= 1.5; y += 0.1) {
                double[] ours = m.distort(x, y);
                double[] cv = OpenCvLens.fisheye(FISHEYE.opencvCoefficients(), x, y);
                worst = Math.max(worst, Math.max(Math.abs(ours[0] - cv[0]), Math.abs(ours[1] - cv[1])));
            }
        }
        assertTrue(worst < 1e-15, "largest difference " + worst);
        assertEquals(List.of(0.08, -0.02, 0.004, -0.0005), box(FISHEYE.opencvCoefficients()));
        assertEquals(List.of(-0.28, 0.07, 0.0012, -0.0008, 0.01), box(BARREL.opencvCoefficients()));
    }

    private static List<Double> box(double[] a) {
        List<Double> out = new ArrayList<>();
        for (double v : a) {
            out.add(v);
        }
        return out;
    }

    @Test
    void theRayOfADistortedPointDistortsBackOntoItForBothModels() {
        for (LensDistortion lens : List.of(BARREL, FISHEYE)) {
            LensMapping m = LensMapping.of(lens);
            double[] half = halfExtent(640, 480, lens.isFisheye() ? 80 : 60);
            double worst = 0;
            for (int j = 0; j <= 40; j++) {
                for (int i = 0; i <= 40; i++) {
                    double xd = half[0] * (i / 20.0 - 1);
                    double yd = half[1] * (j / 20.0 - 1);
                    double[] ray = m.ray(xd, yd);
                    assertEquals(1.0, Math.sqrt(ray[0] * ray[0] + ray[1] * ray[1] + ray[2] * ray[2]), 1e-15);
                    double[] back = OpenCvLens.project(lens.model(), lens.opencvCoefficients(), 1, 1, 0, 0, ray);
                    worst = Math.max(worst, Math.hypot(back[0] - xd, back[1] - yd));
                }
            }
            assertTrue(worst < 1e-14, lens.model() + ": round trip off by " + worst);
        }
    }

    @Test
    void theShadersFixedNewtonStepsReachTheExactInverseOverAnAcceptedImage() {
        for (LensDistortion lens : List.of(BARREL, FISHEYE)) {
            LensMapping m = LensMapping.of(lens);
            double[] half = halfExtent(640, 480, lens.isFisheye() ? 80 : 60);
            List<JobSpecException.Violation> bad = new ArrayList<>();
            m.checkInvertible("camera.lens", half[0], half[1], "the test image", bad);
            assertEquals(List.of(), bad, lens.model());
            double worst = 0;
            for (int j = 0; j <= 32; j++) {
                for (int i = 0; i <= 32; i++) {
                    double xd = half[0] * (i / 16.0 - 1);
                    double yd = half[1] * (j / 16.0 - 1);
                    double[] exact = m.ray(xd, yd);
                    double[] shader = m.shaderRay(xd, yd);
                    for (int k = 0; k < 3; k++) {
                        worst = Math.max(worst, Math.abs(exact[k] - shader[k]));
                    }
                }
            }
            assertTrue(worst < 1e-12, lens.model() + ": the shader's steps stop " + worst + " short");
        }
    }

    @Test
    void aLensWhoseImageFoldsInsideTheCornerIsRefusedNamingTheField() {
        // g(r) = r - 0.5 r^3 peaks at r_d = 0.544; a 4:3 image at 90 degrees reaches r_d = 1.67 at its corner.
        LensMapping m = LensMapping.of(LensDistortion.brownConrady(-0.5, 0, 0, 0, 0));
        double[] half = halfExtent(640, 480, 90);
        List<JobSpecException.Violation> bad = new ArrayList<>();
        m.checkInvertible("camera.lens", half[0], half[1], "a 640x480 image at vfov 90 deg", bad);
        assertEquals(1, bad.size(), bad.toString());
        assertEquals("camera.lens", bad.get(0).field());
        assertTrue(bad.get(0).limit().contains("increases strictly out to the image corner"), bad.get(0).limit());
        // The same lens over a narrow image never reaches its fold: accepted.
        bad.clear();
        double[] narrow = halfExtent(640, 480, 30);
        m.checkInvertible("camera.lens", narrow[0], narrow[1], "a narrow image", bad);
        assertEquals(List.of(), bad);
    }

    @Test
    void aFisheyeThatWouldNeedRaysAtOrBeyondNinetyDegreesIsRefused() {
        // The equidistant fisheye (all k = 0) maps the corner's r_d = 2.9 to theta = 2.9 rad, past 90 degrees.
        LensMapping m = LensMapping.of(LensDistortion.kannalaBrandt(0, 0, 0, 0));
        double[] half = halfExtent(640, 480, 120);
        List<JobSpecException.Violation> bad = new ArrayList<>();
        m.checkInvertible("camera.lens", half[0], half[1], "a 640x480 image at vfov 120 deg", bad);
        assertEquals(1, bad.size(), bad.toString());
        assertEquals("camera.lens", bad.get(0).field());
        assertTrue(bad.get(0).limit().contains("below 90 degrees"), bad.get(0).limit());
    }

    @Test
    void aFoldTheSlopeSamplesCouldStepOverIsStillFound() {
        // k1 < 0 and k2 > 0 tuned so that g'(r) = 1 - 2.4 r^2 + 1.44 r^4 = (1 - 1.2 r^2)^2 touches 0 only at r = 0.913.
        LensMapping m = LensMapping.of(LensDistortion.brownConrady(-0.8, 0.288, 0, 0, 0));
        assertEquals(Double.NaN, m.increasingUpTo(m.radial(2.0)));
        assertTrue(m.increasingUpTo(m.radial(0.8)) > 0.8, "increasing below the touching point");
    }
}
