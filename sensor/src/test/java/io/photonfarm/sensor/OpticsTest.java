package io.photonfarm.sensor;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

import io.photonfarm.image.FloatImage;
import org.junit.jupiter.api.Test;

class OpticsTest {
    @Test
    void vignettingFollowsCosineFourthTimesThePolynomialFromCentreToCorner() {
        int w = 201;
        int h = 101;
        EffectiveProfile.Optics optics = new EffectiveProfile.Optics(90, new double[] {-0.2}, 0, 0);
        FloatImage out = Optics.apply(TestScenes.flat(w, h, 1, 1, 1), optics);
        assertEquals(1, out.get(100, 50, 1), 1e-6, "the centre pixel gets all the light");
        // The corner pixel's centre sits at radius r (a little inside the corner): tan θ = r tan 45°.
        double r = Math.hypot(100, 50) / Math.hypot(100.5, 50.5);
        double cos2 = 1 / (1 + r * r);
        double expected = cos2 * cos2 * (1 - 0.2 * r * r);
        assertEquals(expected, out.get(0, 0, 1), 1e-6);
        assertEquals(expected, out.get(w - 1, h - 1, 0), 1e-6, "symmetric, and the same for every channel");
    }

    @Test
    void lateralChromaticAberrationMovesRedOutwardAndLeavesGreenInPlace() {
        int w = 101;
        FloatImage dot = FloatImage.blank(w, w, 3);
        for (int c = 0; c < 3; c++) {
            dot.set(90, 50, c, 1);
        }
        // Red 2% larger: its image of the dot, 40 pixels right of the centre, lands 0.8 pixels further out.
        FloatImage out = Optics.apply(dot, new EffectiveProfile.Optics(0, new double[0], 0.02, 0));
        assertEquals(1, out.get(90, 50, 1), 0, "green is the reference");
        assertEquals(1, out.get(90, 50, 2), 0, "blue unchanged at 0 aberration");
        assertEquals(0.8, out.get(91, 50, 0), 0.02, "red shifted outward");
        assertEquals(0.2, out.get(90, 50, 0), 0.02);
        assertTrue(out.get(89, 50, 0) < 1e-6, "nothing moves inward");
    }
}
