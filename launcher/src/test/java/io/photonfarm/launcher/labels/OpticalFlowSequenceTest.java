package io.photonfarm.launcher.labels;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertTrue;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import io.photonfarm.image.ExrImage;
import io.photonfarm.image.IdImages;
import io.photonfarm.image.Images;
import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Duration;
import java.util.Arrays;
import java.util.HashMap;
import java.util.Map;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/**
 * A three-frame recipe sequence with {@code opticalFlow} renders through the farm on a real node
 * (lavapipe in CI) and writes {@code flow_forward.exr} for frames 0 and 1, not for frame 2 (the last
 * of its sequence). The flow is checked against frame k + 1's own files, never against the code that
 * wrote it: each object pixel's point is carried by the object's poses in the two frames' meta.json
 * and projected with frame k + 1's calibration; where that point is visible in frame k + 1, the pixel
 * it lands in shows the same instance and, within its pixel footprint, the same world position; and
 * warping frame k + 1 back by the flow reproduces frame k.
 */
class OpticalFlowSequenceTest {
    private static final ObjectMapper JSON = new ObjectMapper();
    private static final int W = 128;
    private static final int H = 128;
    /**
     * Two large boxes (0.28 x 0.175 x 0.21 m) seen from 0.6 m through a 30 degree field of view at 128 x 128, so that
     * they span 60 to 110 pixels: a pixel whose point lands within half a pixel of a silhouette may be looked up on
     * the far side of it (about 0.125 x perimeter / area of them, under 1% at this size). The camera turns 15 degrees
     * about them per frame, and the boxes slide 2 cm and turn 4 degrees per frame.
     */
    private static final String RECIPE = """
            {"version": 1,
             "objects": [{"asset": "procedural:box", "count": {"min": 2, "max": 2}, "scale": {"min": 3.5, "max": 3.5}}],
             "support": {"surface": "ground", "sizeX": 0.9, "sizeZ": 0.9},
             "camera": {"distanceM": {"min": 0.6, "max": 0.6}, "elevationDeg": {"min": 35, "max": 35},
                        "vfovDeg": {"min": 30, "max": 30}},
             "sequence": {"framesPerSequence": 3, "cameraSweepDeg": {"min": 30, "max": 30}, "opticalFlow": true,
                          "objectMotion": {"probability": 1, "speedM": {"min": 0.02, "max": 0.02}, "spinDeg": {"min": 4, "max": 4}}}}""";

    /** One written frame's files. */
    private record Frame(JsonNode meta, int[] instance, float[] depth, ExrImage position, ExrImage normal, ExrImage albedo,
            ExrImage rgb) {
        static Frame read(Path dir) throws IOException {
            return new Frame(JSON.readTree(dir.resolve("meta.json").toFile()), IdImages.readGreyPng(dir.resolve("instance.png")),
                    Images.readExrChannels(dir.resolve("depth_z.exr")).channel("Y"),
                    Images.readExrChannels(dir.resolve("position_world.exr")),
                    Images.readExrChannels(dir.resolve("normal_world_geometric.exr")),
                    Images.readExrChannels(dir.resolve("albedo.exr")),
                    Images.readExrChannels(dir.resolve("radiance.exr")));
        }

        double[] position(int p) {
            return new double[] {position.channel("R")[p], position.channel("G")[p], position.channel("B")[p]};
        }

        double[][] rotation() {
            return matrix(meta.path("extrinsics").path("rotation"));
        }

        double[] translation() {
            return vector(meta.path("extrinsics").path("translation"));
        }

        double f() {
            return meta.path("intrinsics").path("fx").asDouble();
        }

        /** Camera point -> continuous pixel (no lens in this job). */
        double[] pixel(double[] c) {
            JsonNode k = meta.path("intrinsics");
            return new double[] {k.path("fx").asDouble() * c[0] / c[2] + k.path("cx").asDouble(),
                    k.path("fy").asDouble() * c[1] / c[2] + k.path("cy").asDouble()};
        }

        /** Each annotated object's pose: instance id -> {R_oc (3 rows), t_oc}. */
        Map<Integer, double[][]> poses() {
            Map<Integer, double[][]> out = new HashMap<>();
            for (JsonNode o : meta.path("objects")) {
                double[][] r = matrix(o.path("rotation"));
                out.put(o.path("instanceId").asInt(), new double[][] {r[0], r[1], r[2], vector(o.path("translation"))});
            }
            return out;
        }
    }

