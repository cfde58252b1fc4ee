package io.photonfarm.launcher;

import io.photonfarm.api.camera.OutputStage;
import io.photonfarm.api.camera.SensorProfile;
import io.photonfarm.image.FloatImage;
import io.photonfarm.sensor.SensorFrame;
import io.photonfarm.sensor.SensorPipeline;
import io.photonfarm.sensor.SensorPresets;
import io.photonfarm.sensor.StageTiming;
import java.io.PrintWriter;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import java.util.concurrent.Callable;
import java.util.concurrent.ForkJoinPool;
import picocli.CommandLine.Command;
import picocli.CommandLine.Option;
import picocli.CommandLine.Spec;
import picocli.CommandLine.Model.CommandSpec;

/**
 * {@code farm bench sensor}: the camera simulation after rendering. Runs frames of synthetic linear
 * radiance through each sensor preset and prints megapixels per second per stage (optics, exposure,
 * sensor, white balance, demosaic, colour, sharpen, encode, raw) and for the whole frame, with the
 * machine and settings. Stages run parallel over rows in a fork-join pool of {@code --threads}.
 */
@Command(name = "sensor", mixinStandardHelpOptions = true,
        description = "Benchmark the sensor and ISP simulation: megapixels/s per stage for each preset.")
final class SensorBench implements Callable<Integer> {
    @Option(names = "--width", defaultValue = "1920")
    int width;
    @Option(names = "--height", defaultValue = "1080")
    int height;
    @Option(names = "--frames", defaultValue = "5", description = "Timed frames per preset (after 2 untimed).")
    int frames;
    @Option(names = "--presets", split = ",", description = "Presets to run (default: all).")
    List<String> presets;
    @Option(names = "--all-outputs", description = "Keep the raw mosaic and the clean linear image too, in every preset.")
    boolean allOutputs;
    @Option(names = "--threads", description = "Worker threads (default: the machine's cores).")
    Integer threads;
    @Spec
    CommandSpec spec;

    @Override
    public Integer call() throws Exception {
        Limits.check("--frames", frames, 1, 10_000);
        Limits.check("--width", width, 1, 16384);
        Limits.check("--height", height, 1, 16384);
        int workers = threads == null ? Runtime.getRuntime().availableProcessors() : threads;
        Limits.check("--threads", workers, 1, 1024);
        List<String> names = presets == null ? SensorPresets.names() : presets.stream().map(String::trim).toList();
        for (String name : names) {
            if (SensorPresets.get(name).isEmpty()) {
                throw new IllegalArgumentException("--presets: no sensor preset '" + name + "' ("
                        + String.join(", ", SensorPresets.names()) + ")");
            }
        }
        PrintWriter out = spec.commandLine().getOut();
        out.printf(Locale.ROOT, "%s%nsettings: %dx%d synthetic linear radiance, %d timed frames per preset after 2 untimed, "
                + "%d worker thread(s)%s%n", BenchFigures.machine(), width, height, frames, workers,
                allOutputs ? ", raw and linear outputs kept" : "");
        FloatImage scene = scene(width, height);
        ForkJoinPool pool = new ForkJoinPool(workers);
        try {
            for (String name : names) {
                SensorProfile own = new SensorProfile(null, name, null, null, null, null, null,
                        allOutputs ? new OutputStage(true, true) : null);
                bench(out, pool, name, new SensorPipeline(SensorPresets.resolve(own)), scene);
            }
        } finally {
            pool.shutdown();
        }
        return 0;
    }

    private void bench(PrintWriter out, ForkJoinPool pool, String name, SensorPipeline pipeline, FloatImage scene) throws Exception {
        Map<String, long[]> stages = new LinkedHashMap<>(); // stage -> {nanos, pixels}
        long wall = 0;
        long bytes = 0;
        for (int f = 0; f < frames + 2; f++) {
            int frame = f;
            long start = System.nanoTime();
            SensorFrame result = pool.submit(() -> pipeline.process(scene, 1, frame)).get();
            long took = System.nanoTime() - start;
            if (f < 2) {
                continue;
            }
            wall += took;
            bytes += result.image().bytes().length;
            for (StageTiming t : result.timings()) {
                long[] sum = stages.computeIfAbsent(t.stage(), k -> new long[2]);
                sum[0] += t.nanos();
                sum[1] += t.pixels();
            }
        }
        double pixels = (double) width * height * frames;
        StringBuilder line = new StringBuilder();
        for (Map.Entry<String, long[]> e : stages.entrySet()) {
            line.append(String.format(Locale.ROOT, "%s %.1f, ", e.getKey(), e.getValue()[1] * 1e3 / e.getValue()[0]));
        }
        out.printf(Locale.ROOT, "%s: %.1f MP/s total (%.0f ms per frame, %.0f kB image); per stage MP/s: %s%n", name,
                pixels * 1e3 / wall, wall / 1e6 / frames, bytes / 1e3 / frames, line.substring(0, line.length() - 2));
        out.flush();
    }

    /**
     * Synthetic linear radiance: a lit gradient with fine texture (so JPEG and demosaicing have edges
     * to work on), coloured patches and a few highlights above 1, like a rendered indoor frame.
     */
    static FloatImage scene(int w, int h) {
        FloatImage img = FloatImage.blank(w, h, 3);
        float[] d = img.data();
        for (int y = 0; y < h; y++) {
            for (int x = 0; x < w; x++) {
                double light = 0.05 + 0.6 * (x + y) / (w + h);
                double texture = 1 + 0.3 * Math.sin(x * 0.37) * Math.cos(y * 0.29);
                int patch = (x * 6 / w) + 6 * (y * 4 / h);
                double[] tint = {0.4 + 0.1 * (patch % 5), 0.5 + 0.08 * (patch % 4), 0.3 + 0.12 * (patch % 3)};
                boolean highlight = ((x / 64) + (y / 64)) % 11 == 0 && (x % 64) < 8 && (y % 64) < 8;
                int i = (y * w + x) * 3;
                for (int c = 0; c < 3; c++) {
                    d[i + c] = (float) (highlight ? 4.0 : light * texture * tint[c]);
                }
            }
        }
        return img;
    }
}
