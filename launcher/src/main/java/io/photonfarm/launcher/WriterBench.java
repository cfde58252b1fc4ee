package io.photonfarm.launcher;

import io.photonfarm.api.job.AnnotationFormat;
import io.photonfarm.api.job.JobId;
import io.photonfarm.api.job.LabelPass;
import io.photonfarm.api.tile.LabelRecord;
import io.photonfarm.api.work.CameraPose;
import io.photonfarm.api.work.Vec3;
import io.photonfarm.coordinator.dataset.FrameJob;
import io.photonfarm.coordinator.labels.FrameLabeler;
import io.photonfarm.coordinator.labels.LabelFrame;
import io.photonfarm.labels.PinholeCalibration;
import io.photonfarm.labels.raycast.Ray;
import io.photonfarm.labels.raycast.RayHit;
import io.photonfarm.labels.raycast.SceneRaycaster;
import io.photonfarm.scene.CameraSpec;
import io.photonfarm.scene.Scene;
import io.photonfarm.scene.builtin.BuiltinScenes;
import java.io.IOException;
import java.io.PrintWriter;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.Comparator;
import java.util.EnumSet;
import java.util.Locale;
import java.util.concurrent.Callable;
import java.util.stream.Stream;
import picocli.CommandLine.Command;
import picocli.CommandLine.Model.CommandSpec;
import picocli.CommandLine.Option;
import picocli.CommandLine.Spec;

/**
 * {@code farm bench writers}: how many frames per second the coordinator labels with every pass and
 * every writer on: the pass files, the per-object annotations (ray-cast landmarks, rasterised
 * silhouettes) and the COCO, BOP, KITTI and YOLO frame files, written to disk atomically as frame
 * assembly writes them. The label records are those of the Cornell box, cast on the CPU once.
 */
@Command(name = "writers", mixinStandardHelpOptions = true, description = "Benchmark labelling a frame: all passes and writers.")
final class WriterBench implements Callable<Integer> {
    @Option(names = "--width", defaultValue = "1920")
    int width;
    @Option(names = "--height", defaultValue = "1080")
    int height;
    @Option(names = "--frames", defaultValue = "10", description = "Timed frames (after 2 untimed).")
    int frames;
    @Option(names = "--dir", description = "Where to write (default: a temporary directory, deleted afterwards).")
    Path dir;
    @Spec
    CommandSpec spec;

    @Override
    public Integer call() throws IOException {
        Limits.check("--frames", frames, 1, 10_000);
        Limits.check("--width", width, 1, 16384);
        Limits.check("--height", height, 1, 16384);
        PrintWriter out = spec.commandLine().getOut();
        Scene scene = BuiltinScenes.cornellBox();
        CameraSpec cam = scene.camera().orElseThrow();
        CameraPose pose = new CameraPose(vec(cam.position()), vec(cam.lookAt()), vec(cam.up()), cam.vfovDeg(), 0, 0);
        PinholeCalibration cal = PinholeCalibration.of(pose, width, height);
        LabelFrame labels = castLabels(scene, cal);
        FrameLabeler labeler = new FrameLabeler(ref -> scene);
        FrameJob.LabelRequest request = new FrameJob.LabelRequest("builtin:cornell-box", EnumSet.allOf(LabelPass.class),
                EnumSet.allOf(AnnotationFormat.class));
        Path base = dir != null ? Files.createDirectories(dir) : Files.createTempDirectory("photonfarm-writers");
        try {
            long bytes = 0;
            double seconds = 0;
            for (int f = 0; f < frames + 2; f++) {
                Path frameDir = Files.createDirectories(base.resolve(String.format("%06d", f)));
                FrameJob job = new FrameJob(new JobId("bench"), f, width, height, 1, 1, pose, request);
                long s = System.nanoTime();
                labeler.label(job, labels, cal, frameDir);
                if (f >= 2) {
                    seconds += (System.nanoTime() - s) / 1e9;
                    bytes += size(frameDir);
                }
            }
            out.printf(Locale.ROOT, "labelling %dx%d frames of the Cornell box, every pass (%d) and writer (%d), %d frames, "
                            + "%d cores, Java %s, writing under %s%n", width, height, LabelPass.values().length,
                    AnnotationFormat.values().length, frames, Runtime.getRuntime().availableProcessors(),
                    System.getProperty("java.version"), base);
            out.printf(Locale.ROOT, "%.2f frames/s (%.0f ms per frame), %.1f MB written per frame%n", frames / seconds,
                    1000 * seconds / frames, bytes / 1e6 / frames);
        } finally {
            if (dir == null) {
                try (Stream<Path> s = Files.walk(base)) {
                    for (Path p : s.sorted(Comparator.reverseOrder()).toList()) {
                        Files.deleteIfExists(p);
                    }
                }
            }
        }
        return 0;
    }

    /** The label records the renderer would produce, from rays cast through every pixel centre on the CPU. */
    private LabelFrame castLabels(Scene scene, PinholeCalibration cal) {
        SceneRaycaster rc = new SceneRaycaster(scene);
        int[] words = new int[width * height * LabelRecord.WORDS];
        int[] covered = new int[width * height];
        for (int v = 0; v < height; v++) {
            for (int u = 0; u < width; u++) {
                int base = (v * width + u) * LabelRecord.WORDS;
                covered[v * width + u] = 1;
                Ray ray = Ray.pixelCentre(cal, u, v);
                RayHit hit = rc.closest(ray);
                if (hit == null) {
                    words[base + LabelRecord.RANGE] = Float.floatToRawIntBits(Float.POSITIVE_INFINITY);
                    words[base + LabelRecord.DEPTH_Z] = Float.floatToRawIntBits(Float.POSITIVE_INFINITY);
                    continue;
                }
                double[] p = ray.at(hit.t());
                words[base + LabelRecord.RANGE] = Float.floatToRawIntBits((float) hit.t());
                words[base + LabelRecord.DEPTH_Z] = Float.floatToRawIntBits((float) cal.toCamera(new Vec3(p[0], p[1], p[2])).z());
                double[] n = {hit.nx(), hit.ny(), hit.nz()};
                for (int c = 0; c < 3; c++) {
                    words[base + LabelRecord.POSITION + c] = Float.floatToRawIntBits((float) p[c]);
                    words[base + LabelRecord.NORMAL_GEOMETRIC + c] = Float.floatToRawIntBits((float) n[c]);
                    words[base + LabelRecord.NORMAL_SHADING + c] = Float.floatToRawIntBits((float) n[c]);
                    words[base + LabelRecord.ALBEDO + c] = Float.floatToRawIntBits(0.7f);
                }
                words[base + LabelRecord.ROUGHNESS] = Float.floatToRawIntBits(1f);
                words[base + LabelRecord.INSTANCE] = hit.instance() + 1;
                int mesh = scene.instances().get(hit.instance()).mesh();
                words[base + LabelRecord.MATERIAL] = scene.meshes().get(mesh).triangleMaterials()[hit.triangle()] + 1;
            }
        }
        return new LabelFrame(width, height, 1, words, covered);
    }

    private static long size(Path dir) throws IOException {
        try (Stream<Path> s = Files.list(dir)) {
            long n = 0;
            for (Path p : s.toList()) {
                n += Files.size(p);
            }
            return n;
        }
    }

    private static Vec3 vec(org.joml.Vector3fc v) {
        return new Vec3(v.x(), v.y(), v.z());
    }
}
