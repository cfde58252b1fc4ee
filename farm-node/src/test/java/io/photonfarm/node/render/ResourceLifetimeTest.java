package io.photonfarm.node.render;

import static org.junit.jupiter.api.Assertions.assertArrayEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

import io.photonfarm.api.tile.SampleRange;
import io.photonfarm.api.tile.TileRect;
import io.photonfarm.node.vulkan.VulkanContext;
import io.photonfarm.scene.Scene;
import io.photonfarm.scene.builtin.BuiltinScenes;
import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.List;
import org.junit.jupiter.api.Test;

class ResourceLifetimeTest {

    static long residentKiB() throws IOException {
        for (String line : Files.readAllLines(Path.of("/proc/self/status"))) {
            if (line.startsWith("VmRSS:")) {
                return Long.parseLong(line.replaceAll("[^0-9]", ""));
            }
        }
        throw new IllegalStateException("no VmRSS in /proc/self/status");
    }

    @Test
    void aThousandTileRendersKeepResidentMemoryFlat() throws IOException {
        Scene s = BuiltinScenes.cornellBox();
        try (RenderFixture fx = new RenderFixture(); GpuScene scene = fx.load(s)) {
            FrameSettings f = FrameSettings.of(64, 64, 1, 4, true, s.camera().orElseThrow());
            for (int i = 0; i < 100; i++) { // warm up: JIT, driver caches, allocator pools
                fx.backend.render(scene, f, new TileRect((i % 8) * 8, (i / 8 % 8) * 8, 8, 8), new SampleRange(i, 1));
            }
            System.gc();
            long before = residentKiB();
            for (int i = 0; i < 1000; i++) {
                fx.backend.render(scene, f, new TileRect((i % 8) * 8, (i / 8 % 8) * 8, 8, 8), new SampleRange(i, 1));
            }
            System.gc();
            long after = residentKiB();
            // A leak of one small Vulkan object per tile (a buffer, a descriptor pool) costs far more.
            assertTrue(after - before < 16 * 1024, "resident memory grew by " + (after - before) + " KiB over 1000 tiles");
        }
    }

    @Test
    void theValidationLayerSeesNoErrorsOrLeakedObjectsOverARenderAndShutdown() {
        Scene s = BuiltinScenes.cornellBox();
        VulkanContext ctx = VulkanContext.create(null, true);
        try (VulkanBackend backend = new VulkanBackend(ctx, 0);
             GpuScene scene = SceneUpload.load(backend, s)) {
            FrameSettings f = FrameSettings.of(16, 16, 1, 4, true, s.camera().orElseThrow());
            backend.render(scene, f, new TileRect(0, 0, 16, 16), new SampleRange(0, 2));
        }
        ctx.close();
        List<String> messages = ctx.instance().validationMessages();
        assertTrue(messages.stream().noneMatch(m -> m.startsWith("error")), String.join("\n", messages));
    }

    @Test
    void aDispatchNearTheLoopBudgetIsRenderedAgainWithFewerSamplesAndTheSameResult() {
        Scene s = BuiltinScenes.cornellBox();
        FrameSettings f = FrameSettings.of(16, 16, 1, 12, true, s.camera().orElseThrow()).withRussianRouletteFrom(64);
        try (RenderFixture small = new RenderFixture(1);
             RenderFixture greedy = new RenderFixture(512);
             GpuScene a = small.load(s);
             GpuScene b = greedy.load(s)) {
            TileRect tile = new TileRect(0, 0, 16, 16);
            SampleRange samples = new SampleRange(0, 512);
            long[] reference = small.backend.render(a, f, tile, samples).sums();
            long[] retried = greedy.backend.render(b, f, tile, samples).sums();
            assertTrue(greedy.backend.samplesPerDispatch() < 512, "the backend lowered its samples per dispatch");
            assertArrayEquals(reference, retried);
        }
    }
}
