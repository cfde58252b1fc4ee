package io.photonfarm.launcher.process;

import static org.junit.jupiter.api.Assertions.assertArrayEquals;
import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import com.fasterxml.jackson.databind.node.ObjectNode;
import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.List;
import java.util.stream.Stream;

/** Reads and compares the datasets coordinators write under {@code <data>/datasets/jobs/<job>/frames}. */
final class Datasets {
    static final List<String> IMAGES = List.of("radiance.exr", "rgb.png");
    private static final ObjectMapper JSON = new ObjectMapper();

    private Datasets() {
    }

    static Path framesDir(Path data, String job) {
        return data.resolve("datasets").resolve("jobs").resolve(job).resolve("frames");
    }

    static Path frameDir(Path data, String job, int frame) {
        return framesDir(data, job).resolve(String.format("%06d", frame));
    }

    /** The frames whose meta.json exists (i.e. written), ascending. */
    static List<Integer> writtenFrames(Path data, String job) throws IOException {
        Path frames = framesDir(data, job);
        if (!Files.isDirectory(frames)) {
            return List.of();
        }
        try (Stream<Path> dirs = Files.list(frames)) {
            return dirs.filter(d -> Files.exists(d.resolve("meta.json"))).map(d -> Integer.parseInt(d.getFileName()
                    .toString())).sorted().toList();
        }
    }

    /** meta.json without the fields that legitimately differ between runs (when and how fast it was assembled). */
    static JsonNode metaWithoutTimings(Path frameDir) throws IOException {
        ObjectNode meta = (ObjectNode) JSON.readTree(frameDir.resolve("meta.json").toFile());
        meta.remove("timings");
        return meta;
    }

    /**
     * Asserts that {@code actual} holds exactly the frames of {@code expected}, with byte-identical
     * images and meta.json equal apart from its timings.
     */
    static void assertSameDataset(Path expectedData, Path actualData, String job, int frames) throws IOException {
        List<Integer> all = java.util.stream.IntStream.range(0, frames).boxed().toList();
        assertEquals(all, writtenFrames(expectedData, job), "frames of the undisturbed run");
        assertEquals(all, writtenFrames(actualData, job), "frames of the disturbed run");
        for (int frame : all) {
            Path e = frameDir(expectedData, job, frame);
            Path a = frameDir(actualData, job, frame);
            for (String image : IMAGES) {
                byte[] eb = Files.readAllBytes(e.resolve(image));
                byte[] ab = Files.readAllBytes(a.resolve(image));
                assertTrue(eb.length > 0, "frame " + frame + " " + image + " is empty");
                assertArrayEquals(eb, ab, "job " + job + " frame " + frame + " " + image + " differs from the undisturbed "
                        + "run (" + eb.length + " vs " + ab.length + " bytes, first difference at byte "
                        + java.util.Arrays.mismatch(eb, ab) + ")");
            }
            assertEquals(metaWithoutTimings(e), metaWithoutTimings(a), "job " + job + " frame " + frame + " meta.json");
        }
    }
}
