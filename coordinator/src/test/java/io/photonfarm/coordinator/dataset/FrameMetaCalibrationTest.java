package io.photonfarm.coordinator.dataset;

import io.photonfarm.coordinator.jobs.SceneCatalog;
import io.photonfarm.coordinator.labels.FrameLabeler;
import io.photonfarm.labels.PinholeCalibration;
import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertThrows;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import io.photonfarm.api.tile.SampleRange;
import io.photonfarm.api.work.CameraPose;
import io.photonfarm.api.work.Vec3;
import io.photonfarm.api.work.WorkUnitKey;
import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Clock;
import java.time.Instant;
import java.time.ZoneOffset;
import java.util.ArrayList;
import java.util.List;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/**
 * Checks meta.json's K and [R | t] by projecting world points with the numbers read from the file
 * (not through the code that wrote them) and comparing with where the camera pose, or the
 * renderer's ray construction in {@code include/camera.glsl}, says they must land.
 */
class FrameMetaCalibrationTest {
    private static final double EPS = 1e-9;
    private static final int W = 64;
    private static final int H = 48;

    @TempDir
    Path root;

    private JsonNode writtenMeta() throws IOException {
        DatasetLayout layout = new DatasetLayout(root);
        TileSpool spool = new TileSpool(layout, 1 << 20);
        SyntheticFrame synthetic = new SyntheticFrame(0, W, H, 2, 32, List.of(new SampleRange(0, 2)));
        List<AcceptedUnit> units = new ArrayList<>();
        for (WorkUnitKey k : synthetic.keys()) {
            spool.write(k, 1, synthetic.encoded(k.tileIndex(), k.rangeIndex()));
            units.add(new AcceptedUnit(k, 1));
        }
        new FrameAssembler(layout, spool, Clock.fixed(Instant.parse("2025-01-02T03:04:05Z"), ZoneOffset.UTC),
                new FrameLabeler(new SceneCatalog()::scene))
                .assemble(synthetic.frame, units);
        return new ObjectMapper().readTree(Files.readAllBytes(layout.metaJson(SyntheticFrame.JOB, 0)));
    }

    /** Projects with K [R | t] as read from meta.json: returns (u, v, Z). */
    private static double[] project(JsonNode meta, double[] world) {
        JsonNode rt = meta.get("extrinsics").get("worldToCamera");
        double[] cam = new double[3];
        for (int i = 0; i < 3; i++) {
            cam[i] = rt.get(i).get(0).asDouble() * world[0] + rt.get(i).get(1).asDouble() * world[1]
                    + rt.get(i).get(2).asDouble() * world[2] + rt.get(i).get(3).asDouble();
        }
        JsonNode k = meta.get("intrinsics").get("k");
        double u = (k.get(0).get(0).asDouble() * cam[0] + k.get(0).get(1).asDouble() * cam[1] + k.get(0).get(2).asDouble() * cam[2]) / cam[2];
        double v = (k.get(1).get(0).asDouble() * cam[0] + k.get(1).get(1).asDouble() * cam[1] + k.get(1).get(2).asDouble() * cam[2]) / cam[2];
        return new double[] {u, v, cam[2]};
    }

    private static double[] v(Vec3 a) {
        return new double[] {a.x(), a.y(), a.z()};
    }

    private static double[] add(double[] a, double[] b, double s) {
        return new double[] {a[0] + b[0] * s, a[1] + b[1] * s, a[2] + b[2] * s};
    }

    private static double[] unit(double[] a) {
        double n = Math.sqrt(a[0] * a[0] + a[1] * a[1] + a[2] * a[2]);
        return new double[] {a[0] / n, a[1] / n, a[2] / n};
    }

    private static double[] cross(double[] a, double[] b) {
        return new double[] {a[1] * b[2] - a[2] * b[1], a[2] * b[0] - a[0] * b[2], a[0] * b[1] - a[1] * b[0]};
    }

    @Test
    void theLookAtPointProjectsToTheImageCentreInFrontOfTheCamera() throws IOException {
        JsonNode meta = writtenMeta();
        CameraPose cam = SyntheticFrame.CAMERA;

        double[] p = project(meta, v(cam.lookAt()));

        assertEquals(W / 2.0, p[0], EPS);
        assertEquals(H / 2.0, p[1], EPS);
        double distance = Math.sqrt(4 + 1 + 16); // |lookAt - position| for (2, 1.5, 4) -> (0, 0.5, 0)
        assertEquals(distance, p[2], EPS, "Z is the depth along the optical axis, metres");
    }

