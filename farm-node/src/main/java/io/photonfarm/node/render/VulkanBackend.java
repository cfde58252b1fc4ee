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
import io.photonfarm.node.vulkan.ShaderCompiler;
import io.photonfarm.node.vulkan.VulkanContext;
import io.photonfarm.node.vulkan.VulkanDevice;
import io.photonfarm.shaders.Bindings;
import io.photonfarm.shaders.ShaderLibrary;
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
    private final ComputePipeline pipeline;
    private final CommandRunner runner;
    private final GpuBuffer uniforms;
    private final GpuBuffer status;
    private final GpuBuffer statusReadback;
    private GpuBuffer accum;
    private GpuBuffer accumReadback;
    private int samplesPerDispatch;
    private List<GpuBuffer> bound = List.of();
    private long invalidSamples;

    /**
     * @param context            device to render on; not closed by the backend
     * @param samplesPerDispatch 0 chooses by device type
     */
    public VulkanBackend(VulkanContext context, int samplesPerDispatch) {
        this.context = context;
        this.device = context.device();
        ByteBuffer spirv = new ShaderCompiler(ShaderLibrary::source).compileCompute(ShaderLibrary.PATH_TRACER, ShaderLibrary.defines());
        this.samplesPerDispatch = samplesPerDispatch > 0 ? samplesPerDispatch
                : device.info().type() == DeviceType.CPU ? 4 : 16;
        ComputePipeline p = null;
        CommandRunner r = null;
        GpuBuffer u = null;
        GpuBuffer s = null;
        GpuBuffer sr = null;
        try {
            p = new ComputePipeline(device, spirv, Bindings.STORAGE_COUNT, Bindings.PUSH_BYTES, "pathtrace");
            r = new CommandRunner(device);
            u = new GpuBuffer(device, Bindings.FRAME_BYTES, VK_BUFFER_USAGE_UNIFORM_BUFFER_BIT, GpuBuffer.Placement.HOST, "frame");
            s = new GpuBuffer(device, Bindings.STATUS_WORDS * 4L, VK_BUFFER_USAGE_STORAGE_BUFFER_BIT
                    | VK_BUFFER_USAGE_TRANSFER_SRC_BIT | VK_BUFFER_USAGE_TRANSFER_DST_BIT, GpuBuffer.Placement.DEVICE, "status");
            sr = s.isMapped() ? null : new GpuBuffer(device, Bindings.STATUS_WORDS * 4L,
                    VK_BUFFER_USAGE_TRANSFER_DST_BIT, GpuBuffer.Placement.HOST, "status readback");
        } catch (RuntimeException e) {
            for (AutoCloseable c : new AutoCloseable[] {sr, s, u, r, p}) {
                closeQuietly(c);
            }
            throw e;
        }
        this.pipeline = p;
        this.runner = r;
        this.uniforms = u;
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
        FrameUniforms.write(uniforms.mapped(), settings, scene.constants(), Bindings.LOOP_BUDGET);
        List<GpuBuffer> storage = new ArrayList<>(scene.buffers());
        storage.add(accum);
        storage.add(status);
        if (!storage.equals(bound)) {
            pipeline.bind(uniforms, storage);
            bound = storage;
        }
        while (true) {
            int perDispatch = samplesPerDispatch;
            runner.run("render tile " + rect, cmd -> record(cmd, rect, samples, perDispatch));
            IntBuffer st = (statusReadback != null ? statusReadback : status).mapped().asIntBuffer();
            int flags = st.get(0);
            invalidSamples += Integer.toUnsignedLong(st.get(1));
            if ((flags & Bindings.STATUS_STACK_OVERFLOW) != 0) {
                throw new RenderException("tile " + rect + ", samples " + samples + ": BVH traversal stack of "
                        + Bindings.TRAVERSAL_STACK + " overflowed; the scene's BVH is too deep");
            }
            if ((flags & Bindings.STATUS_LOOP_BUDGET) == 0) {
                break;
            }
            if (perDispatch == 1) {
                throw new RenderException("tile " + rect + ", samples " + samples + ", pixel (" + st.get(2) + ", "
                        + st.get(3) + "): one sample needs more than " + Bindings.LOOP_BUDGET
                        + " loop iterations, the most this device runs reliably in one dispatch");
            }
            samplesPerDispatch = Math.max(1, perDispatch / 2);
        }
        return new TileResult(rect, samples, readSums(rect.pixelCount()));
    }

    private void record(VkCommandBuffer cmd, TileRect rect, SampleRange samples, int perDispatch) {
        long accumBytes = (long) rect.pixelCount() * Bindings.ACCUM_WORDS_PER_PIXEL * 4;
        vkCmdFillBuffer(cmd, accum.handle(), 0, accumBytes, 0);
        vkCmdFillBuffer(cmd, status.handle(), 0, VK_WHOLE_SIZE, 0);
        barrier(cmd, VK_ACCESS_TRANSFER_WRITE_BIT, VK_ACCESS_SHADER_READ_BIT | VK_ACCESS_SHADER_WRITE_BIT,
                VK_PIPELINE_STAGE_TRANSFER_BIT, VK_PIPELINE_STAGE_COMPUTE_SHADER_BIT);
        pipeline.record(cmd);
        int groupsX = (rect.width() + Bindings.WORKGROUP_SIZE - 1) / Bindings.WORKGROUP_SIZE;
        int groupsY = (rect.height() + Bindings.WORKGROUP_SIZE - 1) / Bindings.WORKGROUP_SIZE;
        try (MemoryStack stack = stackPush()) {
            ByteBuffer push = stack.malloc(Bindings.PUSH_BYTES).order(ByteOrder.LITTLE_ENDIAN);
            for (int first = samples.first(); first < samples.end(); first += perDispatch) {
                int count = Math.min(perDispatch, samples.end() - first);
                push.clear();
                push.putInt(rect.x()).putInt(rect.y()).putInt(rect.width()).putInt(rect.height())
                        .putInt(first).putInt(count).putInt(0).putInt(0).flip();
                pipeline.push(cmd, push);
                vkCmdDispatch(cmd, groupsX, groupsY, 1);
                barrier(cmd, VK_ACCESS_SHADER_WRITE_BIT, VK_ACCESS_SHADER_READ_BIT | VK_ACCESS_SHADER_WRITE_BIT,
                        VK_PIPELINE_STAGE_COMPUTE_SHADER_BIT, VK_PIPELINE_STAGE_COMPUTE_SHADER_BIT);
            }
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
        uniforms.close();
        runner.close();
        pipeline.close();
    }

    VulkanContext context() {
        return context;
    }
}
