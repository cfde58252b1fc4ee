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
    private GpuBuffer labels;
    private GpuBuffer labelsReadback;
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
        // The unit that starts at sample 0 carries the tile's label records; every unit counts coverage.
        boolean writeLabels = settings.labels() && samples.first() == 0;
        List<GpuBuffer> storage = new ArrayList<>(Bindings.BINDING_COUNT);
        storage.add(frameBlock);
        storage.addAll(scene.buffers());
        storage.add(accum);
        storage.add(status);
        storage.add(dispatchParams);
        storage.add(labels);
        ComputePipeline pipeline = pipelines.bind(scene.constants().features(), storage);
        while (true) {
            int perDispatch = samplesPerDispatch;
            int flags = 0;
            // One submission holds at most MAX_DISPATCHES dispatches; the accumulator is cleared before the first.
            for (int first = samples.first(); first < samples.end() && flags == 0; ) {
                int end = (int) Math.min(samples.end(), first + (long) perDispatch * Bindings.MAX_DISPATCHES);
                boolean clear = first == samples.first();
                int firstMode = !settings.labels() || !clear ? Bindings.LABELS_READ
                        : writeLabels ? Bindings.LABELS_RECORD : Bindings.LABELS_INSTANCE;
                int dispatches = writeDispatchParams(rect, first, end, perDispatch, firstMode);
                boolean readLabels = writeLabels && end >= samples.end();
                runner.run("render tile " + rect + " samples " + first + ".." + end,
                        cmd -> record(cmd, pipeline, rect, dispatches, clear, readLabels));
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
        int pixels = rect.pixelCount();
        return new TileResult(rect, samples, readSums(pixels), settings.labels() ? readCoverage(pixels) : null,
                writeLabels ? readLabels(pixels) : null);
    }

    /**
     * Writes one parameter entry per dispatch of samples [first, end): the first with label mode
     * {@code firstMode}, the others reading the centre instance it stored. Returns the number of dispatches.
     */
    private int writeDispatchParams(TileRect rect, int first, int end, int perDispatch, int firstMode) {
        ByteBuffer b = dispatchParams.mapped().duplicate().order(ByteOrder.LITTLE_ENDIAN);
        b.clear();
        int n = 0;
        for (int s = first; s < end; s += perDispatch, n++) {
            b.putInt(rect.x()).putInt(rect.y()).putInt(rect.width()).putInt(rect.height())
                    .putInt(s).putInt(Math.min(perDispatch, end - s)).putInt(n == 0 ? firstMode : Bindings.LABELS_READ).putInt(0);
        }
        return n;
    }

    private void record(VkCommandBuffer cmd, ComputePipeline pipeline, TileRect rect, int dispatches,
                        boolean clearAccumulator, boolean readLabels) {
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
        boolean copyLabels = readLabels && labelsReadback != null;
        if (accumReadback != null || statusReadback != null || copyLabels) {
            barrier(cmd, VK_ACCESS_SHADER_WRITE_BIT, VK_ACCESS_TRANSFER_READ_BIT,
                    VK_PIPELINE_STAGE_COMPUTE_SHADER_BIT, VK_PIPELINE_STAGE_TRANSFER_BIT);
            if (accumReadback != null) {
                CommandRunner.copy(cmd, accum, accumReadback, accumBytes);
            }
            if (copyLabels) {
                CommandRunner.copy(cmd, labels, labelsReadback, (long) rect.pixelCount() * Bindings.LABEL_WORDS_PER_PIXEL * 4);
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
        long labelBytes = (long) pixels * Bindings.LABEL_WORDS_PER_PIXEL * 4;
        labels = new GpuBuffer(device, labelBytes, VK_BUFFER_USAGE_STORAGE_BUFFER_BIT | VK_BUFFER_USAGE_TRANSFER_SRC_BIT,
                GpuBuffer.Placement.DEVICE, "label records");
        if (!labels.isMapped()) {
            labelsReadback = new GpuBuffer(device, labelBytes, VK_BUFFER_USAGE_TRANSFER_DST_BIT, GpuBuffer.Placement.HOST,
                    "label records readback");
        }
    }

    private IntBuffer accumWords() {
        return (accumReadback != null ? accumReadback : accum).mapped().asIntBuffer();
    }

    private long[] readSums(int pixels) {
        IntBuffer words = accumWords();
        long[] sums = new long[pixels * 3];
        for (int p = 0; p < pixels; p++) {
            for (int c = 0; c < 3; c++) {
                int w = p * Bindings.ACCUM_WORDS_PER_PIXEL + 2 * c;
                long lo = Integer.toUnsignedLong(words.get(w));
                long hi = Integer.toUnsignedLong(words.get(w + 1));
                sums[p * 3 + c] = (hi << 32) | lo;
            }
        }
        return sums;
    }

    private int[] readCoverage(int pixels) {
        IntBuffer words = accumWords();
        int[] coverage = new int[pixels];
        for (int p = 0; p < pixels; p++) {
            coverage[p] = words.get(p * Bindings.ACCUM_WORDS_PER_PIXEL + Bindings.ACCUM_COVERAGE);
        }
        return coverage;
    }

    private int[] readLabels(int pixels) {
        int[] words = new int[pixels * Bindings.LABEL_WORDS_PER_PIXEL];
        (labelsReadback != null ? labelsReadback : labels).mapped().asIntBuffer().get(words);
        return words;
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
        if (labelsReadback != null) {
            labelsReadback.close();
            labelsReadback = null;
        }
        if (labels != null) {
            labels.close();
            labels = null;
        }
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
