package io.photonfarm.node.render;

import static org.junit.jupiter.api.Assertions.assertArrayEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;

import io.photonfarm.api.tile.SampleRange;
import io.photonfarm.api.tile.TileRect;
import io.photonfarm.scene.Scene;
import io.photonfarm.scene.builtin.BuiltinScenes;
import java.util.ArrayList;
import java.util.Arrays;
import java.util.Collections;
import java.util.List;
import java.util.Random;
import org.junit.jupiter.api.AfterAll;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;

/** Samples are pure functions of their indices: any split, any order, any dispatch size adds up the same. */
class DeterminismTest {
    static final int W = 40;
    static final int H = 30;
    static final int SPP = 8;
    static RenderFixture fx;
    static GpuScene scene;
    static FrameSettings settings;

    @BeforeAll
    static void open() {
        fx = new RenderFixture(4);
        Scene s = BuiltinScenes.cornellBox();
        scene = fx.load(s);
        settings = FrameSettings.of(W, H, 42, 8, true, s.camera().orElseThrow());
    }

    @AfterAll
    static void close() {
        scene.close();
        fx.close();
    }

    long[] whole() {
        FrameBuffer fb = new FrameBuffer(W, H);
        fb.add(fx.backend.render(scene, settings, new TileRect(0, 0, W, H), new SampleRange(0, SPP)));
        return fb.sums();
    }

    @Test
    void renderingTheSameFrameTwiceGivesIdenticalSums() {
        long[] a = whole();
        long[] b = whole();
        assertArrayEquals(a, b);
        assertFalse(Arrays.stream(a).allMatch(v -> v == 0), "the image is not black");
    }

    @Test
    void tilesAndSampleRangesInAnyOrderAddUpToTheWholeRenderBitForBit() {
        long[] reference = whole();
        // Uneven tiles and uneven sample ranges, shuffled.
        int[] xs = {0, 7, 23, W};
        int[] ys = {0, 11, H};
        int[][] ranges = {{0, 3}, {3, 1}, {4, 4}};
        List<Runnable> work = new ArrayList<>();
        FrameBuffer fb = new FrameBuffer(W, H);
        for (int i = 0; i + 1 < xs.length; i++) {
            for (int j = 0; j + 1 < ys.length; j++) {
                TileRect t = new TileRect(xs[i], ys[j], xs[i + 1] - xs[i], ys[j + 1] - ys[j]);
                for (int[] r : ranges) {
                    SampleRange sr = new SampleRange(r[0], r[1]);
                    work.add(() -> fb.add(fx.backend.render(scene, settings, t, sr)));
                }
            }
        }
        Collections.shuffle(work, new Random(5));
        work.forEach(Runnable::run);
        assertArrayEquals(reference, fb.sums());
    }

    @Test
    void oneSampleTimesNDispatchesEqualsNSamplesInOneDispatch() {
        long[] reference = whole(); // 4 samples per dispatch
        try (VulkanBackend single = new VulkanBackend(fx.context, 1);
             VulkanBackend wide = new VulkanBackend(fx.context, SPP);
             GpuScene s1 = single.load(SceneUpload.buffers(BuiltinScenes.cornellBox()), scene.constants());
             GpuScene s2 = wide.load(SceneUpload.buffers(BuiltinScenes.cornellBox()), scene.constants())) {
            FrameBuffer a = new FrameBuffer(W, H);
            a.add(single.render(s1, settings, new TileRect(0, 0, W, H), new SampleRange(0, SPP)));
            FrameBuffer b = new FrameBuffer(W, H);
            b.add(wide.render(s2, settings, new TileRect(0, 0, W, H), new SampleRange(0, SPP)));
            assertArrayEquals(reference, a.sums(), "1 sample per dispatch");
            assertArrayEquals(reference, b.sums(), SPP + " samples per dispatch");
        }
    }

    @Test
    void aDifferentSeedOrFrameGivesDifferentNoise() {
        long[] reference = whole();
        FrameSettings otherSeed = FrameSettings.of(W, H, 43, 8, true, settings.camera());
        FrameBuffer fb = new FrameBuffer(W, H);
        fb.add(fx.backend.render(scene, otherSeed, new TileRect(0, 0, W, H), new SampleRange(0, SPP)));
        assertFalse(Arrays.equals(reference, fb.sums()));
    }
}
