package io.photonfarm.coordinator.annotations;

import io.photonfarm.api.job.AnnotationFormat;
import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.Arrays;
import java.util.Comparator;
import java.util.EnumSet;
import java.util.List;
import java.util.Map;
import java.util.TreeMap;
import java.util.stream.Stream;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

class AnnotationWritersTest {
    private static final List<AnnotationFormat> ALL = List.of(AnnotationFormat.values());

    @TempDir
    Path root;

    private static AnnotationWriters all() {
        return new AnnotationWriters(ALL, HandMadeFrame.TOLERANCE);
    }

    /** Every regular file under {@code dir}, by '/'-separated relative path, with its bytes. */
    private static Map<String, List<Byte>> tree(Path dir) throws IOException {
        Map<String, List<Byte>> out = new TreeMap<>();
        try (Stream<Path> s = Files.walk(dir)) {
            for (Path p : s.filter(Files::isRegularFile).toList()) {
                byte[] b = Files.readAllBytes(p);
                List<Byte> bytes = new ArrayList<>(b.length);
                for (byte x : b) {
                    bytes.add(x);
                }
                out.put(dir.relativize(p).toString().replace('\\', '/'), bytes);
            }
        }
        return out;
    }

    @Test
    void writeFrameNamesEveryFileItWroteAndLeavesNoTemporaryFiles() throws IOException {
        Path dir = root.resolve("job/frames/000000");
        List<String> names = all().writeFrame(HandMadeFrame.frame(0), dir);
        try (Stream<Path> s = Files.list(dir)) {
            assertEquals(names.stream().sorted().toList(), s.map(p -> p.getFileName().toString()).sorted().toList());
        }
        assertTrue(names.containsAll(List.of("coco.json", "bop.json", "bop_mask_000003.png",
                "bop_mask_visib_000003.png", "kitti_label.txt", "kitti_calib.txt", "yolo.txt", "yolo_pose.txt",
                "yolo.json")), names.toString());
        assertEquals(names, all().writeFrame(HandMadeFrame.frame(0), dir), "writing a frame again names the same files");
    }

    @Test
    void finishingTwiceGivesTheSameFilesByteForByte() throws IOException {
        Path job = root.resolve("job");
        AnnotationWriters writers = all();
        HandMadeFrame.writeFrames(writers, job, 0, 1, 2);
        FinishReport first = writers.finishJob(job);
        Map<String, List<Byte>> once = tree(job.resolve("annotations"));
        FinishReport second = writers.finishJob(job);
        assertEquals(once, tree(job.resolve("annotations")));
        assertEquals(first, second);
        assertEquals(3, first.writtenFrames());
        assertEquals(ALL, first.formats().stream().map(FormatReport::format).toList());
        first.formats().forEach(f -> assertEquals(3, f.frames(), f.toString()));
    }

    @Test
    void framesWrittenInAnyOrderByFreshWritersFinishLikeFramesWrittenInOrder() throws IOException {
        Path inOrder = root.resolve("a");
        AnnotationWriters one = all();
        HandMadeFrame.writeFrames(one, inOrder, 0, 1, 2, 3);
        one.finishJob(inOrder);

        // A coordinator restarted between frames: every frame and the finish by a new instance, out of order.
        Path shuffled = root.resolve("b");
        for (int f : new int[] {2, 0, 3, 1}) {
            HandMadeFrame.writeFrames(all(), shuffled, f);
        }
        all().finishJob(shuffled);

        assertEquals(tree(inOrder.resolve("annotations")), tree(shuffled.resolve("annotations")));
        assertEquals(tree(inOrder.resolve("frames")), tree(shuffled.resolve("frames")));
        assertEquals(Files.readString(inOrder.resolve("conventions.json")), Files.readString(shuffled.resolve("conventions.json")));
    }

