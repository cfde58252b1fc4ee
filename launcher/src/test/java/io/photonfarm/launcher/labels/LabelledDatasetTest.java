package io.photonfarm.launcher.labels;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import io.photonfarm.api.work.CameraPose;
import io.photonfarm.image.ExrImage;
import io.photonfarm.image.IdImages;
import io.photonfarm.image.Images;
import io.photonfarm.labels.PinholeCalibration;
import io.photonfarm.labels.raycast.Ray;
import io.photonfarm.labels.raycast.RayHit;
import io.photonfarm.labels.raycast.SceneRaycaster;
import io.photonfarm.scene.Scene;
import io.photonfarm.scene.builtin.BuiltinScenes;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Duration;
import org.junit.jupiter.api.AfterAll;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/**
 * A labelled job rendered through the farm by a real node (lavapipe in CI): every pass and writer
 * on, a small Cornell box. What the dataset says is checked against the scene itself, with rays cast
 * on the CPU from the camera that meta.json records.
 */
class LabelledDatasetTest {
    static final int W = 64;
    static final int H = 48;
    static final String JOB = """
            {"id": "labelled", "sceneRef": "builtin:cornell-box", "frames": 2, "width": 64, "height": 48, "spp": 8,
             "tileSize": 32, "samplesPerUnit": 4, "maxBounces": 2, "seed": 5,
             "passes": ["depth_z", "range", "normal_camera", "normal_world", "instance", "semantic", "material", "albedo",
                        "roughness", "metallic", "uv", "position_world", "nocs", "coverage"],
             "writers": ["coco", "bop", "kitti", "yolo"]}""";

    @TempDir
    static Path data;
    static LabelledFarm farm;
    static Path job;
    static final ObjectMapper JSON = new ObjectMapper();

    @BeforeAll
    static void render() throws Exception {
        farm = new LabelledFarm(data);
        farm.render(JOB, Duration.ofMinutes(5));
        job = farm.jobDir("labelled");
        // The job-level annotations are aggregated right after the last frame is written.
        Path finished = job.resolve("annotations").resolve(".finished");
        for (int i = 0; i < 300 && !Files.exists(finished); i++) {
            Thread.sleep(100);
        }
    }

    @AfterAll
    static void stop() throws Exception {
        farm.close();
    }

    static Path frame(int f) {
        return job.resolve("frames").resolve(String.format("%06d", f));
    }

    static PinholeCalibration calibration(JsonNode meta) throws Exception {
        CameraPose pose = JSON.treeToValue(meta.path("camera"), CameraPose.class);
        return PinholeCalibration.of(pose, W, H);
    }

    /** The instance id the CPU sees through (u, v), 0 for none. */
    static int cpuInstance(SceneRaycaster rc, PinholeCalibration cal, double u, double v) {
        Ray ray = Ray.of(cal.cameraCentre(), cal.worldDirection(u, v));
        RayHit hit = rc.closest(ray);
        return hit == null ? 0 : hit.instance() + 1;
    }

    @Test
    void instanceMasksAreExactlyThePixelsWhoseCentreRayHitsTheInstance() throws Exception {
        Scene scene = BuiltinScenes.cornellBox();
        SceneRaycaster rc = new SceneRaycaster(scene);
        for (int f = 0; f < 2; f++) {
            JsonNode meta = JSON.readTree(Files.readAllBytes(frame(f).resolve("meta.json")));
            PinholeCalibration cal = calibration(meta);
            int[] mask = IdImages.readGreyPng(frame(f).resolve("instance.png"));
            int agree = 0;
            int onEdge = 0;
            for (int v = 0; v < H; v++) {
                for (int u = 0; u < W; u++) {
                    int cpu = cpuInstance(rc, cal, u + 0.5, v + 0.5);
                    int gpu = mask[v * W + u];
                    if (cpu == gpu) {
                        agree++;
                        continue;
                    }
                    // A disagreement is allowed only where the centre lies on a silhouette: rays 1e-4 px
                    // away on either side must see different instances.
                    boolean edge = false;
                    for (double[] d : new double[][] {{1e-4, 0}, {-1e-4, 0}, {0, 1e-4}, {0, -1e-4}}) {
                        edge |= cpuInstance(rc, cal, u + 0.5 + d[0], v + 0.5 + d[1]) != cpu;
                    }
                    assertTrue(edge, "frame " + f + " pixel (" + u + ", " + v + "): GPU instance " + gpu + ", CPU " + cpu
                            + ", and the pixel centre is not on an edge");
                    onEdge++;
                }
            }
            assertTrue(onEdge <= W * H / 200, "frame " + f + ": " + onEdge + " pixels decided differently on an edge");
            assertEquals(W * H, agree + onEdge);
        }
    }

