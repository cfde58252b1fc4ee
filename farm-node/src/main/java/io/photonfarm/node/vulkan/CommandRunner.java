package io.photonfarm.node.vulkan;

import static io.photonfarm.node.vulkan.Vk.check;
import static org.lwjgl.system.MemoryStack.stackPush;
import static org.lwjgl.vulkan.VK10.*;

import java.util.function.Consumer;
import org.lwjgl.PointerBuffer;
import org.lwjgl.system.MemoryStack;
import org.lwjgl.vulkan.VkCommandBuffer;
import org.lwjgl.vulkan.VkCommandBufferAllocateInfo;
import org.lwjgl.vulkan.VkCommandBufferBeginInfo;
import org.lwjgl.vulkan.VkCommandPoolCreateInfo;
import org.lwjgl.vulkan.VkFenceCreateInfo;
import org.lwjgl.vulkan.VkSubmitInfo;

/**
 * Owns a command pool, one reusable command buffer and a fence: records work, submits it and waits.
 * Not thread-safe; one per rendering thread.
 */
public final class CommandRunner implements AutoCloseable {
    /** How long one submission may take before it is reported as hung, nanoseconds. */
    private static final long TIMEOUT_NANOS = 600L * 1_000_000_000L;

    private final VulkanDevice device;
    private final long pool;
    private final VkCommandBuffer commands;
    private final long fence;

    public CommandRunner(VulkanDevice device) {
        this.device = device;
        try (MemoryStack stack = stackPush()) {
            VkCommandPoolCreateInfo pci = VkCommandPoolCreateInfo.calloc(stack).sType$Default()
                    .flags(VK_COMMAND_POOL_CREATE_RESET_COMMAND_BUFFER_BIT).queueFamilyIndex(device.queueFamily());
            long[] out = new long[1];
            check(vkCreateCommandPool(device.handle(), pci, null, out), "vkCreateCommandPool");
            pool = out[0];
            VkCommandBufferAllocateInfo ai = VkCommandBufferAllocateInfo.calloc(stack).sType$Default()
                    .commandPool(pool).level(VK_COMMAND_BUFFER_LEVEL_PRIMARY).commandBufferCount(1);
            PointerBuffer cb = stack.mallocPointer(1);
            check(vkAllocateCommandBuffers(device.handle(), ai, cb), "vkAllocateCommandBuffers");
            commands = new VkCommandBuffer(cb.get(0), device.handle());
            VkFenceCreateInfo fci = VkFenceCreateInfo.calloc(stack).sType$Default();
            check(vkCreateFence(device.handle(), fci, null, out), "vkCreateFence");
            fence = out[0];
        }
    }

    /** Records {@code recorder} into the command buffer, submits it and waits for it to finish. */
    public void run(String what, Consumer<VkCommandBuffer> recorder) {
        try (MemoryStack stack = stackPush()) {
            check(vkResetCommandBuffer(commands, 0), "vkResetCommandBuffer(" + what + ")");
            VkCommandBufferBeginInfo bi = VkCommandBufferBeginInfo.calloc(stack).sType$Default()
                    .flags(VK_COMMAND_BUFFER_USAGE_ONE_TIME_SUBMIT_BIT);
            check(vkBeginCommandBuffer(commands, bi), "vkBeginCommandBuffer(" + what + ")");
            recorder.accept(commands);
            check(vkEndCommandBuffer(commands), "vkEndCommandBuffer(" + what + ")");
            VkSubmitInfo si = VkSubmitInfo.calloc(stack).sType$Default().pCommandBuffers(stack.pointers(commands));
            check(vkResetFences(device.handle(), fence), "vkResetFences(" + what + ")");
            check(vkQueueSubmit(device.queue(), si, fence), "vkQueueSubmit(" + what + ")");
            int r = vkWaitForFences(device.handle(), fence, true, TIMEOUT_NANOS);
            if (r == VK_TIMEOUT) {
                throw new VulkanException("vkWaitForFences(" + what + ")", r);
            }
            check(r, "vkWaitForFences(" + what + ")");
        }
    }

    /** Copies {@code size} bytes between buffers (records into an open command buffer). */
    public static void copy(VkCommandBuffer cmd, GpuBuffer from, GpuBuffer to, long size) {
        try (MemoryStack stack = stackPush()) {
            org.lwjgl.vulkan.VkBufferCopy.Buffer region = org.lwjgl.vulkan.VkBufferCopy.calloc(1, stack);
            region.get(0).srcOffset(0).dstOffset(0).size(size);
            vkCmdCopyBuffer(cmd, from.handle(), to.handle(), region);
        }
    }

    @Override
    public void close() {
        vkDestroyFence(device.handle(), fence, null);
        vkDestroyCommandPool(device.handle(), pool, null);
    }
}
