package io.photonfarm.coordinator.annotations;

import io.photonfarm.api.job.AnnotationFormat;
import static io.photonfarm.coordinator.annotations.CocoWriterTest.doubles;
import static org.junit.jupiter.api.Assertions.assertArrayEquals;
import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import io.photonfarm.labels.ObjectAnnotation;
import io.photonfarm.labels.RegionMask;
import java.awt.image.BufferedImage;
import java.awt.image.Raster;
import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;
import java.util.stream.Stream;
import javax.imageio.ImageIO;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

class BopWriterTest {
    @TempDir
    Path job;

    private Path scene;
    private JsonNode sceneCamera;
    private JsonNode sceneGt;
    private JsonNode sceneGtInfo;

    @BeforeEach
    void writeTwoFramesAndFinish() throws IOException {
        AnnotationWriters writers = new AnnotationWriters(List.of(AnnotationFormat.BOP), HandMadeFrame.TOLERANCE);
        HandMadeFrame.writeFrames(writers, job, 0, 1);
        writers.finishJob(job);
        scene = job.resolve("annotations/bop/000000");
        ObjectMapper json = new ObjectMapper();
        sceneCamera = json.readTree(scene.resolve("scene_camera.json").toFile());
        sceneGt = json.readTree(scene.resolve("scene_gt.json").toFile());
        sceneGtInfo = json.readTree(scene.resolve("scene_gt_info.json").toFile());
    }

    @Test
    void everyAnnotatedObjectIsInSceneGtInInstanceOrderWithItsClassAsObjId() {
        assertEquals(List.of("0", "1"), fieldNames(sceneGt));
        assertEquals(fieldNames(sceneGt), fieldNames(sceneCamera));
        assertEquals(fieldNames(sceneGt), fieldNames(sceneGtInfo));
        for (String im : fieldNames(sceneGt)) {
            List<ObjectAnnotation> objects = HandMadeFrame.frame(Integer.parseInt(im)).objects().objects();
            JsonNode gts = sceneGt.get(im);
            assertEquals(objects.size(), gts.size(), "image " + im + ": fully occluded objects are BOP objects too");
            assertEquals(objects.size(), sceneGtInfo.get(im).size());
            for (int k = 0; k < gts.size(); k++) {
                assertEquals(objects.get(k).instanceId(), gts.get(k).get("instance_id").asInt());
                assertEquals(objects.get(k).categoryId(), gts.get(k).get("obj_id").asInt());
            }
        }
    }

    @Test
    void thePoseReprojectsTheObjectBoxCornersOntoBboxObj() {
        for (String im : fieldNames(sceneGt)) {
            double[] k = doubles(sceneCamera.get(im).get("cam_K"));
            List<ObjectAnnotation> objects = HandMadeFrame.frame(Integer.parseInt(im)).objects().objects();
            for (int i = 0; i < objects.size(); i++) {
                JsonNode gt = sceneGt.get(im).get(i);
                double[] r = doubles(gt.get("cam_R_m2c"));
                double[] t = doubles(gt.get("cam_t_m2c"));
                double[] s = doubles(gt.get("scale"));
                ObjectAnnotation o = objects.get(i);
                double[] box = {Double.MAX_VALUE, Double.MAX_VALUE, -Double.MAX_VALUE, -Double.MAX_VALUE};
                for (int c = 0; c < 8; c++) {
                    // The model in millimetres, scaled by the instance scale, then R X + t (mm), then K.
                    double[] x = new double[3];
                    for (int a = 0; a < 3; a++) {
                        x[a] = ((c >> a & 1) != 0 ? o.boundsMax()[a] : o.boundsMin()[a]) * 1000 * s[a];
                    }
                    double[] cam = new double[3];
                    for (int row = 0; row < 3; row++) {
                        cam[row] = r[3 * row] * x[0] + r[3 * row + 1] * x[1] + r[3 * row + 2] * x[2] + t[row];
                    }
                    double u = (k[0] * cam[0] + k[1] * cam[1] + k[2] * cam[2]) / cam[2];
                    double v = (k[3] * cam[0] + k[4] * cam[1] + k[5] * cam[2]) / cam[2];
                    box[0] = Math.min(box[0], u);
                    box[1] = Math.min(box[1], v);
                    box[2] = Math.max(box[2], u);
                    box[3] = Math.max(box[3], v);
                }
                double[] bboxObj = doubles(sceneGtInfo.get(im).get(i).get("bbox_obj"));
                assertArrayEquals(new double[] {box[0], box[1], box[2] - box[0], box[3] - box[1]}, bboxObj, 1e-3,
                        "image " + im + " object " + i);
            }
        }
    }

