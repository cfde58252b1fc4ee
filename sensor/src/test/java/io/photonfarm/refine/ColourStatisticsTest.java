package io.photonfarm.refine;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

import io.photonfarm.api.camera.RefinerSpec;
import io.photonfarm.image.FloatImage;
import org.junit.jupiter.api.Test;

class ColourStatisticsTest {
    /** {means L*, a*, b*; deviations L*, a*, b*} of an RGB image. */
    private static double[][] labStatistics(FloatImage img) {
        int n = img.width() * img.height();
        double[] sum = new double[3];
        double[] sq = new double[3];
        double[] lab = new double[3];
        for (int i = 0; i < n; i++) {
            Colour.srgbToLab(img.data()[i * 3], img.data()[i * 3 + 1], img.data()[i * 3 + 2], lab);
            for (int c = 0; c < 3; c++) {
                sum[c] += lab[c];
                sq[c] += lab[c] * lab[c];
            }
        }
        double[][] out = new double[2][3];
        for (int c = 0; c < 3; c++) {
            out[0][c] = sum[c] / n;
            out[1][c] = Math.sqrt(sq[c] / n - out[0][c] * out[0][c]);
        }
        return out;
    }

    private static Cdf distribution(FloatImage img, int ch) {
        double[] h = new double[Cdf.BINS];
        Cdf.add(img.data(), ch, img.channels(), 1, h);
        return Cdf.of(h);
    }

    @Test
    void colourTransferMatchesTargetMeansAndDeviationsInCielab() {
        FloatImage source = TestImages.smoothFrame(120, 90, 3, 21);
        TargetDomain target = TestImages.SMALL_TARGET;
        double[][] before = labStatistics(source);
        try (Refiner r = Refiners.create(RefinerSpec.reinhard(), target, null)) {
            double[][] after = labStatistics(r.refine(source, 1, 0));
            for (int c = 0; c < 3; c++) {
                // Within half a unit of L*, a* or b* (a just noticeable difference is about 2.3) and 2 % of the
                // deviation; only clamping out-of-gamut colours back into sRGB keeps them from matching exactly.
                assertEquals(target.labMean()[c], after[0][c], 0.5, "mean of channel " + c);
                assertEquals(target.labStdDev()[c], after[1][c], 0.02 * target.labStdDev()[c], "deviation of channel " + c);
                assertTrue(Math.abs(target.labMean()[c] - before[0][c]) > 3 || Math.abs(target.labStdDev()[c] - before[1][c]) > 3,
                        "channel " + c + " was already like the target");
            }
        }
    }

    @Test
    void colourTransferOfAGreyFrameMatchesLightness() {
        FloatImage grey = TestImages.smoothFrame(60, 40, 1, 22);
        try (Refiner r = Refiners.create(RefinerSpec.reinhard(), TestImages.SMALL_TARGET, null)) {
            FloatImage out = r.refine(grey, 1, 0);
            double sum = 0;
            double sq = 0;
            for (float v : out.data()) {
                double l = Colour.greyToLightness(v);
                sum += l;
                sq += l * l;
            }
            double mean = sum / out.data().length;
            assertEquals(TestImages.SMALL_TARGET.labMean()[0], mean, 1.0);
            assertEquals(TestImages.SMALL_TARGET.labStdDev()[0], Math.sqrt(sq / out.data().length - mean * mean), 1.0);
        }
    }

    @Test
    void histogramMatchingMakesEveryChannelsDistributionTheTargets() {
        FloatImage source = TestImages.smoothFrame(120, 90, 3, 23);
        try (Refiner r = Refiners.create(RefinerSpec.histogram(), TestImages.SMALL_TARGET, null)) {
            FloatImage out = r.refine(source, 1, 0);
            for (int c = 0; c < 3; c++) {
                Cdf wanted = TestImages.SMALL_TARGET.distribution(c, false);
                double before = distribution(source, c).ksDistance(wanted);
                double after = distribution(out, c).ksDistance(wanted);
                assertTrue(before > 0.2, "channel " + c + " started at KS distance " + before);
                assertTrue(after < 0.005, "channel " + c + " ended at KS distance " + after);
            }
        }
    }

    @Test
    void histogramMatchingOfAGreyFrameMatchesTheTargetsLuma() {
        FloatImage grey = TestImages.smoothFrame(60, 40, 1, 24);
        try (Refiner r = Refiners.create(RefinerSpec.histogram(), TestImages.SMALL_TARGET, null)) {
            double after = distribution(r.refine(grey, 1, 0), 0).ksDistance(TestImages.SMALL_TARGET.distribution(0, true));
            assertTrue(after < 0.02, "KS distance " + after);
        }
    }

    @Test
    void halfStrengthLandsHalfwayBetweenTheFrameAndItsRefinement() {
        FloatImage source = TestImages.smoothFrame(30, 20, 3, 25);
        try (Refiner full = Refiners.create(RefinerSpec.histogram(), TestImages.SMALL_TARGET, null);
             Refiner half = Refiners.create(RefinerSpec.histogram().withStrength(0.5), TestImages.SMALL_TARGET, null)) {
            FloatImage a = full.refine(source, 1, 0);
            FloatImage b = half.refine(source, 1, 0);
            for (int i = 0; i < source.data().length; i++) {
                assertEquals((source.data()[i] + a.data()[i]) / 2, b.data()[i], 1e-6);
            }
        }
    }
}
