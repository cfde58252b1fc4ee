package io.photonfarm.node.render;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

import io.photonfarm.image.FloatImage;
import io.photonfarm.scene.Rgb;
import io.photonfarm.scene.Scene;
import io.photonfarm.scene.builtin.BuiltinScenes;
import org.junit.jupiter.api.AfterAll;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;

/**
 * A white (albedo 1) diffuse object inside a uniform environment of radiance L must look exactly
 * like the environment: every pixel, on the object or not, has expected value L. Noise bound: the
 * image mean within 0.5% of L (hundreds of pixels of 32 samples), and every pixel within 35%.
 */
class WhiteFurnaceTest {
    static final Rgb ENV = new Rgb(0.5f, 0.5f, 0.5f);
    static RenderFixture fx;

    @BeforeAll
    static void open() {
        fx = new RenderFixture();
    }

    @AfterAll
    static void close() {
        fx.close();
    }

    void assertFurnace(boolean nee) {
        Scene scene = BuiltinScenes.whiteFurnace(ENV);
        FrameSettings settings = FrameSettings.of(40, 40, 3, 16, nee, scene.camera().orElseThrow());
        try (GpuScene gpu = fx.load(scene)) {
            FloatImage img = fx.render(gpu, settings, 32).toImage();
            double sum = 0;
            double worst = 0;
            for (int y = 0; y < 40; y++) {
                for (int x = 0; x < 40; x++) {
                    for (int c = 0; c < 3; c++) {
                        double v = img.get(x, y, c);
                        sum += v;
                        worst = Math.max(worst, Math.abs(v - 0.5) / 0.5);
                    }
                }
            }
            double mean = sum / (40 * 40 * 3);
            assertEquals(0.5, mean, 0.0025, "mean radiance of the furnace image");
            assertTrue(worst < 0.35, "worst pixel relative error " + worst);
            // The object covers the image centre; its pixels must not be darker (energy loss) on average.
            double centre = 0;
            for (int y = 15; y < 25; y++) {
                for (int x = 15; x < 25; x++) {
                    centre += img.get(x, y, 0);
                }
            }
            assertEquals(0.5, centre / 100, 0.01, "mean radiance on the object");
        }
    }

    @Test
    void aWhiteDiffuseSphereInAUniformEnvironmentReturnsTheEnvironmentWithLightSampling() {
        assertFurnace(true);
    }

    @Test
    void aWhiteDiffuseSphereInAUniformEnvironmentReturnsTheEnvironmentWithPurePathTracing() {
        assertFurnace(false);
    }
}
