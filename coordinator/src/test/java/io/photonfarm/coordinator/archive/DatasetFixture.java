package io.photonfarm.coordinator.archive;

import io.photonfarm.api.job.JobId;
import io.photonfarm.coordinator.dataset.DatasetLayout;
import java.io.IOException;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.Random;

/**
 * A hand-made dataset on disk: frames 0 and 1 finished (meta.json listing rgb.png and
 * radiance.exr), frame 2 unfinished (no meta.json), spool files, a temporary file and an unlisted
 * stray file in a finished frame.
 */
final class DatasetFixture {
    static final JobId JOB = new JobId("arch-1");

    private DatasetFixture() {
    }

    static DatasetLayout create(Path root) throws IOException {
        DatasetLayout layout = new DatasetLayout(root);
        Random random = new Random(11);
        Files.createDirectories(layout.jobDir(JOB));
        Files.writeString(layout.jobJson(JOB), "{\"frames\": 3}\n");
        for (int frame = 0; frame < 3; frame++) {
            Files.createDirectories(layout.frameDir(JOB, frame));
            byte[] png = bytes(random, 3000 + frame * 100);
            byte[] exr = bytes(random, 5000 + frame * 100);
            Files.write(layout.rgbPng(JOB, frame), png);
            Files.write(layout.radianceExr(JOB, frame), exr);
            if (frame < 2) {
                writeMeta(layout, frame, "{\"name\": \"radiance.exr\", \"bytes\": " + exr.length + "}, "
                        + "{\"name\": \"rgb.png\", \"bytes\": " + png.length + "}");
            }
        }
        Files.write(layout.frameDir(JOB, 0).resolve(".rgb.png.0a1b.tmp"), bytes(random, 10));
        Files.write(layout.frameDir(JOB, 1).resolve("depth.exr"), bytes(random, 10)); // written after meta.json
        Files.createDirectories(layout.frameSpoolDir(JOB, 2));
        Files.write(layout.frameSpoolDir(JOB, 2).resolve("t0-r0-e1.pftr"), bytes(random, 100));
        return layout;
    }

    static void writeMeta(DatasetLayout layout, int frame, String files) throws IOException {
        Files.writeString(layout.metaJson(JOB, frame), "{\"frame\": " + frame + ", \"files\": [" + files + "]}\n",
                StandardCharsets.UTF_8);
    }

    static byte[] bytes(Random random, int n) {
        byte[] b = new byte[n];
        random.nextBytes(b);
        return b;
    }
}
