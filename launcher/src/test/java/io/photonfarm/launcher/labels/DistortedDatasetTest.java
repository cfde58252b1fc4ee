package io.photonfarm.launcher.labels;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import io.photonfarm.api.camera.LensDistortion;
import io.photonfarm.api.work.CameraPose;
import io.photonfarm.image.IdImages;
import io.photonfarm.labels.PinholeCalibration;
import io.photonfarm.labels.raycast.Ray;
import io.photonfarm.labels.raycast.RayHit;
import io.photonfarm.labels.raycast.SceneRaycaster;
import io.photonfarm.scene.Scene;
import io.photonfarm.scene.builtin.BuiltinScenes;
import io.photonfarm.scene.camera.OpenCvLens;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Duration;
import java.util.Map;
import org.joml.Vector3f;
import org.junit.jupiter.api.AfterAll;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/**
 * Labelled jobs rendered through distorting lenses by a real node (lavapipe in CI): a Brown-Conrady
 * and a Kannala-Brandt job of the Cornell box. What each dataset says is checked against OpenCV's
 * equations (written out in the test library, independent of the renderer's) and against rays cast
 * on the CPU through the calibration meta.json records.
 */
class DistortedDatasetTest {
    static final int W = 64;
    static final int H = 48;
    static final Map<String, String> LENSES = Map.of(
            "barrel", "{\"model\": \"brown-conrady\", \"k1\": -0.3, \"k2\": 0.1, \"p1\": 0.002, \"p2\": -0.001, \"k3\": 0.01}",
            "fisheye", "{\"model\": \"kannala-brandt\", \"k1\": 0.1, \"k2\": -0.03, \"k3\": 0.005, \"k4\": -0.0005}");

    @TempDir
    static Path data;
    static LabelledFarm farm;
    static final ObjectMapper JSON = new ObjectMapper();

    static String job(String id) {
        return "{\"id\": \"" + id + "\", \"sceneRef\": \"builtin:cornell-box\", \"frames\": 1, \"width\": 64, \"height\": 48,"
                + " \"spp\": 4, \"tileSize\": 32, \"samplesPerUnit\": 4, \"maxBounces\": 1, \"seed\": 3,"
                + " \"passes\": [\"instance\", \"range\"], \"writers\": [\"coco\", \"bop\"], \"camera\": {\"lens\": "
                + LENSES.get(id) + "}}";
    }

    @BeforeAll
    static void render() throws Exception {
        farm = new LabelledFarm(data);
        for (String id : LENSES.keySet()) {
            farm.render(job(id), Duration.ofMinutes(5));
        }
    }

    @AfterAll
    static void stop() throws Exception {
        farm.close();
    }

    static JsonNode meta(String job) throws Exception {
        return JSON.readTree(Files.readAllBytes(farm.jobDir(job).resolve("frames/000000/meta.json")));
    }

    @Test
    void metaJsonGivesTheLensInOpenCvsOrderAndConventionsSayHowToReadIt() throws Exception {
        JsonNode barrel = meta("barrel").path("intrinsics").path("distortion");
        assertEquals("brown-conrady", barrel.path("model").asText());
        assertEquals("[-0.3,0.1,0.002,-0.001,0.01]", barrel.path("coefficients").toString());
        assertEquals("[\"k1\",\"k2\",\"p1\",\"p2\",\"k3\"]", barrel.path("names").toString());
        JsonNode fisheye = meta("fisheye").path("intrinsics").path("distortion");
        assertEquals("kannala-brandt", fisheye.path("model").asText());
        assertEquals("[0.1,-0.03,0.005,-5.0E-4]", fisheye.path("coefficients").toString());
        assertEquals("[\"k1\",\"k2\",\"k3\",\"k4\"]", fisheye.path("names").toString());
        assertEquals("brown-conrady", meta("barrel").path("camera").path("lens").path("model").asText());
        JsonNode conventions = JSON.readTree(Files.readAllBytes(farm.jobDir("barrel").resolve("conventions.json")));
        String lens = conventions.path("lens_distortion").asText();
        assertTrue(lens.contains("[k1, k2, p1, p2, k3]") && lens.contains("[k1, k2, k3, k4]") && lens.contains("ray generation"), lens);
    }

