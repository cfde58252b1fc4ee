package io.photonfarm.scene.procedural;

import static org.junit.jupiter.api.Assertions.assertArrayEquals;
import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertTrue;

import io.photonfarm.image.FloatImage;
import io.photonfarm.scene.Environment;
import io.photonfarm.scene.Rgb;
import io.photonfarm.scene.Texture;
import java.util.Arrays;
import org.junit.jupiter.api.Test;

class ProceduralLookTest {

    /** Irradiance of the map on a surface with unit normal n, by summing texels (solid angle x cosine). */
    private static double[] irradiance(FloatImage img, double[] n) {
        double[] e = new double[3];
        for (int y = 0; y < img.height(); y++) {
            double theta = Math.PI * (y + 0.5) / img.height();
            for (int x = 0; x < img.width(); x++) {
                double phi = 2 * Math.PI * (x + 0.5) / img.width();
                double[] d = {Math.sin(theta) * Math.cos(phi), Math.cos(theta), Math.sin(theta) * Math.sin(phi)};
                double cos = d[0] * n[0] + d[1] * n[1] + d[2] * n[2];
                if (cos > 0) {
                    double dw = (2 * Math.PI / img.width()) * (Math.PI / img.height()) * Math.sin(theta);
                    for (int c = 0; c < 3; c++) {
                        e[c] += img.get(x, y, c) * cos * dw;
                    }
                }
            }
        }
        return e;
    }

    @Test
    void theSunDiscDeliversTheRequestedIrradianceOnASurfaceFacingIt() {
        double el = Math.toRadians(40);
        double az = Math.toRadians(120);
        double[] towardsSun = {Math.cos(el) * Math.cos(az), Math.sin(el), Math.cos(el) * Math.sin(az)};
        FloatImage withSun = ProceduralSky.sky(40, 120, 5, 0).image();
        double[] e = irradiance(withSun, towardsSun);
        // Red is the sun's reference channel (colour (1, g, b) with g, b <= 1); the disc's texels are
        // within a few degrees of the normal, so the cosine costs less than 0.2%.
        assertEquals(5, e[0], 5 * 0.002);
    }

    @Test
    void theSunIsWhereItsElevationAndAzimuthSay() {
        FloatImage img = ProceduralSky.sky(30, 90, 5, 0.2).image();
        int bx = 0;
        int by = 0;
        for (int y = 0; y < img.height(); y++) {
            for (int x = 0; x < img.width(); x++) {
                if (img.get(x, y, 0) > img.get(bx, by, 0)) {
                    bx = x;
                    by = y;
                }
            }
        }
        double elevation = 90 - 180.0 * (by + 0.5) / img.height();
        double azimuth = 360.0 * (bx + 0.5) / img.width();
        assertEquals(30, elevation, 2.5);
        assertEquals(90, azimuth, 2.5);
    }

    @Test
    void theSkyIsBlueAboveAndDimBelowTheHorizon() {
        Environment.Map sky = ProceduralSky.sky(60, 0, 0, 1);
        FloatImage img = sky.image();
        assertTrue(img.get(10, 0, 2) > img.get(10, 0, 0), "zenith bluer than red");
        assertTrue(img.get(10, img.height() - 1, 2) < img.get(10, 0, 2), "ground darker than sky");
    }

    @Test
    void daylightIsNearlyWhiteCandleLightRedAndSkyLightBlue() {
        Rgb d65ish = ColourTemperature.of(6504);
        assertEquals(1, d65ish.r(), 0.06);
        assertEquals(1, d65ish.g(), 0.06);
        assertEquals(1, d65ish.b(), 0.06);
        Rgb warm = ColourTemperature.of(2700);
        assertTrue(warm.r() > warm.g() && warm.g() > warm.b());
        Rgb cold = ColourTemperature.of(12000);
        assertTrue(cold.b() > cold.g() && cold.g() > cold.r());
        assertEquals(1, warm.luminance(), 1e-5);
    }

    @Test
    void aBakedTextureIsAPureFunctionOfItsSpecAndTiles() {
        for (ProceduralTextures.Kind kind : ProceduralTextures.Kind.values()) {
            var spec = new ProceduralTextures.Spec(kind, 3, new Rgb(0.8f, 0.6f, 0.4f), new Rgb(0.2f, 0.1f, 0.05f), 42);
            Texture a = ProceduralTextures.bake(spec, "t");
            Texture b = ProceduralTextures.bake(spec, "t");
            assertArrayEquals(a.rgba(), b.rgba(), kind + " deterministic");
            assertFalse(allEqual(a.rgba()), kind + " has a pattern");
            // Tiling: the step across the wrap (last column to first) is no larger than the largest
            // step between neighbouring columns inside the texture.
            assertTrue(maxStep(a, ProceduralTextures.SIZE - 1, 0) <= maxInnerStep(a) + 1, kind + " tiles in u");
        }
    }

    @Test
    void differentSeedsGiveDifferentNoise() {
        var s1 = new ProceduralTextures.Spec(ProceduralTextures.Kind.NOISE, 2, Rgb.WHITE, Rgb.BLACK, 1);
        var s2 = new ProceduralTextures.Spec(ProceduralTextures.Kind.NOISE, 2, Rgb.WHITE, Rgb.BLACK, 2);
        assertFalse(Arrays.equals(ProceduralTextures.bake(s1, "a").rgba(), ProceduralTextures.bake(s2, "b").rgba()));
    }

    private static boolean allEqual(byte[] rgba) {
        for (int i = 4; i < rgba.length; i += 4) {
            if (rgba[i] != rgba[0]) {
                return false;
            }
        }
        return true;
    }

    private static int maxStep(Texture t, int x0, int x1) {
        int max = 0;
        for (int y = 0; y < t.height(); y++) {
            int a = t.rgba()[4 * (y * t.width() + x0)] & 0xFF;
            int b = t.rgba()[4 * (y * t.width() + x1)] & 0xFF;
            max = Math.max(max, Math.abs(a - b));
        }
        return max;
    }

    private static int maxInnerStep(Texture t) {
        int max = 0;
        for (int x = 0; x + 1 < t.width(); x++) {
            max = Math.max(max, maxStep(t, x, x + 1));
        }
        return max;
    }
}