    @Test
    void masksDecodeToTheirPixelCountsAndTheFramesMasks() throws IOException {
        for (String im : fieldNames(sceneGt)) {
            int frame = Integer.parseInt(im);
            FrameLabels labels = HandMadeFrame.frame(frame);
            for (int k = 0; k < sceneGt.get(im).size(); k++) {
                JsonNode info = sceneGtInfo.get(im).get(k);
                ObjectAnnotation o = labels.objects().objects().get(k);
                RegionMask amodal = labels.objects().amodalMasks().get(k);
                String name = String.format("%06d_%06d.png", frame, k);
                boolean[] visib = readMask(scene.resolve("mask_visib").resolve(name));
                boolean[] all = readMask(scene.resolve("mask").resolve(name));
                int visibCount = 0;
                int allCount = 0;
                int[] box = {Integer.MAX_VALUE, Integer.MAX_VALUE, -1, -1};
                for (int y = 0; y < HandMadeFrame.H; y++) {
                    for (int x = 0; x < HandMadeFrame.W; x++) {
                        int p = y * HandMadeFrame.W + x;
                        assertEquals(labels.instancePass()[p] == o.instanceId(), visib[p], name + " pixel " + x + "," + y);
                        assertEquals(amodal.get(x, y), all[p], name + " pixel " + x + "," + y);
                        if (visib[p]) {
                            visibCount++;
                            box = new int[] {Math.min(box[0], x), Math.min(box[1], y), Math.max(box[2], x + 1),
                                Math.max(box[3], y + 1)};
                        }
                        allCount += all[p] ? 1 : 0;
                    }
                }
                assertEquals(visibCount, info.get("px_count_visib").asInt(), name);
                assertEquals(allCount, info.get("px_count_all").asInt(), name);
                assertEquals(allCount, info.get("px_count_valid").asInt(), name);
                assertEquals(allCount == 0 ? 0 : (double) visibCount / allCount, info.get("visib_fract").asDouble(), 1e-12);
                int[] bboxVisib = visibCount == 0 ? new int[] {-1, -1, -1, -1}
                        : new int[] {box[0], box[1], box[2] - box[0], box[3] - box[1]};
                assertArrayEquals(bboxVisib, ints(info.get("bbox_visib")), name);
            }
        }
    }

    @Test
    void theFullyOccludedMugHasAnEmptyVisibleMaskButItsWholeSilhouette() {
        JsonNode d = sceneGtInfo.get("0").get(3);
        assertEquals(5, sceneGt.get("0").get(3).get("instance_id").asInt());
        assertEquals(0, d.get("px_count_visib").asInt());
        assertEquals(16, d.get("px_count_all").asInt());
        assertArrayEquals(new int[] {-1, -1, -1, -1}, ints(d.get("bbox_visib")));
    }

    @Test
    void maskDirectoriesHoldOneFilePerFrameAndObject() throws IOException {
        List<String> expected = new ArrayList<>();
        for (String im : fieldNames(sceneGt)) {
            for (int k = 0; k < sceneGt.get(im).size(); k++) {
                expected.add(String.format("%06d_%06d.png", Integer.parseInt(im), k));
            }
        }
        assertEquals(expected, list(scene.resolve("mask")));
        assertEquals(expected, list(scene.resolve("mask_visib")));
    }

    @Test
    void theCameraIsKAndTheWorldToCameraPoseInMillimetres() throws IOException {
        JsonNode cam = sceneCamera.get("0");
        assertArrayEquals(new double[] {30, 0, 16, 0, 30, 12, 0, 0, 1}, doubles(cam.get("cam_K")), 0);
        assertArrayEquals(new double[] {100, -200, 300}, doubles(cam.get("cam_t_w2c")), 1e-9);
        double[] r = doubles(cam.get("cam_R_w2c"));
        assertEquals(Math.cos(Math.toRadians(5)), r[0], 1e-12);
        assertEquals(1.0, cam.get("depth_scale").asDouble(), 0);
        JsonNode dataset = new ObjectMapper().readTree(job.resolve("annotations/bop/camera.json").toFile());
        assertEquals(30, dataset.get("fx").asDouble(), 0);
        assertEquals(16, dataset.get("cx").asDouble(), 0);
        assertEquals(HandMadeFrame.W, dataset.get("width").asInt());
        assertEquals(HandMadeFrame.H, dataset.get("height").asInt());
        assertArrayEquals(new double[] {1.5, 1.5, 1.5}, doubles(sceneGt.get("0").get(1).get("scale")), 0);
        assertArrayEquals(new double[] {0, 100, 2500}, doubles(sceneGt.get("0").get(1).get("cam_t_m2c")), 1e-9);
    }

    private static boolean[] readMask(Path png) throws IOException {
        BufferedImage img = ImageIO.read(png.toFile());
        assertEquals(HandMadeFrame.W, img.getWidth());
        assertEquals(HandMadeFrame.H, img.getHeight());
        Raster r = img.getRaster();
        assertEquals(1, r.getNumBands());
        assertEquals(8, img.getColorModel().getComponentSize(0));
        boolean[] out = new boolean[HandMadeFrame.W * HandMadeFrame.H];
        for (int y = 0; y < HandMadeFrame.H; y++) {
            for (int x = 0; x < HandMadeFrame.W; x++) {
                int v = r.getSample(x, y, 0);
                assertTrue(v == 0 || v == 255, png + " holds " + v);
                out[y * HandMadeFrame.W + x] = v == 255;
            }
        }
        return out;
    }

    private static List<String> fieldNames(JsonNode n) {
        List<String> out = new ArrayList<>();
        n.fieldNames().forEachRemaining(out::add);
        return out;
    }

    private static List<String> list(Path dir) throws IOException {
        try (Stream<Path> s = Files.list(dir)) {
            return s.map(p -> p.getFileName().toString()).sorted().toList();
        }
    }

    static int[] ints(JsonNode array) {
        int[] out = new int[array.size()];
        for (int i = 0; i < out.length; i++) {
            out[i] = array.get(i).asInt();
        }
        return out;
    }
}