    @Test
    void theEdgesOfTheFieldOfViewProjectToTheImageBorders() throws IOException {
        JsonNode meta = writtenMeta();
        CameraPose cam = SyntheticFrame.CAMERA;
        double[] forward = add(v(cam.lookAt()), v(cam.position()), -1);
        double distance = Math.sqrt(forward[0] * forward[0] + forward[1] * forward[1] + forward[2] * forward[2]);
        double[] right = unit(cross(forward, v(cam.up())));
        double[] up = unit(cross(right, unit(forward)));
        double halfHeight = distance * Math.tan(Math.toRadians(cam.vfovDegrees() / 2));
        double halfWidth = halfHeight * W / H;

        double[] top = project(meta, add(v(cam.lookAt()), up, halfHeight));
        double[] rightEdge = project(meta, add(v(cam.lookAt()), right, halfWidth));

        // v runs down from the top edge (0) and u right to the right edge (W), in continuous pixel coordinates.
        assertEquals(W / 2.0, top[0], EPS);
        assertEquals(0.0, top[1], EPS);
        assertEquals(W, rightEdge[0], EPS);
        assertEquals(H / 2.0, rightEdge[1], EPS);
    }

    @Test
    void aPointOnTheRenderersRayThroughAPixelCentreProjectsToThatCentre() throws IOException {
        JsonNode meta = writtenMeta();
        CameraPose cam = SyntheticFrame.CAMERA;
        double[] forward = unit(add(v(cam.lookAt()), v(cam.position()), -1));
        double[] right = unit(cross(forward, v(cam.up())));
        double[] up = unit(cross(right, forward));
        double tanHalf = Math.tan(Math.toRadians(cam.vfovDegrees()) * 0.5);

        for (int[] px : new int[][] {{0, 0}, {63, 0}, {10, 37}, {63, 47}}) {
            // camera.glsl: the primary ray through film position (u + 0.5, v + 0.5).
            double fu = px[0] + 0.5;
            double fv = px[1] + 0.5;
            double sx = (2.0 * fu / W - 1.0) * tanHalf * W / H;
            double sy = (1.0 - 2.0 * fv / H) * tanHalf;
            double[] dir = unit(add(add(forward, right, sx), up, sy));

            double[] p = project(meta, add(v(cam.position()), dir, 3.7));

            assertEquals(fu, p[0], EPS, "u of pixel " + px[0] + "," + px[1]);
            assertEquals(fv, p[1], EPS, "v of pixel " + px[0] + "," + px[1]);
        }
    }

    @Test
    void theRotationIsProperAndTheCameraCentreIsThePosePosition() throws IOException {
        JsonNode meta = writtenMeta();
        JsonNode r = meta.get("extrinsics").get("rotation");
        JsonNode t = meta.get("extrinsics").get("translation");
        double[][] m = new double[3][3];
        for (int i = 0; i < 3; i++) {
            for (int j = 0; j < 3; j++) {
                m[i][j] = r.get(i).get(j).asDouble();
            }
        }
        double det = m[0][0] * (m[1][1] * m[2][2] - m[1][2] * m[2][1]) - m[0][1] * (m[1][0] * m[2][2] - m[1][2] * m[2][0])
                + m[0][2] * (m[1][0] * m[2][1] - m[1][1] * m[2][0]);
        assertEquals(1.0, det, EPS, "a rotation, not a reflection");
        // C = -R^T t
        for (int j = 0; j < 3; j++) {
            double c = 0;
            for (int i = 0; i < 3; i++) {
                c -= m[i][j] * t.get(i).asDouble();
            }
            assertEquals(v(SyntheticFrame.CAMERA.position())[j], c, EPS, "camera centre component " + j);
        }
    }

    @Test
    void metaJsonRecordsTheFrameAndListsItsFiles() throws IOException {
        JsonNode meta = writtenMeta();

        assertEquals(1, meta.get("formatVersion").asInt());
        assertEquals("synthetic-1", meta.get("job").asText());
        assertEquals(0, meta.get("frame").asInt());
        assertEquals(W, meta.get("width").asInt());
        assertEquals(H, meta.get("height").asInt());
        assertEquals(2, meta.get("spp").asInt());
        assertEquals(77, meta.get("seed").asLong());
        assertEquals(40.0, meta.get("camera").get("vfovDegrees").asDouble());
        assertEquals("2025-01-02T03:04:05Z", meta.get("timings").get("assembledAt").asText());
        assertEquals("radiance.exr", meta.get("files").get(0).get("name").asText());
        assertEquals("rgb.png", meta.get("files").get(1).get("name").asText());
    }

    @Test
    void aCameraWithoutOrientationIsRefused() {
        CameraPose straightUp = new CameraPose(new Vec3(0, 0, 0), new Vec3(0, 5, 0), new Vec3(0, 1, 0), 40, 0, 0);

        IllegalArgumentException e = assertThrows(IllegalArgumentException.class, () -> PinholeCalibration.of(straightUp, W, H));

        assertEquals(true, e.getMessage().contains("up is parallel to the view direction"), e.getMessage());
    }
}
