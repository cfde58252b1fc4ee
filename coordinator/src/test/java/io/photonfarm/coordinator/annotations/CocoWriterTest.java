package io.photonfarm.coordinator.annotations;

import io.photonfarm.api.job.AnnotationFormat;
import static org.junit.jupiter.api.Assertions.assertArrayEquals;
import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertTrue;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.HashMap;
import java.util.HashSet;
import java.util.List;
import java.util.Map;
import java.util.Set;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

class CocoWriterTest {
    @TempDir
    Path job;

    private JsonNode instances;
    private JsonNode keypoints;

    @BeforeEach
    void writeTwoFramesAndFinish() throws IOException {
        AnnotationWriters writers = new AnnotationWriters(List.of(AnnotationFormat.COCO), HandMadeFrame.TOLERANCE);
        HandMadeFrame.writeFrames(writers, job, 0, 1);
        writers.finishJob(job);
        ObjectMapper json = new ObjectMapper();
        instances = json.readTree(job.resolve("annotations/coco_instances.json").toFile());
        keypoints = json.readTree(job.resolve("annotations/coco_keypoints.json").toFile());
    }

    @Test
    void aFrameWritesOneCocoFileAndNamesIt() throws IOException {
        Path dir = job.resolve("frames/000005");
        List<String> names = new AnnotationWriters(List.of(AnnotationFormat.COCO), 0.01)
                .writeFrame(HandMadeFrame.frame(5), dir);
        assertEquals(List.of("coco.json"), names);
        assertTrue(Files.isRegularFile(dir.resolve("coco.json")));
    }

    @Test
    void imagesHaveUniqueIdsAndPointAtTheirFramesRgb() {
        Set<Integer> ids = new HashSet<>();
        for (JsonNode image : instances.get("images")) {
            assertTrue(ids.add(image.get("id").asInt()), "image id " + image.get("id") + " repeats");
            int frame = image.get("frame").asInt();
            assertEquals(frame + 1, image.get("id").asInt());
            assertEquals(String.format("frames/%06d/rgb.png", frame), image.get("file_name").asText());
            assertEquals(HandMadeFrame.W, image.get("width").asInt());
            assertEquals(HandMadeFrame.H, image.get("height").asInt());
        }
        assertEquals(Set.of(1, 2), ids);
    }

    @Test
    void categoriesAreTheClassTableAndEveryAnnotationRefersToOneAndToAnImage() {
        Map<Integer, String> categories = new HashMap<>();
        for (JsonNode c : instances.get("categories")) {
            categories.put(c.get("id").asInt(), c.get("name").asText());
        }
        assertEquals(Map.of(1, "box", 2, "coffee mug", 3, "zebra"), categories);
        Set<Integer> imageIds = new HashSet<>();
        instances.get("images").forEach(i -> imageIds.add(i.get("id").asInt()));
        for (JsonNode a : instances.get("annotations")) {
            assertTrue(categories.containsKey(a.get("category_id").asInt()), a.toString());
            assertTrue(imageIds.contains(a.get("image_id").asInt()), a.toString());
        }
    }

    @Test
    void annotationIdsAreUniqueFromOneAndFullyOccludedObjectsAreNotInstances() {
        List<Integer> ids = new ArrayList<>();
        List<String> objects = new ArrayList<>();
        for (JsonNode a : instances.get("annotations")) {
            ids.add(a.get("id").asInt());
            objects.add(a.get("image_id").asInt() + ":" + a.get("instance_id").asInt());
            assertEquals(0, a.get("iscrowd").asInt());
            assertFalse(a.has("keypoints"), "the instances file carries no keypoints");
        }
        assertEquals(List.of(1, 2, 3, 4, 5), ids);
        // Frame 0 (image 1) has A, B and C; frame 1 has A and B; D (instance 5) is hidden behind B in both.
        assertEquals(List.of("1:2", "1:3", "1:4", "2:2", "2:3"), objects);
    }

    @Test
    void segmentationDecodesExactlyToTheVisibleMaskAndAreaIsItsPixelCount() {
        for (JsonNode a : instances.get("annotations")) {
            int frame = a.get("image_id").asInt() - 1;
            int id = a.get("instance_id").asInt();
            JsonNode seg = a.get("segmentation");
            assertEquals(List.of(HandMadeFrame.H, HandMadeFrame.W),
                    List.of(seg.get("size").get(0).asInt(), seg.get("size").get(1).asInt()));
            boolean[] decoded = CocoRleDecoder.mask(CocoRleDecoder.counts(seg.get("counts").asText()),
                    HandMadeFrame.H, HandMadeFrame.W);
            int[] pass = HandMadeFrame.instancePass(frame);
            int count = 0;
            for (int i = 0; i < pass.length; i++) {
                assertEquals(pass[i] == id, decoded[i], "frame " + frame + " instance " + id + " pixel " + i);
                count += decoded[i] ? 1 : 0;
            }
            assertEquals(count, a.get("area").asInt());
        }
        // A is a 10x10 square less the part of B's disc in front of it.
        JsonNode a = instances.get("annotations").get(0);
        assertEquals(2, a.get("instance_id").asInt());
        assertEquals(100 - overlapOfAAndB(), a.get("area").asInt());
    }

    private static int overlapOfAAndB() {
        int n = 0;
        for (int y = 0; y < HandMadeFrame.H; y++) {
            for (int x = 0; x < HandMadeFrame.W; x++) {
                n += HandMadeFrame.A.test(x, y) && HandMadeFrame.B.test(x, y) ? 1 : 0;
            }
        }
        return n;
    }

