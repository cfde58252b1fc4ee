package io.photonfarm.launcher;

import io.photonfarm.recipe.BuiltinRecipes;
import io.photonfarm.recipe.Recipe;
import io.photonfarm.recipe.draw.DrawnScene;
import io.photonfarm.recipe.draw.EnvironmentMaps;
import io.photonfarm.recipe.draw.RecipeSampler;
import io.photonfarm.scene.gpu.PackedScene;
import io.photonfarm.scene.gpu.ScenePacker;
import io.photonfarm.scene.procedural.ProceduralAssets;
import java.io.PrintWriter;
import java.lang.management.ManagementFactory;
import java.lang.management.MemoryMXBean;
import java.util.List;
import java.util.Locale;
import java.util.concurrent.Callable;
import picocli.CommandLine.Command;
import picocli.CommandLine.Option;
import picocli.CommandLine.Spec;
import picocli.CommandLine.Model.CommandSpec;

/**
 * {@code farm bench scenes}: what a node does on the CPU before rendering a recipe frame, frame after
 * frame: draw the frame's scene from the recipe (objects, placement, baked textures, sky) and build
 * and pack its BVHs for the GPU. Prints time per frame (median, p99) for each step, and the heap in
 * use after a full collection at a few frame counts, which stays flat when nothing leaks across
 * frames. The GPU upload is not included (it needs a device; {@code farm bench} measures rendering).
 */
@Command(name = "scenes", mixinStandardHelpOptions = true,
        description = "Benchmark drawing recipe scenes and building their BVHs, per frame, and the heap over many frames.")
final class SceneBench implements Callable<Integer> {
    @Option(names = "--recipe", defaultValue = "fifty", description = "A built-in recipe: ${COMPLETION-CANDIDATES}.",
            completionCandidates = RecipeNames.class)
    String recipe;
    @Option(names = "--frames", defaultValue = "1000", description = "Frames drawn and packed.")
    int frames;
    @Option(names = "--seed", defaultValue = "1")
    long seed;
    @Option(names = "--moving", description = "Draw the recipe as sequences of 10 frames whose objects move (default speeds), "
            + "exposed for half a frame interval: every frame is a scene of its own, its trajectories planned and checked.")
    boolean moving;
    @Option(names = "--threads", defaultValue = "1", description = "BVH build threads (a node builds one frame at a time).")
    int threads;
    @Spec
    CommandSpec spec;

    /** Names for picocli's completion and help. */
    static final class RecipeNames implements Iterable<String> {
        @Override
        public java.util.Iterator<String> iterator() {
            return BuiltinRecipes.names().iterator();
        }
    }

    @Override
    public Integer call() {
        Limits.check("--frames", frames, 1, 1_000_000);
        Limits.check("--threads", threads, 1, 256);
        PrintWriter out = spec.commandLine().getOut();
        Recipe r = BuiltinRecipes.byName(recipe).orElseThrow(() -> new IllegalArgumentException(
                "--recipe: no built-in recipe '" + recipe + "' (" + String.join(", ", BuiltinRecipes.names()) + ")"));
        if (moving) {
            r = moving(r);
        }
        RecipeSampler sampler = new RecipeSampler(r, new ProceduralAssets(), EnvironmentMaps.NONE);
        DrawnScene first = sampler.draw(seed, 0);
        out.printf(Locale.ROOT, "%s%nsettings: recipe:%s%s (%d objects, %,d triangles in frame 0), %,d frames, seed %d, "
                        + "%d BVH build thread(s)%n", BenchFigures.machine(), recipe,
                moving ? " in moving sequences of 10, shutter 0.5" : "", first.frame().objects().size(),
                first.scene().instancedTriangleCount(), frames, seed, threads);
        MemoryMXBean memory = ManagementFactory.getMemoryMXBean();
        long[] drawNanos = new long[frames];
        long[] packNanos = new long[frames];
        long[] bvhNanos = new long[frames];
        List<Integer> checkpoints = List.of(100, 500, 1000, frames);
        StringBuilder heap = new StringBuilder();
        long checksum = 0;
        for (int k = 0; k < frames; k++) {
            long t0 = System.nanoTime();
            DrawnScene d = sampler.draw(seed, k);
            long t1 = System.nanoTime();
            PackedScene packed = ScenePacker.pack(d.scene(), threads);
            long t2 = System.nanoTime();
            drawNanos[k] = t1 - t0;
            packNanos[k] = t2 - t1;
            bvhNanos[k] = packed.stats().blasBuildNanos() + packed.stats().tlasBuildNanos();
            checksum += packed.stats().blasCount();
            int done = k + 1;
            if (checkpoints.contains(done) && heap.indexOf("frame " + done + ":") < 0) {
                System.gc();
                heap.append(String.format(Locale.ROOT, "%sframe %d: %.1f MB", heap.length() == 0 ? "" : ", ", done,
                        memory.getHeapMemoryUsage().getUsed() / 1e6));
            }
        }
        out.printf(Locale.ROOT, "draw (objects, placement, textures, sky): %s%n", summary(drawNanos));
        out.printf(Locale.ROOT, "pack (BLAS per mesh + TLAS + GPU layout): %s; of which BVH builds %s%n", summary(packNanos),
                summary(bvhNanos));
        long[] total = new long[frames];
        for (int k = 0; k < frames; k++) {
            total[k] = drawNanos[k] + packNanos[k];
        }
        out.printf(Locale.ROOT, "draw + pack per frame: %s%n", summary(total));
        out.printf(Locale.ROOT, "heap used after a full GC: %s (%d BLAS built)%n", heap, checksum);
        out.flush();
        return 0;
    }

    /** {@code r} drawn as sequences of 10 frames with moving objects and a half-open shutter. */
    private static Recipe moving(Recipe r) {
        try {
            com.fasterxml.jackson.databind.ObjectMapper json = new com.fasterxml.jackson.databind.ObjectMapper();
            com.fasterxml.jackson.databind.node.ObjectNode tree =
                    (com.fasterxml.jackson.databind.node.ObjectNode) json.readTree(io.photonfarm.recipe.RecipeJson.write(r));
            tree.set("sequence", json.readTree("{\"framesPerSequence\": 10, \"shutterOpen\": 0, \"shutterClose\": 0.5,"
                    + " \"objectMotion\": {}}"));
            return io.photonfarm.recipe.RecipeJson.read(json.writeValueAsString(tree));
        } catch (java.io.IOException e) {
            throw new java.io.UncheckedIOException(e);
        }
    }

    private static String summary(long[] nanos) {
        BenchFigures.Latencies l = new BenchFigures.Latencies(nanos, nanos.length);
        return String.format(Locale.ROOT, "median %.2f ms, p99 %.2f ms", l.millis(0.5), l.millis(0.99));
    }
}
