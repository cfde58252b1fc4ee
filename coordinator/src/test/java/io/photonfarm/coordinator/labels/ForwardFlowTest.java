package io.photonfarm.coordinator.labels;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertNull;
import static org.junit.jupiter.api.Assertions.assertTrue;

import io.photonfarm.api.camera.LensDistortion;
import io.photonfarm.api.job.JobId;
import io.photonfarm.api.job.LabelPass;
import io.photonfarm.api.tile.LabelRecord;
import io.photonfarm.api.work.CameraPose;
import io.photonfarm.api.work.Vec3;
import io.photonfarm.coordinator.dataset.FrameJob;
import io.photonfarm.image.ExrImage;
import io.photonfarm.image.Images;
import io.photonfarm.labels.PinholeCalibration;
import io.photonfarm.scene.Environment;
import io.photonfarm.scene.Instance;
import io.photonfarm.scene.Material;
import io.photonfarm.scene.Mesh;
import io.photonfarm.scene.Rgb;
import io.photonfarm.scene.Scene;
import io.photonfarm.scene.camera.LensMapping;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.List;
import java.util.Optional;
import java.util.Set;
import org.joml.Matrix4f;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/**
 * Forward flow on a hand-made 48x36 frame whose labels are built from exact rays: a static wall
 * (instance 1) at camera depth 5 m, an object (instance 2) filling pixels u 16..27, v 10..21 at depth
 * 2 m, and no surface on the top four rows. The expected flows are worked out independently of the
 * code: a homography for a camera turning about its centre, f b / Z for a sideways step, and the
 * object's own displacement for a moving object.
 */
class ForwardFlowTest {
    private static final int W = 48;
    private static final int H = 36;
    private static final double F = 40;
    private static final double CX = 24;
    private static final double CY = 18;
    private static final double WALL_Z = 5;
    private static final double OBJECT_Z = 2;
    private static final double EPS = 1e-3;

    private static boolean sky(int u, int v) {
        return v < 4;
    }

    private static boolean object(int u, int v) {
        return u >= 16 && u < 28 && v >= 10 && v < 22;
    }

    private static double[][] identity() {
        return new double[][] {{1, 0, 0}, {0, 1, 0}, {0, 0, 1}};
    }

    private static double[][] mul(double[][] a, double[][] b) {
        double[][] c = new double[3][3];
        for (int i = 0; i < 3; i++) {
            for (int j = 0; j < 3; j++) {
                for (int k = 0; k < 3; k++) {
                    c[i][j] += a[i][k] * b[k][j];
                }
            }
        }
        return c;
    }

    private static double[] mul(double[][] a, double[] x) {
        return new double[] {a[0][0] * x[0] + a[0][1] * x[1] + a[0][2] * x[2], a[1][0] * x[0] + a[1][1] * x[1] + a[1][2] * x[2],
                a[2][0] * x[0] + a[2][1] * x[1] + a[2][2] * x[2]};
    }

    private static double[][] rotX(double rad) {
        double c = Math.cos(rad);
        double s = Math.sin(rad);
        return new double[][] {{1, 0, 0}, {0, c, -s}, {0, s, c}};
    }

    private static double[][] rotY(double rad) {
        double c = Math.cos(rad);
        double s = Math.sin(rad);
        return new double[][] {{c, 0, s}, {0, 1, 0}, {-s, 0, c}};
    }

    /** A camera of this test's K with rotation r (world -> camera) and centre c (world). */
    private static PinholeCalibration camera(double[][] r, double[] c) {
        return camera(r, c, null);
    }

    private static PinholeCalibration camera(double[][] r, double[] c, LensDistortion lens) {
        double[] rc = mul(r, c);
        return new PinholeCalibration(F, F, CX, CY, r, new double[] {-rc[0], -rc[1], -rc[2]}, lens);
    }

