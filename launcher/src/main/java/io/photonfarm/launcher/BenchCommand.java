package io.photonfarm.launcher;

import io.photonfarm.node.render.FrameRenderer;
import io.photonfarm.node.render.FrameSettings;
import io.photonfarm.node.render.GpuScene;
import io.photonfarm.node.render.SceneUpload;
import io.photonfarm.node.render.VulkanBackend;
import io.photonfarm.node.vulkan.VulkanContext;
import io.photonfarm.scene.Scene;
import io.photonfarm.scene.builtin.BuiltinScenes;
import io.photonfarm.scene.gpu.PackedScene;
import io.photonfarm.scene.gpu.ScenePacker;
import java.io.PrintWriter;
import java.util.Locale;
import java.util.concurrent.Callable;
import picocli.CommandLine.Command;
import picocli.CommandLine.Mixin;
import picocli.CommandLine.Model.CommandSpec;
import picocli.CommandLine.Option;
import picocli.CommandLine.Spec;

/**
 * {@code farm bench}: benchmarks that print figures with the machine and settings they ran on. Not
 * tests: nothing is asserted about speed. Without a subcommand it runs the renderer benchmark
 * ({@code farm bench render}); {@code protocol}, {@code idle} and {@code archive} measure the node
 * protocol, node idle time and archive streaming; {@code sensor} the camera simulation after
 * rendering; {@code refine} the domain-gap refiners and report.
 */
@Command(name = "bench", mixinStandardHelpOptions = true,
        description = "Benchmarks: render (default), protocol, idle, archive, labels, writers, scenes, sensor, refine.",
        subcommands = {BenchCommand.Render.class, ProtocolBench.class, IdleBench.class, ArchiveBench.class, LabelBench.class, WriterBench.class,
            SceneBench.class, SensorBench.class, RefineBench.class})
final class BenchCommand implements Callable<Integer> {
    @Mixin
    RenderBench render;
    @Spec
    CommandSpec spec;

    @Override
    public Integer call() {
        return render.run(spec.commandLine().getOut());
    }

    /** {@code farm bench render}: the same as {@code farm bench}. */
    @Command(name = "render", mixinStandardHelpOptions = true, description = "Benchmark the renderer: Cornell box and a ~1M-triangle scene.")
    static final class Render implements Callable<Integer> {
        @Mixin
        RenderBench render;
        @Spec
        CommandSpec spec;

        @Override
        public Integer call() {
            return render.run(spec.commandLine().getOut());
        }
    }

    /**
     * The renderer's benchmark: the Cornell box and a heavy scene at a fixed size, printing samples
     * per second (camera paths per second), the device and the time split.
     */
    static final class RenderBench {
        @Option(names = "--width", defaultValue = "512")
        int width;
        @Option(names = "--height", defaultValue = "512")
        int height;
        @Option(names = "--spp", defaultValue = "16", description = "Samples per pixel of each timed render.")
        int spp;
        @Option(names = "--max-bounces", defaultValue = "8")
        int maxBounces;
        @Option(names = "--heavy-triangles", defaultValue = "1000000")
        int heavyTriangles;
        @Option(names = "--repeat", defaultValue = "3", description = "Timed renders per scene (the best is reported too).")
        int repeat;
        @Option(names = "--device", description = "Device: index or part of a name.")
        String device;
        @Option(names = "--scenes", defaultValue = "cornell,heavy", split = ",", description = "cornell, heavy, instances")
        java.util.List<String> scenes;

        int run(PrintWriter out) {
            Limits.check("--spp", spp, 1, 1 << 16);
            Limits.check("--repeat", repeat, 1, 100);
            try (VulkanContext ctx = VulkanContext.create(device, false);
                 VulkanBackend backend = new VulkanBackend(ctx, 0)) {
                out.printf(Locale.ROOT, "device: %s%nsettings: %dx%d, %d spp per render, max %d bounces, NEE+MIS, %d renders per scene, "
                                + "%d cores, Java %s%n", backend.deviceDescription(), width, height, spp, maxBounces, repeat,
                        Runtime.getRuntime().availableProcessors(), System.getProperty("java.version"));
                for (String name : scenes) {
                    Scene scene = switch (name.trim()) {
                        case "cornell" -> BuiltinScenes.cornellBox();
                        case "heavy" -> BuiltinScenes.heavy(heavyTriangles);
                        case "instances" -> BuiltinScenes.manyInstances(10_000);
                        default -> throw new IllegalArgumentException("--scenes: unknown scene '" + name + "' (cornell, heavy, instances)");
                    };
                    bench(out, backend, name.trim(), scene);
                }
            }
            return 0;
        }

        private void bench(PrintWriter out, VulkanBackend backend, String name, Scene scene) {
            long t0 = System.nanoTime();
            PackedScene packed = ScenePacker.pack(scene);
            long t1 = System.nanoTime();
            try (GpuScene gpu = SceneUpload.load(backend, packed)) {
                long t2 = System.nanoTime();
                FrameSettings settings = FrameSettings.of(width, height, 1, maxBounces, true, scene.camera().orElseThrow());
                FrameRenderer renderer = new FrameRenderer(backend, 64, Math.min(spp, 16));
                renderer.render(gpu, settings, 1, r -> { }); // warm-up: pipeline caches, page faults
                double best = Double.MAX_VALUE;
                double total = 0;
                for (int i = 0; i < repeat; i++) {
                    long s = System.nanoTime();
                    renderer.render(gpu, settings, spp, r -> { });
                    double sec = (System.nanoTime() - s) / 1e9;
                    best = Math.min(best, sec);
                    total += sec;
                }
                double samples = (double) width * height * spp;
                out.printf(Locale.ROOT, "%s: %,d triangles (%,d instances); BVH build %.3f s, packing total %.3f s, upload %.3f s (%.1f MiB); "
                                + "render %.3f s mean, %.3f s best -> %.3f M samples/s mean, %.3f M samples/s best%n",
                        name, scene.instancedTriangleCount(), scene.instances().size(), (packed.stats().blasBuildNanos() + packed.stats().tlasBuildNanos()) / 1e9,
                        (t1 - t0) / 1e9, (t2 - t1) / 1e9, gpu.bytes() / 1048576.0, total / repeat, best,
                        samples / (total / repeat) / 1e6, samples / best / 1e6);
                out.flush();
            }
        }
    }
}