    @Test
    void onlyWrittenFramesAreFinishedAndFramesThatGoAwayLeaveNothingBehind() throws IOException {
        Path job = root.resolve("job");
        AnnotationWriters writers = all();
        HandMadeFrame.writeFrames(writers, job, 0, 1);
        // Frame 2's writer files are there but its assembly never wrote meta.json (a crash).
        writers.writeFrame(HandMadeFrame.frame(2), HandMadeFrame.frameDir(job, 2));
        writers.finishJob(job);
        assertFalse(Files.exists(job.resolve("annotations/kitti/label_2/000002.txt")));
        assertFalse(Files.readString(job.resolve("annotations/bop/000000/scene_gt.json")).contains("\"2\""));
        assertEquals(2, countLines(job.resolve("annotations/yolo/images.txt")));

        HandMadeFrame.markWritten(HandMadeFrame.frameDir(job, 2));
        writers.finishJob(job);
        assertTrue(Files.exists(job.resolve("annotations/kitti/label_2/000002.txt")));
        assertTrue(Files.exists(job.resolve("annotations/bop/000000/mask_visib/000002_000003.png")));

        deleteTree(HandMadeFrame.frameDir(job, 2));
        writers.finishJob(job);
        assertFalse(Files.exists(job.resolve("annotations/kitti/label_2/000002.txt")));
        assertFalse(Files.exists(job.resolve("annotations/bop/000000/mask/000002_000000.png")));
        assertEquals(2, countLines(job.resolve("annotations/yolo/images.txt")));
    }

    @Test
    void aWrittenFrameWithoutAFormatsFilesIsReportedAndLeftOutOfThatFormat() throws IOException {
        Path job = root.resolve("job");
        HandMadeFrame.writeFrames(all(), job, 0);
        HandMadeFrame.writeFrames(new AnnotationWriters(List.of(AnnotationFormat.COCO), HandMadeFrame.TOLERANCE), job, 1);
        FinishReport report = all().finishJob(job);
        for (FormatReport f : report.formats()) {
            boolean coco = f.format() == AnnotationFormat.COCO;
            assertEquals(coco ? 2 : 1, f.frames(), f.toString());
            assertEquals(coco ? List.of() : List.of(1), f.skipped(), f.toString());
        }
        assertFalse(Files.exists(job.resolve("annotations/kitti/label_2/000001.txt")));
    }

    @Test
    void anAnnotationThatContradictsTheInstancePassIsRefusedBeforeAnythingIsWritten() throws IOException {
        FrameLabels good = HandMadeFrame.frame(0);
        int[] pass = good.instancePass().clone();
        pass[pass.length - 1] = 3; // one more pixel of B than its annotation says
        FrameLabels bad = new FrameLabels(0, good.width(), good.height(), good.calibration(), good.labels(), pass,
                good.objects(), good.keypoints());
        Path dir = root.resolve("job/frames/000000");
        IllegalArgumentException e = assertThrows(IllegalArgumentException.class, () -> all().writeFrame(bad, dir));
        assertTrue(e.getMessage().contains("frame 0, instance 3"), e.getMessage());
        assertTrue(e.getMessage().contains("visiblePixels"), e.getMessage());
        assertFalse(Files.exists(dir));
    }

    @Test
    void formatsAreNamedExactlyAsJobSpecsNameThem() {
        assertEquals(List.of(AnnotationFormat.COCO, AnnotationFormat.YOLO),
                AnnotationWriters.of(List.of("yolo", "coco"), 0.01).formats());
        IllegalArgumentException e = assertThrows(IllegalArgumentException.class,
                () -> AnnotationWriters.of(List.of("voc"), 0.01));
        assertTrue(e.getMessage().contains("coco, bop, kitti, yolo"), e.getMessage());
        assertEquals(EnumSet.allOf(AnnotationFormat.class),
                EnumSet.copyOf(Arrays.stream(AnnotationFormat.values()).map(f -> AnnotationFormat.byWireName(f.wireName()).orElseThrow()).toList()));
    }

    private static long countLines(Path p) throws IOException {
        return Files.readAllLines(p).size();
    }

    private static void deleteTree(Path dir) throws IOException {
        try (Stream<Path> s = Files.walk(dir)) {
            for (Path p : s.sorted(Comparator.reverseOrder()).toList()) {
                Files.delete(p);
            }
        }
    }
}
