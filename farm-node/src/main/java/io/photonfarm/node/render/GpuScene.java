package io.photonfarm.node.render;

import io.photonfarm.node.vulkan.CommandRunner;
import io.photonfarm.node.vulkan.GpuBuffer;
import io.photonfarm.node.vulkan.VulkanDevice;
import io.photonfarm.node.vulkan.VulkanException;
import java.nio.ByteBuffer;
import java.util.ArrayList;
import java.util.List;

import static org.lwjgl.vulkan.VK10.*;

/**
 * A scene's storage buffers on the device, in binding order (nodes .. envColAlias), and its
 * constants. Owns the buffers; close it when no render uses the scene any more.
 */
public final class GpuScene implements AutoCloseable {
    /** Names of the scene buffers in binding order (bindings 1..12). */
    public static final List<String> BUFFER_NAMES = List.of("nodes", "triangles", "shading", "instances",
            "materials", "texInfos", "texels", "lights", "lightAlias", "envPixels", "envRowAlias", "envColAlias");

    private final List<GpuBuffer> buffers;
    private final SceneConstants constants;
    private final long bytes;

    /**
     * Uploads {@code data} (one little-endian buffer per name in {@link #BUFFER_NAMES}, each read from
     * position to limit and left unchanged) through a staging buffer when device memory is not mappable.
     */
    GpuScene(VulkanDevice device, CommandRunner runner, List<ByteBuffer> data, SceneConstants constants) {
        if (data.size() != BUFFER_NAMES.size()) {
            throw new IllegalArgumentException("expected " + BUFFER_NAMES.size() + " scene buffers, got " + data.size());
        }
        this.constants = constants;
        List<GpuBuffer> made = new ArrayList<>();
        long total = 0;
        try {
            for (int i = 0; i < data.size(); i++) {
                ByteBuffer src = data.get(i);
                String name = BUFFER_NAMES.get(i);
                long size = Math.max(16, src.remaining());
                if (size > device.maxStorageBufferRange()) {
                    throw new VulkanException("scene buffer '" + name + "' needs " + size + " bytes; "
                            + device.info().name() + " binds at most " + device.maxStorageBufferRange()
                            + " bytes per storage buffer: the scene is too large for this device");
                }
                GpuBuffer buf = new GpuBuffer(device, size, VK_BUFFER_USAGE_STORAGE_BUFFER_BIT
                        | VK_BUFFER_USAGE_TRANSFER_DST_BIT, GpuBuffer.Placement.DEVICE, name);
                made.add(buf);
                upload(device, runner, buf, src, name);
                total += size;
            }
        } catch (RuntimeException e) {
            made.forEach(GpuBuffer::close);
            throw e;
        }
        this.buffers = List.copyOf(made);
        this.bytes = total;
    }

    private static void upload(VulkanDevice device, CommandRunner runner, GpuBuffer dst, ByteBuffer src, String name) {
        if (src.remaining() == 0) {
            return;
        }
        if (dst.isMapped()) {
            dst.mapped().put(src.duplicate());
            return;
        }
        try (GpuBuffer staging = new GpuBuffer(device, src.remaining(), VK_BUFFER_USAGE_TRANSFER_SRC_BIT,
                GpuBuffer.Placement.HOST, name + " staging")) {
            staging.mapped().put(src.duplicate());
            runner.run("upload " + name, cmd -> CommandRunner.copy(cmd, staging, dst, src.remaining()));
        }
    }

    List<GpuBuffer> buffers() {
        return buffers;
    }

    public SceneConstants constants() {
        return constants;
    }

    /** Device memory held, bytes. */
    public long bytes() {
        return bytes;
    }

    @Override
    public void close() {
        buffers.forEach(GpuBuffer::close);
    }
}