    @Test
    void depthAndRangeAreTheCpuRayDistancesEverywhere() throws Exception {
        SceneRaycaster rc = new SceneRaycaster(BuiltinScenes.cornellBox());
        JsonNode meta = JSON.readTree(Files.readAllBytes(frame(0).resolve("meta.json")));
        PinholeCalibration cal = calibration(meta);
        float[] range = Images.readExrChannels(frame(0).resolve("range.exr")).channel("Y");
        float[] depth = Images.readExrChannels(frame(0).resolve("depth_z.exr")).channel("Y");
        int[] mask = IdImages.readGreyPng(frame(0).resolve("instance.png"));
        int checked = 0;
        for (int v = 0; v < H; v++) {
            for (int u = 0; u < W; u++) {
                Ray ray = Ray.pixelCentre(cal, u, v);
                RayHit hit = rc.closest(ray);
                int p = v * W + u;
                if (hit == null && mask[p] == 0) {
                    assertEquals(Float.POSITIVE_INFINITY, range[p], "background range at (" + u + ", " + v + ")");
                    assertEquals(Float.POSITIVE_INFINITY, depth[p], "background depth at (" + u + ", " + v + ")");
                    checked++;
                    continue;
                }
                if (hit == null || hit.instance() + 1 != mask[p]) {
                    continue; // a silhouette pixel decided the other way (see the mask test)
                }
                assertEquals(hit.t(), range[p], 1e-4 * hit.t(), "range at (" + u + ", " + v + ")");
                double[] x = ray.at(hit.t());
                double camZ = cal.toCamera(new io.photonfarm.api.work.Vec3(x[0], x[1], x[2])).z();
                assertEquals(camZ, depth[p], 1e-4 * camZ, "depth_z at (" + u + ", " + v + ")");
                checked++;
            }
        }
        assertTrue(checked > W * H * 9 / 10, "pixels checked: " + checked);
    }

    @Test
    void everyObjectsBoxAndCountsFollowFromItsMask() throws Exception {
        for (int f = 0; f < 2; f++) {
            JsonNode meta = JSON.readTree(Files.readAllBytes(frame(f).resolve("meta.json")));
            int[] mask = IdImages.readGreyPng(frame(f).resolve("instance.png"));
            int[] semantic = IdImages.readGreyPng(frame(f).resolve("semantic.png"));
            JsonNode objects = meta.path("objects");
            assertEquals(2, objects.size(), "both blocks of the Cornell box are annotated in frame " + f);
            for (JsonNode o : objects) {
                int id = o.path("instanceId").asInt();
                int count = 0;
                int u0 = W;
                int v0 = H;
                int u1 = -1;
                int v1 = -1;
                for (int p = 0; p < W * H; p++) {
                    if (mask[p] == id) {
                        count++;
                        u0 = Math.min(u0, p % W);
                        u1 = Math.max(u1, p % W);
                        v0 = Math.min(v0, p / W);
                        v1 = Math.max(v1, p / W);
                        assertEquals(o.path("categoryId").asInt(), semantic[p], "semantic id under instance " + id);
                    }
                }
                assertEquals(count, o.path("visiblePixels").asInt(), "visible pixels of " + o.path("name").asText());
                JsonNode box = o.path("tightBox");
                assertEquals(u0, box.path("xMin").asDouble(), 0.0);
                assertEquals(v0, box.path("yMin").asDouble(), 0.0);
                assertEquals(u1 + 1, box.path("xMax").asDouble(), 0.0);
                assertEquals(v1 + 1, box.path("yMax").asDouble(), 0.0);
                double expected = (double) count / o.path("unoccludedPixels").asInt();
                assertEquals(expected, o.path("visibility").asDouble(), 1e-12, "visibility of " + o.path("name").asText());
                assertEquals(9, o.path("landmarks").size(), "landmarks of a block");
            }
        }
    }

    @Test
    void cocoInstancesAgreeWithTheInstancePassAndEveryWriterFinished() throws Exception {
        JsonNode coco = JSON.readTree(Files.readAllBytes(job.resolve("annotations/coco_instances.json")));
        assertEquals(2, coco.path("images").size());
        int annotations = 0;
        for (JsonNode a : coco.path("annotations")) {
            int frame = a.path("image_id").asInt() - 1;
            int[] mask = IdImages.readGreyPng(frame(frame).resolve("instance.png"));
            int id = a.path("instance_id").asInt();
            long count = java.util.Arrays.stream(mask).filter(m -> m == id).count();
            assertEquals(count, a.path("area").asLong(), "COCO area of instance " + id + " in frame " + frame);
            JsonNode meta = JSON.readTree(Files.readAllBytes(frame(frame).resolve("meta.json")));
            for (JsonNode o : meta.path("objects")) {
                if (o.path("instanceId").asInt() == id) {
                    JsonNode b = o.path("tightBox");
                    assertEquals(b.path("xMin").asDouble(), a.path("bbox").get(0).asDouble(), 1e-9);
                    assertEquals(b.path("yMin").asDouble(), a.path("bbox").get(1).asDouble(), 1e-9);
                    assertEquals(b.path("xMax").asDouble() - b.path("xMin").asDouble(), a.path("bbox").get(2).asDouble(), 1e-9);
                    assertEquals(b.path("yMax").asDouble() - b.path("yMin").asDouble(), a.path("bbox").get(3).asDouble(), 1e-9);
                }
            }
            annotations++;
        }
        assertEquals(4, annotations, "two blocks in each of two frames");
        for (String f : new String[] {"conventions.json", "annotations/coco_keypoints.json", "annotations/bop/000000/scene_gt.json",
                "annotations/bop/000000/scene_camera.json", "annotations/bop/000000/scene_gt_info.json",
                "annotations/kitti/label_2/000001.txt", "annotations/yolo/data.yaml", "annotations/yolo/labels/000000.txt"}) {
            assertTrue(Files.size(job.resolve(f)) > 0, f);
        }
    }