    /** The labels the renderer would give this test's geometry seen by {@code cal}: exact pixel-centre rays. */
    private static LabelFrame labels(PinholeCalibration cal) {
        int[] words = new int[W * H * LabelRecord.WORDS];
        int[] covered = new int[W * H];
        double[] c = cal.cameraCentre();
        for (int v = 0; v < H; v++) {
            for (int u = 0; u < W; u++) {
                int base = (v * W + u) * LabelRecord.WORDS;
                covered[v * W + u] = 1;
                if (sky(u, v)) {
                    words[base + LabelRecord.RANGE] = Float.floatToIntBits(Float.POSITIVE_INFINITY);
                    words[base + LabelRecord.DEPTH_Z] = Float.floatToIntBits(Float.POSITIVE_INFINITY);
                    continue;
                }
                double z = object(u, v) ? OBJECT_Z : WALL_Z;
                double[] ray = cal.cameraRay(u + 0.5, v + 0.5);
                double[] d = cal.worldDirection(u + 0.5, v + 0.5);
                double range = z / ray[2];
                for (int i = 0; i < 3; i++) {
                    words[base + LabelRecord.POSITION + i] = Float.floatToIntBits((float) (c[i] + range * d[i]));
                }
                words[base + LabelRecord.RANGE] = Float.floatToIntBits((float) range);
                words[base + LabelRecord.DEPTH_Z] = Float.floatToIntBits((float) z);
                words[base + LabelRecord.INSTANCE] = object(u, v) ? 2 : 1;
                words[base + LabelRecord.MATERIAL] = 1;
            }
        }
        return new LabelFrame(W, H, 1, words, covered);
    }

    /** Two instances of one triangle: the wall (identity), and the object placed by {@code objectToWorld}. */
    private static Scene scene(Matrix4f objectToWorld) {
        Mesh tri = new Mesh("tri", new float[] {0, 0, 0, 1, 0, 0, 0, 1, 0}, null, null, null, new int[] {0, 1, 2}, new int[] {0});
        return new Scene(List.of(tri), List.of(Material.diffuse("grey", new Rgb(0.5f, 0.5f, 0.5f))), List.of(),
                List.of(new Instance(0, new Matrix4f()), new Instance(0, objectToWorld)), Optional.empty(),
                new Environment.Constant(Rgb.BLACK));
    }

    private static final Scene STILL = scene(new Matrix4f().translate(0, 0, 2));

    private static void assertFlow(float[] flow, int u, int v, double du, double dv, String what) {
        int p = v * W + u;
        assertEquals(du, flow[2 * p], EPS, what + ": u flow at (" + u + ", " + v + ")");
        assertEquals(dv, flow[2 * p + 1], EPS, what + ": v flow at (" + u + ", " + v + ")");
    }

    @Test
    void aCameraTurningAboutItsCentreGivesTheHomographyFlowAtEveryPixelWhateverItsDepth() {
        double[] centre = {0.3, 1.2, -2};
        double[][] r0 = mul(rotX(Math.toRadians(-8)), rotY(Math.toRadians(20)));
        double[][] turn = mul(rotY(Math.toRadians(3)), rotX(Math.toRadians(1.5)));
        PinholeCalibration k0 = camera(r0, centre);
        PinholeCalibration k1 = camera(mul(turn, r0), centre);
        float[] flow = ForwardFlow.compute(labels(k0), k0, STILL, STILL, k1);
        // x' ~ K R_rel K^-1 x: the relative rotation maps camera-k rays to camera-(k+1) rays.
        for (int v = 0; v < H; v++) {
            for (int u = 0; u < W; u++) {
                double[] ray = {(u + 0.5 - CX) / F, (v + 0.5 - CY) / F, 1};
                double[] q = mul(turn, ray);
                assertFlow(flow, u, v, F * q[0] / q[2] + CX - (u + 0.5), F * q[1] / q[2] + CY - (v + 0.5), "pure rotation");
            }
        }
    }

