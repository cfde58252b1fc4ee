package io.photonfarm.node.render;

import static org.junit.jupiter.api.Assertions.assertArrayEquals;
import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertTrue;

import io.photonfarm.api.camera.CameraMotion;
import io.photonfarm.api.tile.SampleRange;
import io.photonfarm.api.tile.TileRect;
import io.photonfarm.api.work.Vec3;
import io.photonfarm.image.FloatImage;
import io.photonfarm.scene.CameraSpec;
import io.photonfarm.scene.Environment;
import io.photonfarm.scene.Instance;
import io.photonfarm.scene.Material;
import io.photonfarm.scene.Rgb;
import io.photonfarm.scene.Scene;
import io.photonfarm.scene.builtin.MeshBuilder;
import java.util.List;
import java.util.Optional;
import java.util.function.DoubleFunction;
import org.joml.Matrix4f;
import org.joml.Vector3f;
import org.junit.jupiter.api.AfterAll;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;

/**
 * Motion blur on the real backend (lavapipe in CI). A black, thin box faces the camera in front of a
 * white environment, with no bounces: a sample is 1 where its ray misses the box at its time and 0 where
 * it meets it, so a pixel's mean is exactly the share of (film position, shutter time) the box leaves
 * uncovered. That share is computed here independently (the box's edges projected at each time, the
 * pixel's film and the shutter integrated on a fine grid) and compared with the rendered columns.
 */
class MotionBlurRenderTest {
    static final int W = 64;
    static final int H = 32;
    static final int SPP = 64;
    static final float VFOV = 20f;
    static final float HALF = 0.1f;
    /** Depth of the box's front face from the camera, metres (the silhouette is the front face's). */
    static final double FRONT = 1.99;
    static final double FY = (H / 2.0) / Math.tan(Math.toRadians(VFOV / 2));
    static final CameraSpec CAMERA = new CameraSpec(new Vector3f(0, 0, 2), new Vector3f(0, 0, 0), new Vector3f(0, 1, 0),
            VFOV, 0f, 0f);
    /** Metres per frame interval the box moves along +x (about 13.7 px of image motion). */
    static final float SPEED = 0.3f;

    static RenderFixture fx;

    @BeforeAll
    static void open() {
        fx = new RenderFixture(4);
    }

    @AfterAll
    static void close() {
        fx.close();
    }

    static Scene scene(boolean moving) {
        MeshBuilder box = new MeshBuilder().addBox(new Vector3f(-HALF, -HALF, -0.01f), new Vector3f(HALF, HALF, 0.01f), 0);
        Instance still = new Instance(0, new Matrix4f(), "box", "box");
        Matrix4f velocity = new Matrix4f().zero();
        velocity.m30(SPEED); // d(translation x) per frame interval
        return new Scene(List.of(box.build("box")), List.of(Material.diffuse("black", Rgb.BLACK)), List.of(),
                List.of(moving ? still.moving(velocity) : still), Optional.of(CAMERA), new Environment.Constant(Rgb.WHITE));
    }

    static FrameBuffer render(Scene scene, CameraSpec camera, int spp) {
        try (GpuScene gpu = fx.load(scene)) {
            FrameSettings settings = new FrameSettings(W, H, 0, 11, 0, true, 3, camera, true);
            return new FrameRenderer(fx.backend, 16, 4).render(gpu, settings, spp, r -> { });
        }
    }

    /** Mean radiance of column u over rows 12..19, which the box spans fully (film y 11.4..20.6). */
    static double[] columns(FloatImage image) {
        double[] out = new double[W];
        for (int u = 0; u < W; u++) {
            for (int v = 12; v < 20; v++) {
                out[u] += image.get(u, v, 0) / 8.0;
            }
        }
        return out;
    }

    /**
     * The expected column means: 1 minus the share of (film x in [u, u+1), s in [-shutter/2, shutter/2])
     * where film x lies between the box's edges at time s, given as film positions by {@code edges}.
     */
    static double[] expected(double shutter, DoubleFunction<double[]> edges) {
        int steps = 400;
        double[] out = new double[W];
        for (int i = 0; i < steps; i++) {
            double s = shutter * ((i + 0.5) / steps - 0.5);
            double[] e = edges.apply(s);
            for (int u = 0; u < W; u++) {
                double covered = Math.max(0, Math.min(u + 1, e[1]) - Math.max(u, e[0]));
                out[u] += (1 - covered) / steps;
            }
        }
        return out;
    }

    /** Film x of the box's left and right edges when it has moved {@code dx} metres along +x. */
    static double[] translatedEdges(double dx) {
        return new double[] {W / 2.0 + FY * (dx - HALF) / FRONT, W / 2.0 + FY * (dx + HALF) / FRONT};
    }

    static void assertProfile(double[] expected, double[] actual, String what) {
        double worst = 0;
        for (int u = 0; u < W; u++) {
            worst = Math.max(worst, Math.abs(expected[u] - actual[u]));
        }
        assertTrue(worst < 0.03, what + ": a column is " + worst + " off the analytic blur");
    }

    static int partial(double[] columns) {
        int n = 0;
        for (double c : columns) {
            n += c > 0.02 && c < 0.98 ? 1 : 0;
        }
        return n;
    }