    @Test
    void aSequenceWithOpticalFlowWritesForwardFlowThatCarriesEachPixelOntoItsPointInTheNextFrame(@TempDir Path data)
            throws Exception {
        try (LabelledFarm farm = new LabelledFarm(data)) {
            farm.render("{\"id\": \"flow\", \"frames\": 3, \"width\": " + W + ", \"height\": " + H + ", \"spp\": 8, \"seed\": 11,"
                    + " \"writers\": [\"coco\"], \"passes\": [\"instance\", \"depth_z\", \"position_world\", \"normal_world\", \"albedo\"],"
                    + " \"recipe\": " + RECIPE + "}", Duration.ofMinutes(6));
            Path frames = farm.jobDir("flow").resolve("frames");
            Frame[] f = new Frame[3];
            for (int k = 0; k < 3; k++) {
                f[k] = Frame.read(frames.resolve(String.format("%06d", k)));
                assertFalse(f[k].meta().path("recipe").path("notRendered").toString().contains("optical_flow"),
                        "optical flow is rendered now: " + f[k].meta().path("recipe"));
            }
            for (int k = 0; k < 2; k++) {
                JsonNode note = f[k].meta().path("opticalFlow");
                assertEquals("flow_forward.exr", note.path("file").asText(), note.toString());
                assertEquals(k + 1, note.path("toFrame").asInt(), note.toString());
                assertTrue(f[k].meta().path("files").toString().contains("flow_forward.exr"), "meta.json lists the file");
                ExrImage flow = Images.readExrChannels(frames.resolve(String.format("%06d", k)).resolve("flow_forward.exr"));
                checkFlow(k, flow.channel("R"), flow.channel("G"), f[k], f[k + 1]);
            }
            assertFalse(Files.exists(frames.resolve("000002/flow_forward.exr")), "the last frame of the sequence has no flow");
            int moving = 0;
            for (JsonNode o : f[0].meta().path("recipe").path("objects")) {
                moving += o.has("motion") ? 1 : 0;
            }
            assertTrue(moving >= 1, "objects move as well as the camera: " + f[0].meta().path("recipe").path("objects"));
            assertTrue(f[2].meta().path("opticalFlow").path("reason").asText().contains("last of its sequence"),
                    f[2].meta().toString());
        }
    }

    /**
     * Where the surface point of frame k's pixel p is in frame k + 1's camera frame, metres, worked out from the two
     * frames' meta.json alone: an annotated object's point is carried by its poses (camera k -> object -> camera
     * k + 1; the scale is the same in both frames); scenery stands still. Null where p sees no surface, or an object
     * frame k + 1 has no pose of.
     */
    private static double[] moved(int p, Frame a, Frame b, Map<Integer, double[][]> posesA, Map<Integer, double[][]> posesB) {
        int id = a.instance()[p];
        if (id == 0) {
            return null;
        }
        if (!posesA.containsKey(id)) {
            return add(mul(b.rotation(), a.position(p)), b.translation());
        }
        double[][] pa = posesA.get(id);
        double[][] pb = posesB.get(id);
        if (pb == null) {
            return null;
        }
        double[] local = mulT(pa, sub(add(mul(a.rotation(), a.position(p)), a.translation()), pa[3]));
        return add(mul(pb, local), pb[3]);
    }

    /**
     * The pixel of frame k + 1 that frame k's pixel p flows into, when the moved point {@code cb} (frame k + 1's
     * camera frame) is visible there; else -1. Occluded when frame k + 1 sees something clearly nearer there: 1 cm is
     * more than a surface's depth spread across one pixel here (about 2.5 mm per pixel at 0.6 m, times the slope),
     * and less than any object's size.
     */
    private static int visibleTarget(int p, float[] du, float[] dv, double[] cb, Frame b) {
        int qu = (int) Math.floor(p % W + 0.5 + du[p]);
        int qv = (int) Math.floor(p / W + 0.5 + dv[p]);
        if (cb == null || qu < 0 || qv < 0 || qu >= W || qv >= H || b.depth()[qv * W + qu] < cb[2] - 0.01) {
            return -1;
        }
        return qv * W + qu;
    }