    @Test
    void throughADistortingLensAStillCameraHasNoFlowAndATurningOneMovesDistortedPointsOntoDistortedPoints() {
        LensDistortion barrel = LensDistortion.brownConrady(-0.12, 0.02, 0.001, -0.0005, 0);
        double[] centre = {0.3, 1.2, -2};
        double[][] r0 = rotY(Math.toRadians(20));
        PinholeCalibration k0 = camera(r0, centre, barrel);
        LabelFrame labels = labels(k0);
        float[] still = ForwardFlow.compute(labels, k0, STILL, STILL, k0);
        for (int v = 0; v < H; v++) {
            for (int u = 0; u < W; u++) {
                assertFlow(still, u, v, 0, 0, "still camera behind a lens");
            }
        }
        double[][] turn = rotY(Math.toRadians(2));
        float[] flow = ForwardFlow.compute(labels, k0, STILL, STILL, camera(mul(turn, r0), centre, barrel));
        LensMapping lens = LensMapping.of(barrel);
        for (int v = 0; v < H; v++) {
            for (int u = 0; u < W; u++) {
                // Undistort the pixel centre to its ray, turn the ray, distort its normalised point again.
                double[] q = mul(turn, lens.ray((u + 0.5 - CX) / F, (v + 0.5 - CY) / F));
                double[] d = lens.distort(q[0] / q[2], q[1] / q[2]);
                assertFlow(flow, u, v, F * d[0] + CX - (u + 0.5), F * d[1] + CY - (v + 0.5), "turning behind a lens");
            }
        }
    }

    @Test
    void aCameraSteppingSidewaysMovesEachPointByFocalTimesStepOverDepthAndLeavesTheSkyStill() {
        double step = 0.1;
        PinholeCalibration k0 = camera(identity(), new double[] {0, 0, 0});
        PinholeCalibration k1 = camera(identity(), new double[] {step, 0, 0});
        float[] flow = ForwardFlow.compute(labels(k0), k0, STILL, STILL, k1);
        for (int v = 0; v < H; v++) {
            for (int u = 0; u < W; u++) {
                double du = sky(u, v) ? 0 : -F * step / (object(u, v) ? OBJECT_Z : WALL_Z);
                assertFlow(flow, u, v, du, 0, "sideways step");
            }
        }
        assertFlow(flow, 20, 15, -2.0, 0, "object at 2 m");
        assertFlow(flow, 2, 30, -0.8, 0, "wall at 5 m");
    }

    @Test
    void aMovingObjectsPixelsFollowTheObjectWhileTheStaticWallGetsOnlyTheCamerasFlow() {
        double step = 0.1;
        PinholeCalibration k0 = camera(identity(), new double[] {0, 0, 0});
        PinholeCalibration k1 = camera(identity(), new double[] {step, 0, 0});
        // The object turns 10 degrees about the vertical axis through its origin (0, 0, 2) and slides by (0.05, -0.02, 0).
        Scene before = scene(new Matrix4f().translate(0, 0, 2).rotateY((float) Math.toRadians(30)));
        Scene after = scene(new Matrix4f().translate(0.05f, -0.02f, 2).rotateY((float) Math.toRadians(40)));
        LabelFrame labels = labels(k0);
        float[] flow = ForwardFlow.compute(labels, k0, before, after, k1);
        double[][] turn = rotY(Math.toRadians(10));
        for (int v = 0; v < H; v++) {
            for (int u = 0; u < W; u++) {
                int p = v * W + u;
                if (object(u, v)) {
                    double[] x = {labels.f(p, LabelRecord.POSITION), labels.f(p, LabelRecord.POSITION + 1),
                            labels.f(p, LabelRecord.POSITION + 2) - 2};
                    double[] moved = mul(turn, x);
                    double mx = moved[0] + 0.05 - step;
                    double my = moved[1] - 0.02;
                    double mz = moved[2] + 2;
                    assertFlow(flow, u, v, F * mx / mz + CX - (u + 0.5), F * my / mz + CY - (v + 0.5), "moving object");
                } else if (sky(u, v)) {
                    assertFlow(flow, u, v, 0, 0, "sky");
                } else {
                    assertFlow(flow, u, v, -F * step / WALL_Z, 0, "static wall");
                }
            }
        }
        // Without the turn, a pure slide of (0.05, -0.02) at 2 m less the camera's 0.1 m step: (-1.0, -0.4) px.
        float[] slide = ForwardFlow.compute(labels, k0, scene(new Matrix4f().translate(0, 0, 2)),
                scene(new Matrix4f().translate(0.05f, -0.02f, 2)), k1);
        assertFlow(slide, 20, 15, -1.0, -0.4, "sliding object");
    }

