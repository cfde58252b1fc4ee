package io.photonfarm.launcher;

import io.photonfarm.node.render.FrameRenderer;
import io.photonfarm.node.render.FrameSettings;
import io.photonfarm.node.render.GpuScene;
import io.photonfarm.node.render.SceneUpload;
import io.photonfarm.node.render.VulkanBackend;
import io.photonfarm.node.vulkan.VulkanContext;
import io.photonfarm.scene.Scene;
import io.photonfarm.scene.builtin.BuiltinScenes;
import java.io.PrintWriter;
import java.util.Locale;
import java.util.concurrent.Callable;
import picocli.CommandLine.Command;
import picocli.CommandLine.Option;
import picocli.CommandLine.Spec;
import picocli.CommandLine.Model.CommandSpec;

/**
 * {@code farm bench labels}: what the label passes cost a node. Renders the same frame with labels
 * off and on, alternating, and reports the extra time as a fraction of the labelled frame's time:
 * the pixel-centre ray every dispatch traces (for coverage), the label records the first sample
 * range writes, and reading them back.
 */
@Command(name = "labels", mixinStandardHelpOptions = true, description = "Benchmark the label passes' cost per frame.")
final class LabelBench implements Callable<Integer> {
    @Option(names = "--width", defaultValue = "256")
    int width;
    @Option(names = "--height", defaultValue = "256")
    int height;
    @Option(names = "--spp", defaultValue = "64")
    int spp;
    @Option(names = "--max-bounces", defaultValue = "8")
    int maxBounces;
    @Option(names = "--samples-per-unit", defaultValue = "16", description = "Samples per tile render (a farm work unit).")
    int samplesPerUnit;
    @Option(names = "--repeat", defaultValue = "3", description = "Timed renders per setting.")
    int repeat;
    @Option(names = "--device", description = "Device: index or part of a name.")
    String device;
    @Option(names = "--scenes", defaultValue = "cornell,heavy", split = ",", description = "cornell, heavy")
    java.util.List<String> scenes;
    @Spec
    CommandSpec spec;

    @Override
    public Integer call() {
        Limits.check("--spp", spp, 1, 1 << 16);
        Limits.check("--repeat", repeat, 1, 100);
        Limits.check("--samples-per-unit", samplesPerUnit, 1, 1 << 16);
        PrintWriter out = spec.commandLine().getOut();
        try (VulkanContext ctx = VulkanContext.create(device, false);
             VulkanBackend backend = new VulkanBackend(ctx, 0)) {
            out.printf(Locale.ROOT, "device: %s%nsettings: %dx%d, %d spp, %d samples per unit, 64 px tiles, max %d bounces, "
                            + "%d renders per setting, %d cores, Java %s%n", backend.deviceDescription(), width, height, spp,
                    samplesPerUnit, maxBounces, repeat, Runtime.getRuntime().availableProcessors(), System.getProperty("java.version"));
            for (String name : scenes) {
                Scene scene = switch (name.trim()) {
                    case "cornell" -> BuiltinScenes.cornellBox();
                    case "heavy" -> BuiltinScenes.heavy(1_000_000);
                    default -> throw new IllegalArgumentException("--scenes: unknown scene '" + name + "' (cornell, heavy)");
                };
                bench(out, backend, name.trim(), scene);
            }
        }
        return 0;
    }

    private void bench(PrintWriter out, VulkanBackend backend, String name, Scene scene) {
        try (GpuScene gpu = SceneUpload.load(backend, scene)) {
            FrameSettings plain = FrameSettings.of(width, height, 1, maxBounces, true, scene.camera().orElseThrow());
            FrameSettings labelled = plain.withLabels(true);
            FrameRenderer renderer = new FrameRenderer(backend, 64, Math.min(spp, samplesPerUnit));
            renderer.render(gpu, plain, 1, r -> { });
            renderer.render(gpu, labelled, 1, r -> { });
            double bestOff = Double.MAX_VALUE;
            double bestOn = Double.MAX_VALUE;
            for (int i = 0; i < repeat; i++) {
                bestOff = Math.min(bestOff, time(renderer, gpu, plain));
                bestOn = Math.min(bestOn, time(renderer, gpu, labelled));
            }
            out.printf(Locale.ROOT, "%s: frame without labels %.3f s, with labels %.3f s (best of %d) -> labels cost %.1f%% "
                    + "of the labelled frame's time%n", name, bestOff, bestOn, repeat, 100 * (bestOn - bestOff) / bestOn);
            out.flush();
        }
    }

    private double time(FrameRenderer renderer, GpuScene gpu, FrameSettings settings) {
        long s = System.nanoTime();
        renderer.render(gpu, settings, spp, r -> { });
        return (System.nanoTime() - s) / 1e9;
    }
}