    /** Checks frame k's flow on the objects' pixels against frames k and k + 1's own labels. */
    private static void checkFlow(int k, float[] du, float[] dv, Frame a, Frame b) {
        Map<Integer, double[][]> posesA = a.poses();
        Map<Integer, double[][]> posesB = b.poses();
        double[][] rb = b.rotation();
        double[] tb = b.translation();
        int checked = 0;
        int visible = 0;
        int sameInstance = 0;
        int positionWithin = 0;
        double maxFlowError = 0;
        double[] ratios = new double[W * H];
        for (int p = 0; p < W * H; p++) {
            if (!posesA.containsKey(a.instance()[p])) {
                continue; // the objects' pixels only
            }
            double[] cb = moved(p, a, b, posesA, posesB);
            if (cb == null) {
                continue;
            }
            double[] target = b.pixel(cb);
            maxFlowError = Math.max(maxFlowError, Math.hypot(p % W + 0.5 + du[p] - target[0], p / W + 0.5 + dv[p] - target[1]));
            checked++;
            int q = visibleTarget(p, du, dv, cb, b);
            if (q < 0) {
                continue;
            }
            visible++;
            if (b.instance()[q] != a.instance()[p]) {
                continue;
            }
            // The moved point lands within half a pixel diagonal of q's centre, so q's ray meets the same plane within
            // (sqrt(2)/2) (range / f) / cos(incidence) of it (first order), plus the labels' float rounding.
            double[] world = mulT(rb, sub(cb, tb));
            double[] ray = sub(world, mulT(rb, new double[] {-tb[0], -tb[1], -tb[2]}));
            double range = norm(ray);
            double[] n = {b.normal().channel("R")[q], b.normal().channel("G")[q], b.normal().channel("B")[q]};
            double cos = Math.abs(dot(n, ray)) / (range * norm(n));
            double bound = Math.sqrt(0.5) * range / b.f() / Math.max(cos, 0.1) + 1e-4;
            double error = norm(sub(b.position(q), world));
            ratios[sameInstance++] = error / bound;
            positionWithin += error <= bound ? 1 : 0;
        }
        Arrays.sort(ratios, 0, sameInstance);
        String figures = "frame " + k + ": " + checked + " object pixels, " + visible + " visible in frame " + (k + 1) + ", "
                + sameInstance + " land on their instance, " + positionWithin + " within the footprint bound (error / bound: "
                + "median " + ratios[sameInstance / 2] + ", 99th percentile " + ratios[(int) (0.99 * sameInstance)]
                + "); flow vs poses max " + maxFlowError + " px";
        System.out.println("optical flow: " + figures);
        assertTrue(checked > 2000, "the boxes cover a good part of the image: " + figures);
        assertTrue(maxFlowError < 1e-3, "the flow is the projection of the object's own motion: " + figures);
        assertTrue(visible > 0.7 * checked, figures);
        assertTrue(sameInstance >= 0.99 * visible, "visible targets show the same instance: " + figures);
        assertTrue(positionWithin >= 0.99 * sameInstance, "and the same world position: " + figures);
        checkWarp(k, du, dv, a, b, posesA, posesB);
    }

