package io.photonfarm.node.render;

import io.photonfarm.api.tile.SampleRange;
import io.photonfarm.api.tile.TileRect;
import io.photonfarm.api.tile.TileResult;
import java.nio.ByteBuffer;
import java.util.List;

/**
 * Renders tiles. Implementations own their device resources; scenes they load are closed by the
 * caller, before the backend.
 */
public interface RenderBackend extends AutoCloseable {

    /**
     * Uploads a packed scene.
     *
     * @param buffers one little-endian buffer per name in {@link GpuScene#BUFFER_NAMES} (not modified)
     */
    GpuScene load(List<ByteBuffer> buffers, SceneConstants constants);

    /**
     * Renders {@code samples} of every pixel of {@code rect}. The result is a pure function of the
     * scene, the settings, the rectangle and the sample range: any split of a frame into tiles and
     * ranges adds up to bit-identical sums on the same device.
     */
    TileResult render(GpuScene scene, FrameSettings settings, TileRect rect, SampleRange samples);

    /** The device, in words. */
    String deviceDescription();

    @Override
    void close();
}
