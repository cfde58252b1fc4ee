package io.photonfarm.coordinator.annotations;

import io.photonfarm.api.job.AnnotationFormat;
import static org.junit.jupiter.api.Assertions.assertArrayEquals;
import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import com.fasterxml.jackson.dataformat.yaml.YAMLFactory;
import io.photonfarm.labels.Box2d;
import io.photonfarm.labels.ObjectAnnotation;
import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.Arrays;
import java.util.List;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

class YoloWriterTest {
    private static final double W = HandMadeFrame.W;
    private static final double H = HandMadeFrame.H;

    @TempDir
    Path job;

    private Path yolo;
    private JsonNode data;

    @BeforeEach
    void writeTwoFramesAndFinish() throws IOException {
        AnnotationWriters writers = new AnnotationWriters(List.of(AnnotationFormat.YOLO), HandMadeFrame.TOLERANCE);
        HandMadeFrame.writeFrames(writers, job, 0, 1);
        writers.finishJob(job);
        yolo = job.resolve("annotations/yolo");
        data = new ObjectMapper(new YAMLFactory()).readTree(yolo.resolve("data.yaml").toFile());
    }

    private static double[][] parse(Path file) throws IOException {
        return Files.readAllLines(file).stream()
                .map(s -> Arrays.stream(s.split(" ")).mapToDouble(Double::parseDouble).toArray())
                .toArray(double[][]::new);
    }

    private static List<ObjectAnnotation> visibleObjects(int frame) {
        return HandMadeFrame.frame(frame).objects().objects().stream().filter(o -> o.visiblePixels() > 0).toList();
    }

    @Test
    void detectionBoxesDenormaliseToTheTightBoxesAndClassesMapBackThroughDataYaml() throws IOException {
        for (int frame : new int[] {0, 1}) {
            double[][] lines = parse(yolo.resolve(String.format("labels/%06d.txt", frame)));
            List<ObjectAnnotation> objects = visibleObjects(frame);
            assertEquals(objects.size(), lines.length);
            for (int i = 0; i < lines.length; i++) {
                double[] l = lines[i];
                ObjectAnnotation o = objects.get(i);
                assertEquals(5, l.length);
                int cls = (int) l[0];
                assertEquals(o.categoryId() - 1, cls);
                assertEquals(o.category(), data.get("names").get(String.valueOf(cls)).asText());
                for (int j = 1; j < 5; j++) {
                    assertTrue(l[j] >= 0 && l[j] <= 1, "normalised to [0, 1]: " + Arrays.toString(l));
                }
                Box2d b = o.tightBox();
                double[] box = {(l[1] - l[3] / 2) * W, (l[2] - l[4] / 2) * H, (l[1] + l[3] / 2) * W, (l[2] + l[4] / 2) * H};
                assertArrayEquals(new double[] {b.xMin(), b.yMin(), b.xMax(), b.yMax()}, box, 1e-6);
            }
        }
        assertEquals(3, data.get("nc").asInt());
        assertEquals("zebra", data.get("names").get("2").asText());
    }

    @Test
    void poseLinesCarryEveryKeypointNormalisedWithCocoVisibility() throws IOException {
        assertEquals("[3,3]", data.get("kpt_shape").toString());
        double[][] lines = parse(yolo.resolve("labels_pose/000000.txt"));
        double[][] detect = parse(yolo.resolve("labels/000000.txt"));
        assertEquals(detect.length, lines.length);
        for (int i = 0; i < lines.length; i++) {
            assertEquals(5 + 3 * 3, lines[i].length);
            assertArrayEquals(detect[i], Arrays.copyOf(lines[i], 5), 0);
        }
        // B (the mug): handle visible, rim self-occluded, base out of frame; the boxes have none.
        assertArrayEquals(new double[] {12.25 / W, 13.5 / H, 2, 16.5 / W, 11.0 / H, 1, 0, 0, 0},
                Arrays.copyOfRange(lines[1], 5, 14), 1e-9);
        assertArrayEquals(new double[9], Arrays.copyOfRange(lines[0], 5, 14), 0);
        assertEquals("[\"handle\",\"rim\",\"base\"]", data.get("photonfarm_keypoints").get("coffee mug").toString());
    }

    @Test
    void imagesListTheFramesRgbRelativeToTheYoloDirectory() throws IOException {
        List<String> images = Files.readAllLines(yolo.resolve("images.txt"));
        assertEquals(List.of("../../frames/000000/rgb.png", "../../frames/000001/rgb.png"), images);
        assertEquals(job.resolve("frames/000001/rgb.png").normalize(), yolo.resolve(images.get(1)).normalize());
    }
}
