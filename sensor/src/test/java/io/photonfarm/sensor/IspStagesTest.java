package io.photonfarm.sensor;

import static org.junit.jupiter.api.Assertions.assertArrayEquals;
import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

import io.photonfarm.image.FloatImage;
import org.junit.jupiter.api.Test;

class IspStagesTest {
    @Test
    void sharpeningLeavesAFlatImageAloneAndOvershootsAStepEdge() {
        FloatImage flat = TestScenes.flat(20, 10, 0.3, 0.5, 0.7);
        assertArrayEquals(flat.data(), Sharpen.apply(flat, 1.5, 1.0).data(), 1e-6f);
        FloatImage step = FloatImage.blank(20, 10, 1);
        for (int y = 0; y < 10; y++) {
            for (int x = 10; x < 20; x++) {
                step.set(x, y, 0, 0.6f);
            }
        }
        FloatImage sharp = Sharpen.apply(step, 1.0, 1.0);
        assertTrue(sharp.get(10, 5, 0) > 0.6f, "bright side overshoots: " + sharp.get(10, 5, 0));
        assertEquals(0f, sharp.get(9, 5, 0), 0f, "dark side undershoots, clipped at 0");
        assertEquals(0.6f, sharp.get(19, 5, 0), 1e-6f, "far from the edge nothing changes");
    }

    @Test
    void sharpeningMatchesTheUnsharpMaskFormulaAtAnInteriorPixel() {
        FloatImage img = TestScenes.smooth(24, 24);
        double sigma = 1.3;
        double amount = 0.8;
        int radius = (int) Math.ceil(3 * sigma);
        double blur = 0;
        double weights = 0;
        for (int dy = -radius; dy <= radius; dy++) {
            for (int dx = -radius; dx <= radius; dx++) {
                double wgt = Math.exp(-0.5 * (dx * dx + dy * dy) / (sigma * sigma));
                blur += wgt * img.get(12 + dx, 11 + dy, 1);
                weights += wgt;
            }
        }
        double v = img.get(12, 11, 1);
        double expected = Math.max(0, Math.min(1, v + amount * (v - blur / weights)));
        assertEquals(expected, Sharpen.apply(img, amount, sigma).get(12, 11, 1), 1e-5);
    }

    @Test
    void theDisplayTransformFollowsTheSrgbCurveAndAPowerLaw() {
        DisplayTransform srgb = new DisplayTransform(null, 0, false, 0);
        DisplayTransform power = new DisplayTransform(null, 2.2, false, 0);
        for (double x : new double[] {0, 0.001, 0.0031308, 0.01, 0.18, 0.5, 0.9, 1, 1.5}) {
            FloatImage grey = new FloatImage(1, 1, 1, new float[] {(float) x});
            double clipped = Math.min(x, 1);
            assertEquals(DisplayTransform.transfer(clipped, 0), srgb.apply(grey).data()[0], 2e-6, "sRGB at " + x);
            assertEquals(Math.pow(clipped, 1 / 2.2), power.apply(grey).data()[0], 2e-5, "gamma 2.2 at " + x);
        }
        assertEquals(0.5, DisplayTransform.transfer(0.214041140, 0), 1e-6, "sRGB mid grey");
    }

    @Test
    void theDefaultColourCorrectionUndoesTheSensorsResponseAfterWhiteBalance() {
        double[] response = {0.42, 0.12, 0.01, 0.08, 0.85, 0.07, 0.01, 0.14, 0.55};
        double[] gains = EffectiveProfile.responseGains(response);
        double[] ccm = EffectiveProfile.defaultCcm(response);
        double[] scene = {0.2, 0.5, 0.3};
        double[] camera = new double[3];
        for (int c = 0; c < 3; c++) {
            camera[c] = gains[c] * (response[3 * c] * scene[0] + response[3 * c + 1] * scene[1] + response[3 * c + 2] * scene[2]);
        }
        double greenWhite = response[3] + response[4] + response[5];
        for (int c = 0; c < 3; c++) {
            double back = ccm[3 * c] * camera[0] + ccm[3 * c + 1] * camera[1] + ccm[3 * c + 2] * camera[2];
            // Colours come back exactly, at the level green sees white.
            assertEquals(scene[c] * greenWhite, back, 1e-12, "channel " + c);
            assertEquals(1, ccm[3 * c] + ccm[3 * c + 1] + ccm[3 * c + 2], 1e-12, "row " + c + " keeps white white");
        }
    }
}
