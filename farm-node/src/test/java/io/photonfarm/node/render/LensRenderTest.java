package io.photonfarm.node.render;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

import io.photonfarm.api.camera.LensDistortion;
import io.photonfarm.api.job.JobSpecException;
import io.photonfarm.api.tile.LabelRecord;
import io.photonfarm.labels.PinholeCalibration;
import io.photonfarm.labels.raycast.Ray;
import io.photonfarm.labels.raycast.RayHit;
import io.photonfarm.labels.raycast.SceneRaycaster;
import io.photonfarm.scene.CameraSpec;
import io.photonfarm.scene.Environment;
import io.photonfarm.scene.Material;
import io.photonfarm.scene.Rgb;
import io.photonfarm.scene.Scene;
import io.photonfarm.scene.builtin.LabelTestScenes;
import io.photonfarm.scene.camera.LensMapping;
import java.util.ArrayList;
import java.util.List;
import org.joml.Vector3f;
import org.junit.jupiter.api.AfterAll;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;

/**
 * Frames rendered through distorting lenses on the real backend (lavapipe in CI): the panel and ball of
 * {@link LabelTestScenes#planeAndSphere()}, made emitters on a black background (panel green, ball red,
 * nothing reflects, no bounces), so a sample's radiance says exactly which object its camera ray met
 * first. The same scene is rendered without distortion, with Brown-Conrady and with Kannala-Brandt.
 */
class LensRenderTest {
    static final int W = 64;
    static final int H = 48;
    static final int SPP = 4;
    static final LensDistortion BARREL = LensDistortion.brownConrady(-0.35, 0.12, 0.003, -0.002, 0);
    static final LensDistortion FISHEYE = LensDistortion.kannalaBrandt(0.15, -0.05, 0.01, 0);
    static final Scene SCENE = emissive(LabelTestScenes.planeAndSphere());
    /**
     * Close to the objects with a 60 degree view, so that they fill most of the frame and their outlines
     * lie where the lenses move the image by pixels.
     */
    static final CameraSpec PINHOLE = new CameraSpec(new Vector3f(0f, 0.3f, 1.6f), new Vector3f(0f, 0f, -0.2f),
            new Vector3f(0, 1, 0), 60f, 0f, 0f);

    static RenderFixture fx;
    static FrameBuffer pinhole;
    static FrameBuffer barrel;
    static FrameBuffer fisheye;

    @BeforeAll
    static void render() {
        fx = new RenderFixture(4);
        try (GpuScene gpu = fx.load(SCENE)) {
            pinhole = render(gpu, PINHOLE);
            barrel = render(gpu, PINHOLE.withLens(BARREL));
            fisheye = render(gpu, PINHOLE.withLens(FISHEYE));
        }
    }

    private static FrameBuffer render(GpuScene gpu, CameraSpec camera) {
        FrameSettings settings = new FrameSettings(W, H, 0, 7, 0, true, 3, camera, true);
        return new FrameRenderer(fx.backend, 16, 4).render(gpu, settings, SPP, r -> { });
    }

    @AfterAll
    static void close() {
        fx.close();
    }

    private static Scene emissive(Scene s) {
        List<Material> emitters = List.of(Material.emitter("panel", Rgb.BLACK, new Rgb(0, 1, 0)),
                Material.emitter("ball", Rgb.BLACK, new Rgb(1, 0, 0)));
        return new Scene(s.meshes(), emitters, s.textures(), s.instances(), s.camera(), new Environment.Constant(Rgb.BLACK));
    }

    private static int instance(FrameBuffer f, int u, int v) {
        return f.labels()[(v * W + u) * LabelRecord.WORDS + LabelRecord.INSTANCE];
    }

    private static int[] instances(FrameBuffer f) {
        int[] labels = f.labels();
        int[] out = new int[W * H];
        for (int p = 0; p < out.length; p++) {
            out[p] = labels[p * LabelRecord.WORDS + LabelRecord.INSTANCE];
        }
        return out;
    }