    @Test
    void bboxIsTheTightBoxOfTheMaskInContinuousCoordinatesInsideTheImage() {
        for (JsonNode a : instances.get("annotations")) {
            double[] b = doubles(a.get("bbox"));
            assertTrue(b[0] >= 0 && b[1] >= 0 && b[2] > 0 && b[3] > 0, a.toString());
            assertTrue(b[0] + b[2] <= HandMadeFrame.W && b[1] + b[3] <= HandMadeFrame.H, a.toString());
            boolean[] m = CocoRleDecoder.mask(CocoRleDecoder.counts(a.get("segmentation").get("counts").asText()),
                    HandMadeFrame.H, HandMadeFrame.W);
            int x0 = Integer.MAX_VALUE;
            int y0 = Integer.MAX_VALUE;
            int x1 = 0;
            int y1 = 0;
            for (int i = 0; i < m.length; i++) {
                if (m[i]) {
                    x0 = Math.min(x0, i % HandMadeFrame.W);
                    y0 = Math.min(y0, i / HandMadeFrame.W);
                    x1 = Math.max(x1, i % HandMadeFrame.W + 1);
                    y1 = Math.max(y1, i / HandMadeFrame.W + 1);
                }
            }
            assertArrayEquals(new double[] {x0, y0, x1 - x0, y1 - y0}, b, 0);
        }
        // C is cut by the right edge: its tight box ends at the image's edge, its unclipped amodal box beyond.
        JsonNode c = instances.get("annotations").get(2);
        assertEquals(4, c.get("instance_id").asInt());
        assertArrayEquals(new double[] {26, 2, 6, 6}, doubles(c.get("bbox")), 0);
        double[] unclipped = doubles(c.get("bbox_amodal_unclipped"));
        assertTrue(unclipped[0] + unclipped[2] > HandMadeFrame.W);
        double[] amodal = doubles(c.get("bbox_amodal"));
        assertEquals(HandMadeFrame.W, amodal[0] + amodal[2], 1e-12);
    }

    @Test
    void keypointsCarryVisibilityAndNumKeypointsCountsTheLabelledOnes() {
        List<JsonNode> anns = new ArrayList<>();
        keypoints.get("annotations").forEach(anns::add);
        assertEquals(2, anns.size(), "the mug B in frames 0 and 1; D is not visible, the boxes have no keypoints");
        Map<Integer, JsonNode> byId = new HashMap<>();
        instances.get("annotations").forEach(a -> byId.put(a.get("id").asInt(), a));
        for (JsonNode a : anns) {
            assertEquals(3, a.get("instance_id").asInt());
            assertEquals(byId.get(a.get("id").asInt()).get("instance_id"), a.get("instance_id"),
                    "an object has the same id in both files");
            double[] k = doubles(a.get("keypoints"));
            assertArrayEquals(new double[] {12.25, 13.5, 2, 16.5, 11.0, 1, 0, 0, 0}, k, 0);
            int labelled = 0;
            for (int j = 2; j < k.length; j += 3) {
                assertTrue(k[j] == 0 || k[j] == 1 || k[j] == 2);
                if (k[j] == 0) {
                    assertEquals(0, k[j - 2]);
                    assertEquals(0, k[j - 1]);
                } else {
                    labelled++;
                    assertTrue(k[j - 2] >= 0 && k[j - 2] < HandMadeFrame.W && k[j - 1] >= 0 && k[j - 1] < HandMadeFrame.H);
                }
            }
            assertEquals(labelled, a.get("num_keypoints").asInt());
        }
        JsonNode cats = keypoints.get("categories");
        assertEquals(1, cats.size());
        JsonNode mug = cats.get(0);
        assertEquals(2, mug.get("id").asInt());
        assertEquals("[\"handle\",\"rim\",\"base\"]", mug.get("keypoints").toString());
        assertEquals("[[1,2],[2,3]]", mug.get("skeleton").toString());
        assertEquals(instances.get("images"), keypoints.get("images"));
    }

    @Test
    void ourExtraFieldsCarryVisibilityAndPose() {
        JsonNode b = instances.get("annotations").get(1);
        assertEquals(3, b.get("instance_id").asInt());
        assertEquals("mug_3", b.get("instance_name").asText());
        assertEquals(1.0, b.get("visib_fract").asDouble(), 0);
        assertArrayEquals(new double[] {0.0, 0.1, 2.5}, doubles(b.get("pose").get("t_m2c")), 0);
        assertArrayEquals(new double[] {1.5, 1.5, 1.5}, doubles(b.get("pose").get("scale")), 0);
        JsonNode a = instances.get("annotations").get(0);
        assertEquals(a.get("area").asDouble() / a.get("px_count_unoccluded").asDouble(), a.get("visib_fract").asDouble(),
                1e-12);
    }

    @Test
    void theFileStatesItsPixelCoordinateConvention() {
        assertTrue(instances.get("info").get("description").asText().contains("[u, u+1) x [v, v+1)"));
        assertTrue(instances.get("photonfarm_conventions").get("pixel_coordinates").asText().contains("(u + 0.5, v + 0.5)"));
        assertTrue(instances.get("photonfarm_conventions").has("segmentation"));
    }

    static double[] doubles(JsonNode array) {
        double[] out = new double[array.size()];
        for (int i = 0; i < out.length; i++) {
            out[i] = array.get(i).asDouble();
        }
        return out;
    }
}
