package io.photonfarm.coordinator.annotations;

import io.photonfarm.labels.Box2d;
import io.photonfarm.labels.FrameObjects;
import io.photonfarm.labels.LandmarkAnnotation;
import io.photonfarm.labels.LandmarkVisibility;
import io.photonfarm.labels.ObjectAnnotation;
import io.photonfarm.labels.PinholeCalibration;
import io.photonfarm.labels.RegionMask;
import io.photonfarm.labels.SceneLabels;
import io.photonfarm.scene.Landmarks;
import java.io.IOException;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.BitSet;
import java.util.List;
import java.util.Map;
import java.util.function.BiPredicate;

/**
 * A hand-made 32x24 frame: a floor (scenery, instance 1) on the bottom rows; object A (instance 2,
 * "box") a 10x10 square, partly hidden by object B (instance 3, "coffee mug") a disc in front of it;
 * object D (instance 5, "coffee mug") a 4x4 square wholly behind B; object C (instance 4, "box") a
 * square cut by the right edge of the image (only in even frames). Classes: box = 1, coffee mug = 2,
 * zebra = 3 (no object). Coffee mugs have three keypoints. The 3D boxes and their projections are
 * consistent with the calibration; the silhouettes are drawn by hand and do not follow them.
 */
final class HandMadeFrame {
    static final int W = 32;
    static final int H = 24;
    static final PinholeCalibration CALIBRATION = new PinholeCalibration(30, 30, 16, 12,
            rotY(Math.toRadians(5)), new double[] {0.1, -0.2, 0.3});
    static final List<String> CLASSES = List.of("box", "coffee mug", "zebra");
    static final SceneLabels LABELS = new SceneLabels(CLASSES, new int[] {0, 0, 1, 2, 1, 2},
            List.of("background", "floor_1", "crate", "mug_3", "crate_far", "mug_hidden"),
            List.of("background", "wood"));
    static final KeypointSchema MUG = new KeypointSchema(List.of("handle", "rim", "base"),
            List.of(new Landmarks.Bone(0, 1), new Landmarks.Bone(1, 2)));
    static final double TOLERANCE = 0.002;
    /** C stands upright (object y = camera -y) turned by this yaw about camera y, radians. */
    static final double C_YAW = 0.4;

    static final BiPredicate<Integer, Integer> A = (x, y) -> x >= 4 && x < 14 && y >= 6 && y < 16;
    static final BiPredicate<Integer, Integer> B = (x, y) -> sq(x + 0.5 - 15) + sq(y + 0.5 - 15) <= 25;
    static final BiPredicate<Integer, Integer> C = (x, y) -> x >= 26 && x < 38 && y >= 2 && y < 8;
    static final BiPredicate<Integer, Integer> D = (x, y) -> x >= 12 && x < 16 && y >= 12 && y < 16;

    private HandMadeFrame() {
    }

    private static double sq(double v) {
        return v * v;
    }

    static boolean hasC(int frame) {
        return frame % 2 == 0;
    }

    /** The instance pass of {@code frame}: floor, then A, D, B, C painted in that order. */
    static int[] instancePass(int frame) {
        int[] pass = new int[W * H];
        for (int y = 0; y < H; y++) {
            for (int x = 0; x < W; x++) {
                int id = y >= 20 ? 1 : 0;
                id = A.test(x, y) ? 2 : id;
                id = D.test(x, y) ? 5 : id;
                id = B.test(x, y) ? 3 : id;
                id = hasC(frame) && C.test(x, y) ? 4 : id;
                pass[y * W + x] = id;
            }
        }
        return pass;
    }

    static FrameLabels frame(int frame) {
        int[] pass = instancePass(frame);
        List<ObjectAnnotation> objects = new ArrayList<>();
        List<RegionMask> masks = new ArrayList<>();
        add(objects, masks, pass, 2, "crate", "box", A, rotY(Math.toRadians(30)), new double[] {-0.3, 0.0, 3.0},
                new double[] {1, 1, 1}, new double[] {-0.2, -0.15, -0.25}, new double[] {0.2, 0.15, 0.25}, List.of());
        add(objects, masks, pass, 3, "mug_3", "coffee mug", B, mul(rotX(Math.toRadians(10)), rotY(Math.toRadians(-20))),
                new double[] {0.0, 0.1, 2.5}, new double[] {1.5, 1.5, 1.5}, new double[] {-0.1, -0.1, -0.1},
                new double[] {0.1, 0.12, 0.1}, List.of(
                        new LandmarkAnnotation("handle", new double[] {-0.1, 0.05, 2.4}, new double[] {12.25, 13.5},
                                LandmarkVisibility.VISIBLE),
                        new LandmarkAnnotation("rim", new double[] {0.02, -0.05, 2.5}, new double[] {16.5, 11.0},
                                LandmarkVisibility.SELF_OCCLUDED),
                        new LandmarkAnnotation("base", new double[] {0.9, 0.7, 1.0}, new double[] {40.0, 30.0},
                                LandmarkVisibility.OUT_OF_FRAME)));
        if (hasC(frame)) {
            add(objects, masks, pass, 4, "crate_far", "box", C, mul(rotY(C_YAW), rotX(Math.PI)), new double[] {0.5, -0.25, 1.0},
                    new double[] {1, 1, 1}, new double[] {-0.2, -0.2, -0.2}, new double[] {0.2, 0.2, 0.2}, List.of());
        }
        add(objects, masks, pass, 5, "mug_hidden", "coffee mug", D, rotZ(Math.toRadians(15)),
                new double[] {0.1, 0.1, 3.5}, new double[] {1, 2, 1}, new double[] {-0.1, -0.1, -0.1},
                new double[] {0.1, 0.1, 0.1}, List.of(
                        new LandmarkAnnotation("handle", new double[] {0, 0, 3.5}, new double[] {13.0, 13.0},
                                LandmarkVisibility.OCCLUDED)));
        return new FrameLabels(frame, W, H, CALIBRATION, LABELS, pass, new FrameObjects(objects, masks),
                Map.of("coffee mug", MUG));
    }

