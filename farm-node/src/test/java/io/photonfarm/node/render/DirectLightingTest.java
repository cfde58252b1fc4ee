package io.photonfarm.node.render;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

import io.photonfarm.image.FloatImage;
import io.photonfarm.scene.CameraSpec;
import io.photonfarm.scene.Environment;
import io.photonfarm.scene.Instance;
import io.photonfarm.scene.Material;
import io.photonfarm.scene.Mesh;
import io.photonfarm.scene.Rgb;
import io.photonfarm.scene.Scene;
import java.util.List;
import java.util.Optional;
import org.joml.Vector3d;
import org.joml.Vector3f;
import org.junit.jupiter.api.AfterAll;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;

/**
 * A diffuse plane (albedo rho) lit by a small square emitter of radiance Le facing down, one
 * bounce: the rendered radiance is rho / pi * E(x), with E the irradiance from a uniform polygon
 * (Lambert's formula: E = Le / 2 * sum over edges of angle(r_i, r_i+1) * (n . unit(r_i x r_i+1))).
 */
class DirectLightingTest {
    static final float RHO = 0.8f;
    static final float LE = 20f;
    static final float HALF = 0.15f;     // light half-size, m
    static final float HEIGHT = 1.0f;    // light height above the plane, m
    static final int W = 48;
    static final int H = 36;
    static RenderFixture fx;

    @BeforeAll
    static void open() {
        fx = new RenderFixture();
    }

    @AfterAll
    static void close() {
        fx.close();
    }

    static Scene planeUnderLight(boolean doubleSidedPlane) {
        // Plane y = 0, 40 m wide, normal +y (counter-clockwise seen from above).
        float s = 20f;
        Mesh plane = new Mesh("plane", new float[] {-s, 0, -s, -s, 0, s, s, 0, s, s, 0, -s},
                null, null, null, new int[] {0, 1, 2, 0, 2, 3}, new int[] {0, 0});
        // Light at y = HEIGHT, normal -y (counter-clockwise seen from below).
        float h = HALF;
        Mesh light = new Mesh("light", new float[] {-h, HEIGHT, -h, h, HEIGHT, -h, h, HEIGHT, h, -h, HEIGHT, h},
                null, null, null, new int[] {0, 1, 2, 0, 2, 3}, new int[] {1, 1});
        Material floor = new Material("floor", new Rgb(RHO, RHO, RHO), 1f, 0f, 1f, 1.5f, 0f, 0f, Rgb.BLACK,
                -1, -1, -1, -1, 1f, doubleSidedPlane);
        Material lamp = Material.emitter("lamp", Rgb.BLACK, new Rgb(LE, LE, LE));
        CameraSpec cam = CameraSpec.pinhole(new Vector3f(0, 0.5f, 2f), new Vector3f(0, 0, 0), 30f);
        return new Scene(List.of(plane, light), List.of(floor, lamp), List.of(),
                List.of(Instance.identity(0), Instance.identity(1)), Optional.of(cam), Environment.black());
    }

    /** Irradiance at point x on the plane (normal +y) from the light polygon. */
    static double irradiance(Vector3d x) {
        double[][] v = {{-HALF, HEIGHT, -HALF}, {HALF, HEIGHT, -HALF}, {HALF, HEIGHT, HALF}, {-HALF, HEIGHT, HALF}};
        Vector3d n = new Vector3d(0, 1, 0);
        double sum = 0;
        for (int i = 0; i < 4; i++) {
            Vector3d a = new Vector3d(v[i][0], v[i][1], v[i][2]).sub(x).normalize();
            Vector3d b = new Vector3d(v[(i + 1) % 4][0], v[(i + 1) % 4][1], v[(i + 1) % 4][2]).sub(x).normalize();
            double angle = Math.acos(Math.max(-1, Math.min(1, a.dot(b))));
            Vector3d c = new Vector3d(a).cross(b).normalize();
            sum += angle * n.dot(c);
        }
        return LE * 0.5 * Math.abs(sum);
    }

