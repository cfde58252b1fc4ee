package io.photonfarm.node.work;

import io.photonfarm.api.tile.SampleRange;
import io.photonfarm.api.tile.TileRect;
import io.photonfarm.api.tile.TileResult;
import io.photonfarm.node.render.FrameSettings;
import io.photonfarm.node.render.GpuScene;
import io.photonfarm.node.render.RenderBackend;
import io.photonfarm.node.render.SceneConstants;
import java.nio.ByteBuffer;
import java.util.List;
import java.util.concurrent.atomic.AtomicInteger;

/** A backend that counts scene loads and renders, and passes everything to the real one. */
final class CountingBackend implements RenderBackend {
    final AtomicInteger loads = new AtomicInteger();
    final AtomicInteger renders = new AtomicInteger();
    private final RenderBackend real;

    CountingBackend(RenderBackend real) {
        this.real = real;
    }

    @Override
    public GpuScene load(List<ByteBuffer> buffers, SceneConstants constants) {
        loads.incrementAndGet();
        return real.load(buffers, constants);
    }

    @Override
    public TileResult render(GpuScene scene, FrameSettings settings, TileRect rect, SampleRange samples) {
        renders.incrementAndGet();
        return real.render(scene, settings, rect, samples);
    }

    @Override
    public String deviceDescription() {
        return real.deviceDescription();
    }

    @Override
    public void close() {
        // the real backend belongs to the test
    }
}