    private static void add(List<ObjectAnnotation> objects, List<RegionMask> masks, int[] pass, int id, String name,
            String category, BiPredicate<Integer, Integer> silhouette, double[][] r, double[] t, double[] s,
            double[] lo, double[] hi, List<LandmarkAnnotation> landmarks) {
        int visible = 0;
        int x0 = Integer.MAX_VALUE;
        int y0 = Integer.MAX_VALUE;
        int x1 = -1;
        int y1 = -1;
        for (int y = 0; y < H; y++) {
            for (int x = 0; x < W; x++) {
                if (pass[y * W + x] == id) {
                    visible++;
                    x0 = Math.min(x0, x);
                    y0 = Math.min(y0, y);
                    x1 = Math.max(x1, x + 1);
                    y1 = Math.max(y1, y + 1);
                }
            }
        }
        // The unoccluded silhouette as a region mask over a rectangle that pokes out of the image.
        int rx = -2;
        int ry = -1;
        int rw = W + 10;
        int rh = H + 2;
        BitSet bits = new BitSet();
        int unoccluded = 0;
        for (int j = 0; j < rh; j++) {
            for (int i = 0; i < rw; i++) {
                int u = rx + i;
                int v = ry + j;
                if (silhouette.test(u, v)) {
                    bits.set(j * rw + i);
                    if (u >= 0 && v >= 0 && u < W && v < H) {
                        unoccluded++;
                    }
                }
            }
        }
        double[][] corners = corners(r, t, s, lo, hi);
        double[] box = projectedBox(corners);
        Box2d unclipped = new Box2d(box[0], box[1], box[2], box[3]);
        objects.add(new ObjectAnnotation(id, name, category, CLASSES.indexOf(category) + 1, r, t, s, lo, hi, corners,
                visible == 0 ? null : new Box2d(x0, y0, x1, y1), unclipped.clip(W, H), unclipped, visible, unoccluded,
                (double) visible / unoccluded, landmarks));
        masks.add(new RegionMask(rx, ry, rw, rh, bits));
    }

    /** The 8 box corners in the camera frame: corner k takes x from hi if bit 0 is set, y if bit 1, z if bit 2. */
    static double[][] corners(double[][] r, double[] t, double[] s, double[] lo, double[] hi) {
        double[][] out = new double[8][];
        for (int k = 0; k < 8; k++) {
            double[] p = {((k & 1) != 0 ? hi[0] : lo[0]) * s[0], ((k & 2) != 0 ? hi[1] : lo[1]) * s[1],
                ((k & 4) != 0 ? hi[2] : lo[2]) * s[2]};
            out[k] = new double[3];
            for (int i = 0; i < 3; i++) {
                out[k][i] = r[i][0] * p[0] + r[i][1] * p[1] + r[i][2] * p[2] + t[i];
            }
        }
        return out;
    }

    /** {xMin, yMin, xMax, yMax} of the corners' projections through {@link #CALIBRATION}'s K. */
    static double[] projectedBox(double[][] cornersCam) {
        double[] b = {Double.MAX_VALUE, Double.MAX_VALUE, -Double.MAX_VALUE, -Double.MAX_VALUE};
        for (double[] c : cornersCam) {
            double u = CALIBRATION.fx() * c[0] / c[2] + CALIBRATION.cx();
            double v = CALIBRATION.fy() * c[1] / c[2] + CALIBRATION.cy();
            b[0] = Math.min(b[0], u);
            b[1] = Math.min(b[1], v);
            b[2] = Math.max(b[2], u);
            b[3] = Math.max(b[3], v);
        }
        return b;
    }

    /** Writes {@code frames} into {@code jobDir} with {@code writers}, each marked written. */
    static void writeFrames(AnnotationWriters writers, Path jobDir, int... frames) throws IOException {
        for (int f : frames) {
            Path dir = frameDir(jobDir, f);
            writers.writeFrame(frame(f), dir);
            markWritten(dir);
        }
    }

    static Path frameDir(Path jobDir, int frame) {
        return jobDir.resolve("frames").resolve(String.format("%06d", frame));
    }

    /** Writes a stand-in meta.json: the frame assembler's "written" marker. */
    static void markWritten(Path frameDir) throws IOException {
        Files.createDirectories(frameDir);
        Files.writeString(frameDir.resolve("meta.json"), "{\"files\":[]}", StandardCharsets.UTF_8);
    }

    static double[][] identity() {
        return new double[][] {{1, 0, 0}, {0, 1, 0}, {0, 0, 1}};
    }

    static double[][] rotX(double a) {
        double c = Math.cos(a);
        double s = Math.sin(a);
        return new double[][] {{1, 0, 0}, {0, c, -s}, {0, s, c}};
    }

    static double[][] rotY(double a) {
        double c = Math.cos(a);
        double s = Math.sin(a);
        return new double[][] {{c, 0, s}, {0, 1, 0}, {-s, 0, c}};
    }

    static double[][] rotZ(double a) {
        double c = Math.cos(a);
        double s = Math.sin(a);
        return new double[][] {{c, -s, 0}, {s, c, 0}, {0, 0, 1}};
    }

    static double[][] mul(double[][] a, double[][] b) {
        double[][] m = new double[3][3];
        for (int i = 0; i < 3; i++) {
            for (int j = 0; j < 3; j++) {
                for (int k = 0; k < 3; k++) {
                    m[i][j] += a[i][k] * b[k][j];
                }
            }
        }
        return m;
    }
}
