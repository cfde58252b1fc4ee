package io.photonfarm.coordinator.annotations;

import io.photonfarm.api.job.AnnotationFormat;
import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.Arrays;
import java.util.List;
import java.util.SplittableRandom;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

class WriterBenchmarkTest {
    @TempDir
    Path job;

    @Test
    void theBenchmarkWritesEveryFormatForSmallFramesWhoseLabelsPassTheChecks() throws IOException {
        WriterBenchmark.Result r = WriterBenchmark.run(128, 96, 6, 3, List.of(AnnotationFormat.values()), job);
        assertTrue(r.framesPerSecond() > 0);
        assertTrue(r.bytesPerFrame() > 0);
        assertTrue(Files.isRegularFile(job.resolve("annotations/coco_instances.json")));
        assertTrue(Files.isRegularFile(job.resolve("annotations/bop/000000/scene_gt.json")));
        assertTrue(Files.isRegularFile(job.resolve("annotations/kitti/label_2/000002.txt")));
        assertTrue(Files.isRegularFile(job.resolve("annotations/yolo/data.yaml")));
    }

    @Test
    void syntheticFramesAreTheSameForTheSameSeed() {
        FrameLabels a = WriterBenchmark.frame(0, 200, 100, 8, new SplittableRandom(5));
        FrameLabels b = WriterBenchmark.frame(0, 200, 100, 8, new SplittableRandom(5));
        assertEquals(Arrays.hashCode(a.instancePass()), Arrays.hashCode(b.instancePass()));
        assertEquals(a.objects().objects().size(), b.objects().objects().size());
        LabelledFrame.of(a); // consistent by construction, or this throws
    }
}
