package io.photonfarm.node.render;

import static org.lwjgl.system.MemoryStack.stackPush;
import static org.lwjgl.vulkan.VK10.*;

import io.photonfarm.api.tile.SampleRange;
import io.photonfarm.api.tile.TileRect;
import io.photonfarm.api.tile.TileResult;
import io.photonfarm.node.vulkan.CommandRunner;
import io.photonfarm.node.vulkan.ComputePipeline;
import io.photonfarm.node.vulkan.DeviceType;
import io.photonfarm.node.vulkan.GpuBuffer;
import io.photonfarm.node.vulkan.VulkanContext;
import io.photonfarm.node.vulkan.VulkanDevice;
import io.photonfarm.shaders.Bindings;
import java.nio.ByteBuffer;
import java.nio.ByteOrder;
import java.nio.IntBuffer;
import java.util.ArrayList;
import java.util.List;
import org.lwjgl.system.MemoryStack;
import org.lwjgl.vulkan.VkCommandBuffer;
import org.lwjgl.vulkan.VkMemoryBarrier;

/**
 * The Vulkan compute path tracer behind {@link RenderBackend}. A tile is rendered in progressive
 * dispatches of a few samples each (lavapipe silently ends loops after 65,535 iterations per
 * invocation); if the shader reports it came near that budget, the tile is rendered again with
 * fewer samples per dispatch, which changes nothing in the result since samples are pure functions
 * of their index. Not thread-safe: one backend per rendering thread.
 */
public final class VulkanBackend implements RenderBackend {
    private final VulkanContext context;
    private final VulkanDevice device;
    private final PathTracerVariants pipelines;
    private final CommandRunner runner;
    private final GpuBuffer frameBlock;
    private final GpuBuffer dispatchParams;
    private final GpuBuffer status;
    private final GpuBuffer statusReadback;
    private GpuBuffer accum;
    private GpuBuffer accumReadback;
    private int samplesPerDispatch;
    private long invalidSamples;

    /**
     * @param context            device to render on; not closed by the backend
     * @param samplesPerDispatch 0 chooses by device type
     */
    public VulkanBackend(VulkanContext context, int samplesPerDispatch) {
        this.context = context;
        this.device = context.device();
        this.samplesPerDispatch = samplesPerDispatch > 0 ? samplesPerDispatch
                : device.info().type() == DeviceType.CPU ? 4 : 16;
        PathTracerVariants p = null;
        CommandRunner r = null;
        GpuBuffer u = null;
        GpuBuffer d = null;
        GpuBuffer s = null;
        GpuBuffer sr = null;
        try {
            p = new PathTracerVariants(device);
            r = new CommandRunner(device);
            u = new GpuBuffer(device, Bindings.FRAME_BYTES, VK_BUFFER_USAGE_STORAGE_BUFFER_BIT, GpuBuffer.Placement.HOST, "frame");
            d = new GpuBuffer(device, (long) Bindings.MAX_DISPATCHES * Bindings.DISPATCH_BYTES,
                    VK_BUFFER_USAGE_STORAGE_BUFFER_BIT, GpuBuffer.Placement.HOST, "dispatch parameters");
            s = new GpuBuffer(device, Bindings.STATUS_WORDS * 4L, VK_BUFFER_USAGE_STORAGE_BUFFER_BIT
                    | VK_BUFFER_USAGE_TRANSFER_SRC_BIT | VK_BUFFER_USAGE_TRANSFER_DST_BIT, GpuBuffer.Placement.DEVICE, "status");
            sr = s.isMapped() ? null : new GpuBuffer(device, Bindings.STATUS_WORDS * 4L,
                    VK_BUFFER_USAGE_TRANSFER_DST_BIT, GpuBuffer.Placement.HOST, "status readback");
        } catch (RuntimeException e) {
            for (AutoCloseable c : new AutoCloseable[] {sr, s, d, u, r, p}) {
                closeQuietly(c);
            }
            throw e;
        }
        this.pipelines = p;
        this.runner = r;
        this.frameBlock = u;
        this.dispatchParams = d;
        this.status = s;
        this.statusReadback = sr;
    }

    private static void closeQuietly(AutoCloseable c) {
        if (c == null) {
            return;
        }
        try {
            c.close();
        } catch (Exception ignored) {
            // already failing; the first error is the one reported
        }
    }

    @Override
    public GpuScene load(List<ByteBuffer> buffers, SceneConstants constants) {
        return new GpuScene(device, runner, buffers, constants);
    }