    /**
     * Backward warping: frame k + 1 sampled at p + flow(p) should look like frame k, far more than frame k + 1 at p
     * itself, wherever the point frame k sees is still visible in frame k + 1 (elsewhere no flow can bring it back).
     * Instances by nearest pixel; albedo (exact, noise-free labels) and radiance (8 spp, noisy) bilinearly.
     */
    private static void checkWarp(int k, float[] du, float[] dv, Frame a, Frame b, Map<Integer, double[][]> posesA,
            Map<Integer, double[][]> posesB) {
        int warpedWrong = 0;
        int stillWrong = 0;
        int counted = 0;
        int occluded = 0;
        double[] warped = new double[2];
        double[] still = new double[2];
        ExrImage[][] images = {{a.albedo(), b.albedo()}, {a.rgb(), b.rgb()}};
        for (int p = 0; p < W * H; p++) {
            double[] cb = moved(p, a, b, posesA, posesB);
            int q = visibleTarget(p, du, dv, cb, b);
            if (q < 0) {
                occluded += cb != null ? 1 : 0;
                continue;
            }
            counted++;
            warpedWrong += b.instance()[q] != a.instance()[p] ? 1 : 0;
            stillWrong += b.instance()[p] != a.instance()[p] ? 1 : 0;
            double x = Math.min(Math.max(p % W + du[p], 0), W - 1);
            double y = Math.min(Math.max(p / W + dv[p], 0), H - 1);
            for (int i = 0; i < 2; i++) {
                for (String c : new String[] {"R", "G", "B"}) {
                    float[] from = images[i][0].channel(c);
                    float[] to = images[i][1].channel(c);
                    warped[i] += Math.abs(bilinear(to, x, y) - from[p]);
                    still[i] += Math.abs(to[p] - from[p]);
                }
            }
        }
        String figures = "frame " + k + ": " + counted + " surface pixels stay visible (" + occluded + " occluded or "
                + "leaving the image); instance mismatches warped " + warpedWrong + " vs zero flow " + stillWrong
                + "; mean |albedo difference| warped " + warped[0] / counted + " vs zero flow " + still[0] / counted
                + "; mean |radiance difference| warped " + warped[1] / counted + " vs zero flow " + still[1] / counted;
        System.out.println("optical flow warp: " + figures);
        assertTrue(counted > 0.6 * W * H, figures);
        assertTrue(warpedWrong < 0.01 * counted, figures);
        assertTrue(warpedWrong * 5 < stillWrong, figures);
        assertTrue(warped[0] * 3 < still[0], figures);
        assertTrue(warped[1] * 1.5 < still[1], figures);
    }

    private static double bilinear(float[] img, double x, double y) {
        int x0 = Math.min((int) Math.floor(x), W - 2);
        int y0 = Math.min((int) Math.floor(y), H - 2);
        double fx = x - x0;
        double fy = y - y0;
        return (1 - fy) * ((1 - fx) * img[y0 * W + x0] + fx * img[y0 * W + x0 + 1])
                + fy * ((1 - fx) * img[(y0 + 1) * W + x0] + fx * img[(y0 + 1) * W + x0 + 1]);
    }

    private static double[][] matrix(JsonNode n) {
        double[][] m = new double[3][3];
        for (int i = 0; i < 3; i++) {
            for (int j = 0; j < 3; j++) {
                m[i][j] = n.path(i).path(j).asDouble();
            }
        }
        return m;
    }

    private static double[] vector(JsonNode n) {
        return new double[] {n.path(0).asDouble(), n.path(1).asDouble(), n.path(2).asDouble()};
    }

    private static double[] mul(double[][] m, double[] x) {
        return new double[] {dot(m[0], x), dot(m[1], x), dot(m[2], x)};
    }

    /** m^T x, for the 3x3 rotation in the first three rows of m. */
    private static double[] mulT(double[][] m, double[] x) {
        double[] out = new double[3];
        for (int i = 0; i < 3; i++) {
            out[i] = m[0][i] * x[0] + m[1][i] * x[1] + m[2][i] * x[2];
        }
        return out;
    }

    private static double[] add(double[] a, double[] b) {
        return new double[] {a[0] + b[0], a[1] + b[1], a[2] + b[2]};
    }

    private static double[] sub(double[] a, double[] b) {
        return new double[] {a[0] - b[0], a[1] - b[1], a[2] - b[2]};
    }

    private static double dot(double[] a, double[] b) {
        return a[0] * b[0] + a[1] * b[1] + a[2] * b[2];
    }

    private static double norm(double[] a) {
        return Math.sqrt(dot(a, a));
    }
}