    @Test
    void bothLensesAreOnesTheCoordinatorAccepts() {
        for (LensDistortion lens : List.of(BARREL, FISHEYE)) {
            List<JobSpecException.Violation> bad = new ArrayList<>();
            LensMapping.of(lens).checkOverImage("camera.lens", W, H, PINHOLE.vfovDeg(), bad);
            assertEquals(List.of(), bad, lens.model());
        }
    }

    @Test
    void theCentreRaysOfTheGpuAreTheCalibrationsUndistortedRays() {
        SceneRaycaster rc = new SceneRaycaster(SCENE);
        for (LensDistortion lens : List.of(BARREL, FISHEYE)) {
            FrameBuffer frame = lens == BARREL ? barrel : fisheye;
            PinholeCalibration cal = PinholeCalibration.of(PINHOLE.withLens(lens), W, H);
            double[] eye = cal.cameraCentre();
            int[] labels = frame.labels();
            double worstPx = 0;
            int hits = 0;
            int onEdge = 0;
            for (int v = 0; v < H; v++) {
                for (int u = 0; u < W; u++) {
                    int base = (v * W + u) * LabelRecord.WORDS;
                    int gpu = labels[base + LabelRecord.INSTANCE];
                    RayHit cpuHit = rc.closest(Ray.of(eye, cal.worldDirection(u + 0.5, v + 0.5)));
                    int cpu = cpuHit == null ? 0 : cpuHit.instance() + 1;
                    if (gpu != cpu) {
                        assertTrue(onEdge(rc, cal, u, v), lens.model() + " pixel (" + u + ", " + v + "): GPU instance " + gpu
                                + ", CPU " + cpu + ", and its centre is not on an edge");
                        onEdge++;
                        continue;
                    }
                    if (gpu == 0) {
                        continue;
                    }
                    // The GPU's hit point lies on its centre ray: its direction from the eye is that ray's.
                    double[] d = new double[3];
                    for (int k = 0; k < 3; k++) {
                        d[k] = Float.intBitsToFloat(labels[base + LabelRecord.POSITION + k]) - eye[k];
                    }
                    double range = Float.intBitsToFloat(labels[base + LabelRecord.RANGE]);
                    double n = Math.sqrt(d[0] * d[0] + d[1] * d[1] + d[2] * d[2]);
                    double[] w = cal.worldDirection(u + 0.5, v + 0.5);
                    double angle = Math.sqrt(Math.pow(d[0] / n - w[0], 2) + Math.pow(d[1] / n - w[1], 2) + Math.pow(d[2] / n - w[2], 2));
                    worstPx = Math.max(worstPx, angle * cal.fy());
                    assertEquals(cpuHit.t(), range, 1e-4 * cpuHit.t(), lens.model() + " range at (" + u + ", " + v + ")");
                    hits++;
                }
            }
            assertTrue(hits > W * H / 4, lens.model() + ": pixels compared " + hits);
            assertTrue(onEdge <= W * H / 200, lens.model() + ": " + onEdge + " pixels decided differently on an edge");
            // About a pixel's fy radians per pixel: the GPU's float rays agree with the double ones to a thousandth of a pixel.
            assertTrue(worstPx < 1e-3, lens.model() + ": a GPU ray is " + worstPx + " px off the CPU's");
        }
    }

    /** Whether rays 1e-4 px to either side of pixel (u, v)'s centre see different instances. */
    private static boolean onEdge(SceneRaycaster rc, PinholeCalibration cal, int u, int v) {
        int first = -1;
        for (double[] d : new double[][] {{1e-4, 0}, {-1e-4, 0}, {0, 1e-4}, {0, -1e-4}}) {
            RayHit h = rc.closest(Ray.of(cal.cameraCentre(), cal.worldDirection(u + 0.5 + d[0], v + 0.5 + d[1])));
            int id = h == null ? 0 : h.instance() + 1;
            if (first >= 0 && id != first) {
                return true;
            }
            first = id;
        }
        return false;
    }