    @Override
    public TileResult render(GpuScene scene, FrameSettings settings, TileRect rect, SampleRange samples) {
        if (!rect.fitsIn(settings.width(), settings.height())) {
            throw new IllegalArgumentException("tile " + rect + " outside the " + settings.width() + "x" + settings.height() + " frame");
        }
        ensureAccumulator(rect.pixelCount());
        FrameUniforms.write(frameBlock.mapped(), settings, scene.constants(), Bindings.LOOP_BUDGET);
        List<GpuBuffer> storage = new ArrayList<>(Bindings.BINDING_COUNT);
        storage.add(frameBlock);
        storage.addAll(scene.buffers());
        storage.add(accum);
        storage.add(status);
        storage.add(dispatchParams);
        ComputePipeline pipeline = pipelines.bind(scene.constants().features(), storage);
        while (true) {
            int perDispatch = samplesPerDispatch;
            int flags = 0;
            // One submission holds at most MAX_DISPATCHES dispatches; the accumulator is cleared before the first.
            for (int first = samples.first(); first < samples.end() && flags == 0; ) {
                int end = (int) Math.min(samples.end(), first + (long) perDispatch * Bindings.MAX_DISPATCHES);
                int dispatches = writeDispatchParams(rect, first, end, perDispatch);
                boolean clear = first == samples.first();
                runner.run("render tile " + rect + " samples " + first + ".." + end,
                        cmd -> record(cmd, pipeline, rect, dispatches, clear));
                IntBuffer st = (statusReadback != null ? statusReadback : status).mapped().asIntBuffer();
                flags = st.get(0);
                invalidSamples += Integer.toUnsignedLong(st.get(1));
                if ((flags & Bindings.STATUS_STACK_OVERFLOW) != 0) {
                    throw new RenderException("tile " + rect + ", samples " + samples + ": BVH traversal stack of "
                            + Bindings.TRAVERSAL_STACK + " overflowed; the scene's BVH is too deep");
                }
                if ((flags & Bindings.STATUS_LOOP_BUDGET) != 0 && perDispatch == 1) {
                    throw new RenderException("tile " + rect + ", samples " + samples + ", pixel (" + st.get(2) + ", "
                            + st.get(3) + "): one sample needs more than " + Bindings.LOOP_BUDGET
                            + " loop iterations, the most this device runs reliably in one dispatch");
                }
                first = end;
            }
            if ((flags & Bindings.STATUS_LOOP_BUDGET) == 0) {
                break;
            }
            samplesPerDispatch = Math.max(1, perDispatch / 2);
        }
        return new TileResult(rect, samples, readSums(rect.pixelCount()));
    }

    /** Writes one parameter entry per dispatch of samples [first, end); returns the number of dispatches. */
    private int writeDispatchParams(TileRect rect, int first, int end, int perDispatch) {
        ByteBuffer b = dispatchParams.mapped().duplicate().order(ByteOrder.LITTLE_ENDIAN);
        b.clear();
        int n = 0;
        for (int s = first; s < end; s += perDispatch, n++) {
            b.putInt(rect.x()).putInt(rect.y()).putInt(rect.width()).putInt(rect.height())
                    .putInt(s).putInt(Math.min(perDispatch, end - s)).putInt(0).putInt(0);
        }
        return n;
    }