    /** The expected pixel value: rho / pi * E averaged over the pixel's footprint (box filter). */
    static double expectedPixel(FrameSettings f, int px, int py) {
        CameraSpec cam = f.camera();
        Vector3d pos = new Vector3d(cam.position().x(), cam.position().y(), cam.position().z());
        Vector3d fwd = new Vector3d(cam.lookAt().x(), cam.lookAt().y(), cam.lookAt().z()).sub(pos).normalize();
        Vector3d right = new Vector3d(fwd).cross(0, 1, 0).normalize();
        Vector3d up = new Vector3d(right).cross(fwd).normalize();
        double tanHalf = Math.tan(Math.toRadians(cam.vfovDeg()) / 2);
        double aspect = (double) f.width() / f.height();
        int n = 8;
        double sum = 0;
        for (int j = 0; j < n; j++) {
            for (int i = 0; i < n; i++) {
                double u = px + (i + 0.5) / n;
                double v = py + (j + 0.5) / n;
                double sx = (2 * u / f.width() - 1) * tanHalf * aspect;
                double sy = (1 - 2 * v / f.height()) * tanHalf;
                Vector3d d = new Vector3d(fwd).add(new Vector3d(right).mul(sx)).add(new Vector3d(up).mul(sy)).normalize();
                if (d.y >= 0) {
                    continue;
                }
                double t = -pos.y / d.y;
                Vector3d x = new Vector3d(pos).add(new Vector3d(d).mul(t));
                if (Math.abs(x.x) > 20 || Math.abs(x.z) > 20) {
                    continue;
                }
                sum += RHO / Math.PI * irradiance(x);
            }
        }
        return sum / (n * n);
    }

    @Test
    void aPlaneUnderASmallAreaLightMatchesTheClosedForm() {
        FrameSettings settings = FrameSettings.of(W, H, 7, 1, true, planeUnderLight(false).camera().orElseThrow());
        int spp = 64;
        try (GpuScene scene = fx.load(planeUnderLight(false))) {
            FloatImage img = fx.render(scene, settings, spp).toImage();
            double sumRendered = 0;
            double sumExpected = 0;
            int compared = 0;
            double worst = 0;
            for (int y = 0; y < H; y++) {
                for (int x = 0; x < W; x++) {
                    double expected = expectedPixel(settings, x, y);
                    if (expected < 0.05) {
                        continue; // far from the light: too dark for a relative comparison
                    }
                    double got = img.get(x, y, 1);
                    // Per pixel: 64 stratified NEE samples of a small light are within a few percent.
                    worst = Math.max(worst, Math.abs(got - expected) / expected);
                    sumRendered += got;
                    sumExpected += expected;
                    compared++;
                }
            }
            assertTrue(compared > W * H / 3, "compared " + compared + " pixels");
            assertTrue(worst < 0.06, "worst per-pixel relative error " + worst);
            // Over hundreds of pixels the mean is far tighter than one pixel.
            assertEquals(1.0, sumRendered / sumExpected, 0.005, "image mean relative to the closed form");
        }
    }

    @Test
    void pathTracingWithoutLightSamplingConvergesToTheSameClosedForm() {
        FrameSettings settings = FrameSettings.of(W, H, 7, 1, false, planeUnderLight(false).camera().orElseThrow());
        try (GpuScene scene = fx.load(planeUnderLight(false))) {
            FloatImage img = fx.render(scene, settings, 256).toImage();
            double sumRendered = 0;
            double sumExpected = 0;
            for (int y = 0; y < H; y++) {
                for (int x = 0; x < W; x++) {
                    double expected = expectedPixel(settings, x, y);
                    if (expected < 0.05) {
                        continue;
                    }
                    sumRendered += img.get(x, y, 1);
                    sumExpected += expected;
                }
            }
            // BSDF sampling alone finds a small light rarely: noisier, so a wider bound on the mean.
            assertEquals(1.0, sumRendered / sumExpected, 0.03, "image mean relative to the closed form");
        }
    }
}
