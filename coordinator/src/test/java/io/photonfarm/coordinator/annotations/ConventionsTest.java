package io.photonfarm.coordinator.annotations;

import io.photonfarm.api.job.AnnotationFormat;
import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import java.io.IOException;
import java.nio.file.Path;
import java.util.List;
import java.util.Map;
import java.util.Set;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

class ConventionsTest {
    @TempDir
    Path job;

    @Test
    void conventionsJsonReadsBackWithTheToleranceAndTheJobsFormats() throws IOException {
        AnnotationWriters writers = new AnnotationWriters(List.of(AnnotationFormat.BOP, AnnotationFormat.COCO), 0.0025);
        writers.writeConventions(job);
        Conventions read = Conventions.read(job.resolve(Conventions.FILE));
        assertEquals(writers.conventions(), read);
        assertEquals(0.0025, read.landmarks().toleranceMetres(), 0);
        assertEquals(Set.of("bop", "coco"), read.annotationFormats().keySet());
        assertTrue(read.imageCoordinates().contains("[u, u+1) x [v, v+1)"));
        assertTrue(read.cameraFrame().startsWith("OpenCV"));
        assertEquals(Set.of("VISIBLE", "OCCLUDED", "SELF_OCCLUDED", "OUT_OF_FRAME"), read.landmarks().states().keySet());
    }

    @Test
    void theFileUsesSnakeCaseNamesAReaderInAnotherLanguageCanFollow() throws IOException {
        new AnnotationWriters(List.of(AnnotationFormat.KITTI), 0.001).writeConventions(job);
        JsonNode n = new ObjectMapper().readTree(job.resolve("conventions.json").toFile());
        assertEquals(0.001, n.get("landmarks").get("tolerance_metres").asDouble(), 0);
        for (String field : List.of("image_coordinates", "camera_frame", "world_frame", "intrinsics", "depth", "normals",
                "ids", "coverage", "optical_flow", "pass_formats", "boxes", "annotation_formats")) {
            assertTrue(n.has(field), field);
        }
        assertTrue(n.get("depth").get("background_float").asText().contains("+inf"));
        assertTrue(n.get("optical_flow").asText().contains("flow_forward.exr"));
        assertTrue(n.get("annotation_formats").get("kitti").get("occluded").asText().contains("0.9"));
    }

    @Test
    void aToleranceThatIsNotAFiniteDistanceIsRefused() {
        assertThrows(IllegalArgumentException.class, () -> Conventions.of(Double.NaN, Map.of()));
        assertThrows(IllegalArgumentException.class, () -> new AnnotationWriters(List.of(), -1));
    }
}