    private void record(VkCommandBuffer cmd, ComputePipeline pipeline, TileRect rect, int dispatches, boolean clearAccumulator) {
        long accumBytes = (long) rect.pixelCount() * Bindings.ACCUM_WORDS_PER_PIXEL * 4;
        if (clearAccumulator) {
            vkCmdFillBuffer(cmd, accum.handle(), 0, accumBytes, 0);
        }
        vkCmdFillBuffer(cmd, status.handle(), 0, VK_WHOLE_SIZE, 0);
        barrier(cmd, VK_ACCESS_TRANSFER_WRITE_BIT, VK_ACCESS_SHADER_READ_BIT | VK_ACCESS_SHADER_WRITE_BIT,
                VK_PIPELINE_STAGE_TRANSFER_BIT, VK_PIPELINE_STAGE_COMPUTE_SHADER_BIT);
        pipeline.record(cmd);
        int groupsX = (rect.width() + Bindings.WORKGROUP_SIZE - 1) / Bindings.WORKGROUP_SIZE;
        int groupsY = (rect.height() + Bindings.WORKGROUP_SIZE - 1) / Bindings.WORKGROUP_SIZE;
        for (int k = 0; k < dispatches; k++) {
            ComputePipeline.dispatch(cmd, k, groupsX, groupsY);
            barrier(cmd, VK_ACCESS_SHADER_WRITE_BIT, VK_ACCESS_SHADER_READ_BIT | VK_ACCESS_SHADER_WRITE_BIT,
                    VK_PIPELINE_STAGE_COMPUTE_SHADER_BIT, VK_PIPELINE_STAGE_COMPUTE_SHADER_BIT);
        }
        if (accumReadback != null || statusReadback != null) {
            barrier(cmd, VK_ACCESS_SHADER_WRITE_BIT, VK_ACCESS_TRANSFER_READ_BIT,
                    VK_PIPELINE_STAGE_COMPUTE_SHADER_BIT, VK_PIPELINE_STAGE_TRANSFER_BIT);
            if (accumReadback != null) {
                CommandRunner.copy(cmd, accum, accumReadback, accumBytes);
            }
            if (statusReadback != null) {
                CommandRunner.copy(cmd, status, statusReadback, Bindings.STATUS_WORDS * 4L);
            }
        }
        barrier(cmd, VK_ACCESS_SHADER_WRITE_BIT | VK_ACCESS_TRANSFER_WRITE_BIT, VK_ACCESS_HOST_READ_BIT,
                VK_PIPELINE_STAGE_COMPUTE_SHADER_BIT | VK_PIPELINE_STAGE_TRANSFER_BIT, VK_PIPELINE_STAGE_HOST_BIT);
    }

    private static void barrier(VkCommandBuffer cmd, int srcAccess, int dstAccess, int srcStage, int dstStage) {
        try (MemoryStack stack = stackPush()) {
            VkMemoryBarrier.Buffer b = VkMemoryBarrier.calloc(1, stack);
            b.get(0).sType$Default().srcAccessMask(srcAccess).dstAccessMask(dstAccess);
            vkCmdPipelineBarrier(cmd, srcStage, dstStage, 0, b, null, null);
        }
    }

    private void ensureAccumulator(int pixels) {
        long bytes = (long) pixels * Bindings.ACCUM_WORDS_PER_PIXEL * 4;
        if (accum != null && accum.size() >= bytes) {
            return;
        }
        closeAccumulator();
        accum = new GpuBuffer(device, bytes, VK_BUFFER_USAGE_STORAGE_BUFFER_BIT | VK_BUFFER_USAGE_TRANSFER_SRC_BIT
                | VK_BUFFER_USAGE_TRANSFER_DST_BIT, GpuBuffer.Placement.DEVICE, "accumulator");
        if (!accum.isMapped()) {
            accumReadback = new GpuBuffer(device, bytes, VK_BUFFER_USAGE_TRANSFER_DST_BIT, GpuBuffer.Placement.HOST, "accumulator readback");
        }
    }

    private long[] readSums(int pixels) {
        IntBuffer words = (accumReadback != null ? accumReadback : accum).mapped().asIntBuffer();
        long[] sums = new long[pixels * 3];
        for (int i = 0; i < sums.length; i++) {
            long lo = Integer.toUnsignedLong(words.get(2 * i));
            long hi = Integer.toUnsignedLong(words.get(2 * i + 1));
            sums[i] = (hi << 32) | lo;
        }
        return sums;
    }

    /** Samples whose radiance was NaN, infinite or negative (counted as 0) since the backend was made. */
    public long invalidSamples() {
        return invalidSamples;
    }

    /** Shader variants compiled so far (one per set of scene features rendered). */
    public int variantCount() {
        return pipelines.size();
    }

    /** Samples per dispatch in use now (lowered when a tile came near the loop budget). */
    public int samplesPerDispatch() {
        return samplesPerDispatch;
    }

    @Override
    public String deviceDescription() {
        return device.info().toString();
    }

    private void closeAccumulator() {
        if (accumReadback != null) {
            accumReadback.close();
            accumReadback = null;
        }
        if (accum != null) {
            accum.close();
            accum = null;
        }
    }

    @Override
    public void close() {
        device.waitIdle();
        closeAccumulator();
        if (statusReadback != null) {
            statusReadback.close();
        }
        status.close();
        dispatchParams.close();
        frameBlock.close();
        runner.close();
        pipelines.close();
    }

    VulkanContext context() {
        return context;
    }
}