    /**
     * Every landmark's pixel in meta.json is OpenCV's distortion of its pinhole projection, which the test
     * computes from the scene's landmark, meta.json's extrinsics and K, and meta.json's coefficients.
     */
    @Test
    void everyLandmarkIsOpenCvsDistortionOfItsPinholeProjection() throws Exception {
        Scene scene = BuiltinScenes.cornellBox();
        for (String job : LENSES.keySet()) {
            JsonNode meta = meta(job);
            JsonNode k = meta.path("intrinsics").path("k");
            double fx = k.get(0).get(0).asDouble();
            double fy = k.get(1).get(1).asDouble();
            double cx = k.get(0).get(2).asDouble();
            double cy = k.get(1).get(2).asDouble();
            JsonNode distortion = meta.path("intrinsics").path("distortion");
            double[] coefficients = JSON.treeToValue(distortion.path("coefficients"), double[].class);
            JsonNode rt = meta.path("extrinsics").path("worldToCamera");
            int checked = 0;
            double worst = 0;
            for (JsonNode o : meta.path("objects")) {
                var instance = scene.instances().get(o.path("instanceId").asInt() - 1);
                var points = scene.meshes().get(instance.mesh()).landmarks().points();
                for (int i = 0; i < points.size(); i++) {
                    Vector3f w = instance.objectToWorld().transformPosition(new Vector3f(points.get(i).position()));
                    double[] x = {w.x, w.y, w.z, 1};
                    double[] c = new double[3];
                    for (int r = 0; r < 3; r++) {
                        for (int col = 0; col < 4; col++) {
                            c[r] += rt.get(r).get(col).asDouble() * x[col];
                        }
                    }
                    // The undistorted pinhole projection, back to normalised coordinates, then OpenCV's distortion.
                    double u0 = fx * c[0] / c[2] + cx;
                    double v0 = fy * c[1] / c[2] + cy;
                    double[] expected = OpenCvLens.project(distortion.path("model").asText(), coefficients, fx, fy, cx, cy,
                            new double[] {(u0 - cx) / fx, (v0 - cy) / fy, 1});
                    JsonNode lm = o.path("landmarks").get(i);
                    assertEquals(points.get(i).name(), lm.path("name").asText());
                    assertEquals(expected[0], lm.path("pixel").get(0).asDouble(), 1e-3, job + " " + lm.path("name").asText() + " u");
                    assertEquals(expected[1], lm.path("pixel").get(1).asDouble(), 1e-3, job + " " + lm.path("name").asText() + " v");
                    worst = Math.max(worst, Math.hypot(expected[0] - lm.path("pixel").get(0).asDouble(),
                            expected[1] - lm.path("pixel").get(1).asDouble()));
                    checked++;
                }
            }
            assertEquals(18, checked, job + ": 9 landmarks on each of the two blocks");
            assertTrue(worst < 1e-9, job + ": landmarks off OpenCV's projection by up to " + worst + " px");
        }
    }

    @Test
    void theInstancePassIsTheCpuRayCastThroughTheDistortedCalibrationOfMetaJson() throws Exception {
        SceneRaycaster rc = new SceneRaycaster(BuiltinScenes.cornellBox());
        for (String job : LENSES.keySet()) {
            JsonNode meta = meta(job);
            CameraPose pose = JSON.treeToValue(meta.path("camera"), CameraPose.class);
            assertEquals(JSON.readValue(LENSES.get(job), LensDistortion.class), pose.lens(), job);
            PinholeCalibration cal = PinholeCalibration.of(pose, W, H);
            PinholeCalibration straight = PinholeCalibration.of(pose.withLens(null), W, H);
            int[] mask = IdImages.readGreyPng(farm.jobDir(job).resolve("frames/000000/instance.png"));
            int onEdge = 0;
            int unlikePinhole = 0;
            for (int v = 0; v < H; v++) {
                for (int u = 0; u < W; u++) {
                    int cpu = instance(rc, cal, u + 0.5, v + 0.5);
                    unlikePinhole += instance(rc, straight, u + 0.5, v + 0.5) != mask[v * W + u] ? 1 : 0;
                    if (cpu == mask[v * W + u]) {
                        continue;
                    }
                    boolean edge = false;
                    for (double[] d : new double[][] {{1e-4, 0}, {-1e-4, 0}, {0, 1e-4}, {0, -1e-4}}) {
                        edge |= instance(rc, cal, u + 0.5 + d[0], v + 0.5 + d[1]) != cpu;
                    }
                    assertTrue(edge, job + " pixel (" + u + ", " + v + "): instance.png " + mask[v * W + u] + ", CPU " + cpu
                            + ", and the pixel centre is not on an edge");
                    onEdge++;
                }
            }
            assertTrue(onEdge <= W * H / 200, job + ": " + onEdge + " pixels decided differently on an edge");
            assertTrue(unlikePinhole > W * H / 50, job + ": only " + unlikePinhole + " pixels differ from a pinhole's view");
        }
    }

    private static int instance(SceneRaycaster rc, PinholeCalibration cal, double u, double v) {
        RayHit hit = rc.closest(Ray.of(cal.cameraCentre(), cal.worldDirection(u, v)));
        return hit == null ? 0 : hit.instance() + 1;
    }
}