    @Test
    void pointsThatEndUpBehindTheNextCameraHaveNoFlow() {
        PinholeCalibration k0 = camera(identity(), new double[] {0, 0, 0});
        // Stepped 3 m forward: past the object (2 m), not past the wall (5 m).
        PinholeCalibration k1 = camera(identity(), new double[] {0, 0, 3});
        float[] flow = ForwardFlow.compute(labels(k0), k0, STILL, STILL, k1);
        int object = 15 * W + 20;
        assertTrue(Float.isNaN(flow[2 * object]) && Float.isNaN(flow[2 * object + 1]), "the object is behind the camera");
        int wall = 30 * W + 40;
        assertFalse(Float.isNaN(flow[2 * wall]), "the wall is still ahead");
        // The wall at 5 m is now 2 m away: pixel offsets from the principal point grow 2.5 times.
        assertFlow(flow, 40, 30, 1.5 * (40.5 - CX), 1.5 * (30.5 - CY), "wall after stepping forward");
    }

    @Test
    void theLabelerWritesTheFlowAsTwoFloatChannelsAndSaysWhyTheLastFrameHasNone(@TempDir Path dir) throws Exception {
        PinholeCalibration k0 = camera(identity(), new double[] {0, 0, 0});
        PinholeCalibration k1 = camera(identity(), new double[] {0.1, 0, 0});
        LabelFrame labels = labels(k0);
        CameraPose pose = new CameraPose(new Vec3(0, 0, 0), new Vec3(0, 0, 1), new Vec3(0, -1, 0), 48, 0, 0, null);
        FrameJob job = new FrameJob(new JobId("flow"), 0, W, H, 1, 7, pose,
                new FrameJob.LabelRequest("test", Set.of(LabelPass.INSTANCE), Set.of()));

        FrameLabeler withNext = new FrameLabeler(f -> STILL, f -> Optional.of(new FrameSuccessors.Next(1, STILL, k1)));
        FrameLabeler.Output out = withNext.label(job, labels, k0, dir);
        assertTrue(out.files().contains(ForwardFlow.FILE), out.files().toString());
        assertEquals(new OpticalFlowNote(ForwardFlow.FILE, 1, null), out.opticalFlow());
        ExrImage exr = Images.readExrChannels(dir.resolve(ForwardFlow.FILE));
        assertEquals(Set.of("R", "G"), exr.names());
        float[] expected = ForwardFlow.compute(labels, k0, STILL, STILL, k1);
        for (int p = 0; p < W * H; p++) {
            assertEquals(expected[2 * p], exr.channel("R")[p], 0f, "R is the u flow, bit for bit");
            assertEquals(expected[2 * p + 1], exr.channel("G")[p], 0f, "G is the v flow, bit for bit");
        }

        Path last = Files.createDirectories(dir.resolve("last"));
        FrameLabeler atEnd = new FrameLabeler(f -> STILL, f -> Optional.of(new FrameSuccessors.Last("last of its sequence")));
        FrameLabeler.Output none = atEnd.label(job, labels, k0, last);
        assertFalse(Files.exists(last.resolve(ForwardFlow.FILE)));
        assertEquals(new OpticalFlowNote(null, null, "last of its sequence"), none.opticalFlow());

        FrameLabeler.Output unasked = new FrameLabeler(f -> STILL).label(job, labels, k0, Files.createDirectories(dir.resolve("n")));
        assertNull(unasked.opticalFlow(), "a job without flow says nothing of it");
    }
}