    /**
     * The distorted frame's pixel (u, v) sees along the pinhole's ray through film position
     * {@code (fx x + cx, fy y + cy)}, (x, y) its undistorted normalised coordinates: the distorted
     * instance pass must be the pinhole's remapped that way. The pinhole pass is only known at its pixel
     * centres, so a remapped position is judged where the pinhole pixel under it and its 8 neighbours
     * agree (no outline of these large, smooth objects passes between 9 centres without crossing one);
     * the few positions near an outline are left out, and counted.
     */
    @Test
    void theDistortedInstancePassIsThePinholePassRemappedThroughTheDistortion() {
        int[] straight = instances(pinhole);
        for (LensDistortion lens : List.of(BARREL, FISHEYE)) {
            FrameBuffer frame = lens == BARREL ? barrel : fisheye;
            PinholeCalibration cal = PinholeCalibration.of(PINHOLE.withLens(lens), W, H);
            int judged = 0;
            int inside = 0;
            int moved = 0;
            for (int v = 0; v < H; v++) {
                for (int u = 0; u < W; u++) {
                    double[] r = cal.cameraRay(u + 0.5, v + 0.5);
                    double pu = cal.fx() * r[0] / r[2] + cal.cx();
                    double pv = cal.fy() * r[1] / r[2] + cal.cy();
                    int qu = (int) Math.floor(pu);
                    int qv = (int) Math.floor(pv);
                    Integer same = uniform(straight, qu, qv);
                    moved += instance(frame, u, v) != straight[v * W + u] ? 1 : 0;
                    inside += qu >= 1 && qv >= 1 && qu < W - 1 && qv < H - 1 ? 1 : 0;
                    if (same == null) {
                        continue;
                    }
                    assertEquals(same.intValue(), instance(frame, u, v), lens.model() + " pixel (" + u + ", " + v
                            + ") remaps to pinhole position (" + pu + ", " + pv + ")");
                    judged++;
                }
            }
            // The barrel lens sees past the pinhole's borders: those pixels have nothing to be compared with.
            assertTrue(inside > W * H / 2, lens.model() + ": only " + inside + " pixels remap into the pinhole frame");
            assertTrue(judged > inside * 8 / 10, lens.model() + ": only " + judged + " of " + inside + " pixels judged");
            assertTrue(moved > W * H / 50, lens.model() + ": only " + moved + " pixels differ from the pinhole's");
        }
    }

    /** The id shared by pinhole pixel (u, v) and its 8 neighbours, all inside the image; null otherwise. */
    private static Integer uniform(int[] pass, int u, int v) {
        if (u < 1 || v < 1 || u >= W - 1 || v >= H - 1) {
            return null;
        }
        int id = pass[v * W + u];
        for (int k = 0; k < 9; k++) {
            if (pass[(v + k / 3 - 1) * W + u + k % 3 - 1] != id) {
                return null;
            }
        }
        return id;
    }

    /**
     * Each sample's radiance names the object its camera ray met (ball red, panel green, background
     * black), and coverage counts the samples that met the centre ray's object: so in every pixel the
     * samples that met what the instance pass names are exactly the covered ones. RGB and labels are
     * distorted by the same rays, to the sample.
     */
    @Test
    void theRgbIsDistortedExactlyLikeTheInstancePass() {
        for (FrameBuffer frame : List.of(barrel, fisheye, pinhole)) {
            float[] rgb = frame.toImage().data();
            int interior = 0;
            for (int v = 0; v < H; v++) {
                for (int u = 0; u < W; u++) {
                    int p = v * W + u;
                    double red = rgb[3 * p];
                    double green = rgb[3 * p + 1];
                    int id = instance(frame, u, v);
                    double sameAsCentre = id == 2 ? red : id == 1 ? green : 1 - red - green;
                    assertEquals(frame.coverage(u, v), sameAsCentre, 1e-6, "pixel (" + u + ", " + v + "), instance " + id);
                    if (frame.coverage(u, v) == 1) {
                        interior++;
                    }
                }
            }
            assertTrue(interior > W * H / 2, "pixels whose samples all met the centre's object: " + interior);
        }
    }
}