    @Test
    void aMovingObjectIsSmearedAlongItsPathAsTheShutterIntegratesIt() {
        FrameBuffer still = render(scene(false), CAMERA.withMotion(CameraMotion.still(1)), SPP);
        FrameBuffer blurred = render(scene(true), CAMERA.withMotion(CameraMotion.still(1)), SPP);
        double[] s = columns(still.toImage());
        double[] b = columns(blurred.toImage());
        assertProfile(expected(0, x -> translatedEdges(0)), s, "still box");
        assertProfile(expected(1, x -> translatedEdges(SPEED * x)), b, "moving box");
        // 13.7 px of motion: the blurred edges are ramps about 14 px wide each; the still ones are single pixels.
        assertTrue(partial(s) <= 2, "the still box has " + partial(s) + " partly covered columns");
        assertTrue(partial(b) >= 20, "the moving box has only " + partial(b) + " partly covered columns");
    }

    @Test
    void aHalfOpenShutterBlursHalfAsFar() {
        FrameBuffer blurred = render(scene(true), CAMERA.withMotion(CameraMotion.still(0.5)), SPP);
        assertProfile(expected(0.5, x -> translatedEdges(SPEED * x)), columns(blurred.toImage()), "shutter 0.5");
    }

    @Test
    void aCameraMovingTheOtherWayBlursTheStillObjectAlike() {
        Vec3 zero = new Vec3(0, 0, 0);
        CameraSpec moving = CAMERA.withMotion(new CameraMotion(new Vec3(-SPEED, 0, 0), zero, zero, 1));
        FrameBuffer blurred = render(scene(false), moving, SPP);
        assertProfile(expected(1, x -> translatedEdges(SPEED * x)), columns(blurred.toImage()), "moving camera");
    }

    @Test
    void aPanningCameraBlursByTheAnglesItTurnsThrough() {
        double rate = 0.08; // rad per frame interval about +y through the lens centre: the view turns left
        CameraSpec panning = CAMERA.withMotion(new CameraMotion(new Vec3(0, 0, 0), new Vec3(0, rate, 0), new Vec3(0, 0, 2), 1));
        FrameBuffer blurred = render(scene(false), panning, SPP);
        double[] expected = expected(1, s -> {
            // Camera axes turned by rate * s about +y: right (cos, 0, -sin), forward (-sin, 0, -cos).
            double a = rate * s;
            double[] e = new double[2];
            for (int k = 0; k < 2; k++) {
                double x = k == 0 ? -HALF : HALF;
                double z = -FRONT; // the edge relative to the camera
                double right = x * Math.cos(a) - z * Math.sin(a);
                double forward = -x * Math.sin(a) - z * Math.cos(a);
                e[k] = W / 2.0 + FY * right / forward;
            }
            return e;
        });
        double[] actual = columns(blurred.toImage());
        assertProfile(expected, actual, "panning camera");
        // 0.08 rad at fy 90.7 px is about 7.3 px of motion: two ramps of about 7 columns.
        assertTrue(partial(actual) >= 12, "the pan blurs " + partial(actual) + " columns only");
    }

    @Test
    void labelsAreTheSceneAtTheMiddleOfTheExposure() {
        FrameBuffer still = render(scene(false), CAMERA, 4);
        Vec3 zero = new Vec3(0, 0, 0);
        FrameBuffer movingObject = render(scene(true), CAMERA.withMotion(CameraMotion.still(1)), 4);
        FrameBuffer movingCamera = render(scene(false), CAMERA.withMotion(new CameraMotion(new Vec3(-SPEED, 0, 0),
                new Vec3(0, 0.05, 0), zero, 1)), 4);
        assertArrayEquals(still.labels(), movingObject.labels(), "labels of the moving object");
        assertArrayEquals(still.labels(), movingCamera.labels(), "labels of the moving camera");
        assertFalse(java.util.Arrays.equals(still.sums(), movingObject.sums()), "the radiance is blurred");
    }

    @Test
    void aClosedShutterRendersAMovingObjectBitForBitAsAStillOne() {
        FrameBuffer still = render(scene(false), CAMERA, 8);
        FrameBuffer instant = render(scene(true), CAMERA.withMotion(CameraMotion.still(0)), 8);
        assertArrayEquals(still.sums(), instant.sums());
    }

    @Test
    void blurredTilesAndSampleRangesAddUpToTheWholeRenderBitForBit() {
        Scene scene = scene(true);
        CameraSpec camera = CAMERA.withMotion(new CameraMotion(new Vec3(0.1, 0, 0), new Vec3(0, 0.03, 0),
                new Vec3(0, 0, 0), 0.8));
        FrameSettings settings = new FrameSettings(W, H, 3, 5, 2, true, 3, camera, false);
        try (GpuScene gpu = fx.load(scene)) {
            FrameBuffer whole = new FrameBuffer(W, H);
            whole.add(fx.backend.render(gpu, settings, new TileRect(0, 0, W, H), new SampleRange(0, 12)));
            FrameBuffer parts = new FrameBuffer(W, H);
            for (int[] r : new int[][] {{5, 7}, {0, 5}}) { // (first, count)
                parts.add(fx.backend.render(gpu, settings, new TileRect(0, 0, 23, H), new SampleRange(r[0], r[1])));
                parts.add(fx.backend.render(gpu, settings, new TileRect(23, 0, W - 23, H), new SampleRange(r[0], r[1])));
            }
            assertArrayEquals(whole.sums(), parts.sums());
            assertFalse(java.util.Arrays.stream(whole.sums()).allMatch(v -> v == 0), "the image is not black");
        }
    }
}
