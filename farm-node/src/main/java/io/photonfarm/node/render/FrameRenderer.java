package io.photonfarm.node.render;

import io.photonfarm.api.tile.SampleRange;
import io.photonfarm.api.tile.TileRect;
import io.photonfarm.api.tile.TileResult;
import java.util.ArrayList;
import java.util.List;
import java.util.function.Consumer;

/**
 * Renders a whole frame on one backend by walking it as tiles x sample batches, the same units the
 * farm distributes. The order does not change the result (fixed-point sums).
 */
public final class FrameRenderer {
    private final RenderBackend backend;
    private final int tileSize;
    private final int samplesPerBatch;

    /**
     * @param tileSize        side of square tiles, pixels (edge tiles are smaller)
     * @param samplesPerBatch samples of one tile rendered in one call
     */
    public FrameRenderer(RenderBackend backend, int tileSize, int samplesPerBatch) {
        if (tileSize <= 0 || samplesPerBatch <= 0) {
            throw new IllegalArgumentException("tile size and samples per batch must be > 0");
        }
        this.backend = backend;
        this.tileSize = tileSize;
        this.samplesPerBatch = samplesPerBatch;
    }

    /** The tiles that cover a width x height frame, row by row. */
    public static List<TileRect> tiles(int width, int height, int tileSize) {
        List<TileRect> out = new ArrayList<>();
        for (int y = 0; y < height; y += tileSize) {
            for (int x = 0; x < width; x += tileSize) {
                out.add(new TileRect(x, y, Math.min(tileSize, width - x), Math.min(tileSize, height - y)));
            }
        }
        return out;
    }

    /**
     * Renders samples {@code [0, spp)} of every pixel.
     *
     * @param progress called after each tile batch with the result (may be a no-op)
     */
    public FrameBuffer render(GpuScene scene, FrameSettings settings, int spp, Consumer<TileResult> progress) {
        if (spp <= 0) {
            throw new IllegalArgumentException("samples per pixel must be > 0, was " + spp);
        }
        FrameBuffer frame = new FrameBuffer(settings.width(), settings.height());
        List<TileRect> tiles = tiles(settings.width(), settings.height(), tileSize);
        for (int first = 0; first < spp; first += samplesPerBatch) {
            SampleRange range = new SampleRange(first, Math.min(samplesPerBatch, spp - first));
            for (TileRect tile : tiles) {
                TileResult r = backend.render(scene, settings, tile, range);
                frame.add(r);
                progress.accept(r);
            }
        }
        return frame;
    }
}