    @Test
    void landmarksProjectThroughTheIntrinsicsAndExtrinsicsInMetaJson() throws Exception {
        Scene scene = BuiltinScenes.cornellBox();
        JsonNode meta = JSON.readTree(Files.readAllBytes(frame(0).resolve("meta.json")));
        JsonNode k = meta.path("intrinsics").path("k");
        JsonNode rt = meta.path("extrinsics").path("worldToCamera");
        int checked = 0;
        for (JsonNode o : meta.path("objects")) {
            var instance = scene.instances().get(o.path("instanceId").asInt() - 1);
            var points = scene.meshes().get(instance.mesh()).landmarks().points();
            for (int i = 0; i < points.size(); i++) {
                var w = instance.objectToWorld().transformPosition(new org.joml.Vector3f(points.get(i).position()));
                double[] x = {w.x, w.y, w.z, 1};
                double[] c = new double[3];
                for (int r = 0; r < 3; r++) {
                    for (int col = 0; col < 4; col++) {
                        c[r] += rt.get(r).get(col).asDouble() * x[col];
                    }
                }
                double u = (k.get(0).get(0).asDouble() * c[0] + k.get(0).get(2).asDouble() * c[2]) / c[2];
                double v = (k.get(1).get(1).asDouble() * c[1] + k.get(1).get(2).asDouble() * c[2]) / c[2];
                JsonNode lm = o.path("landmarks").get(i);
                assertEquals(points.get(i).name(), lm.path("name").asText());
                assertEquals(u, lm.path("pixel").get(0).asDouble(), 1e-3, lm.path("name").asText() + " u");
                assertEquals(v, lm.path("pixel").get(1).asDouble(), 1e-3, lm.path("name").asText() + " v");
                checked++;
            }
        }
        assertEquals(18, checked, "9 landmarks on each of the two blocks");
    }

    @Test
    void everyPassFileIsListedInMetaAndReadable() throws Exception {
        JsonNode meta = JSON.readTree(Files.readAllBytes(frame(1).resolve("meta.json")));
        java.util.Set<String> listed = new java.util.TreeSet<>();
        meta.path("files").forEach(n -> listed.add(n.path("name").asText()));
        for (String name : new String[] {"depth_z.exr", "range.exr", "normal_camera.exr", "normal_camera_geometric.exr",
                "normal_world.exr", "normal_world_geometric.exr", "instance.png", "semantic.png", "material.png", "albedo.exr",
                "roughness.exr", "metallic.exr", "uv.exr", "position_world.exr", "nocs.exr", "coverage.exr"}) {
            assertTrue(listed.contains(name), name + " listed in meta.json: " + listed);
            assertTrue(Files.size(frame(1).resolve(name)) > 0, name);
        }
        ExrImage normals = Images.readExrChannels(frame(1).resolve("normal_camera.exr"));
        float[] x = normals.channel("R");
        float[] y = normals.channel("G");
        float[] z = normals.channel("B");
        int[] mask = IdImages.readGreyPng(frame(1).resolve("instance.png"));
        PinholeCalibration cal = calibration(meta);
        for (int p = 0; p < W * H; p++) {
            if (mask[p] != 0) {
                assertEquals(1.0, Math.sqrt(x[p] * x[p] + y[p] * y[p] + z[p] * z[p]), 1e-5, "unit camera normal");
                // Seen surfaces face the camera: the normal opposes the camera-frame ray through the pixel.
                double dx = (p % W + 0.5 - cal.cx()) / cal.fx();
                double dy = (p / W + 0.5 - cal.cy()) / cal.fy();
                assertTrue(x[p] * dx + y[p] * dy + z[p] < 0, "camera normal faces the camera at pixel " + p);
            }
        }
        float[] coverage = Images.readExrChannels(frame(1).resolve("coverage.exr")).channel("Y");
        for (float c : coverage) {
            assertTrue(c >= 0 && c <= 1, "coverage in [0, 1]");
        }
    }
}
