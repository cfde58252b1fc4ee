package io.photonfarm.node.vulkan;

import static io.photonfarm.node.vulkan.Vk.check;
import static org.lwjgl.system.MemoryStack.stackPush;
import static org.lwjgl.vulkan.VK10.*;

import java.nio.ByteBuffer;
import org.lwjgl.PointerBuffer;
import org.lwjgl.system.MemoryStack;
import org.lwjgl.system.MemoryUtil;
import org.lwjgl.vulkan.VkBufferCreateInfo;
import org.lwjgl.vulkan.VkMemoryAllocateInfo;
import org.lwjgl.vulkan.VkMemoryRequirements;

/**
 * Owns one VkBuffer and its own VkDeviceMemory. Host-visible buffers stay mapped for their lifetime.
 * A buffer asked for as device-local may still be host-visible (always so on CPU devices); callers
 * check {@link #isMapped()} and use a staging copy only when it is not.
 */
public final class GpuBuffer implements AutoCloseable {
    private final VulkanDevice device;
    private final long buffer;
    private final long memory;
    private final long size;
    private final ByteBuffer mapped;

    /** Where a buffer's memory should live. */
    public enum Placement {
        /** Fast for the device; may or may not be mappable. */
        DEVICE,
        /** Mappable and coherent, for staging and read-back. */
        HOST
    }

    /**
     * @param size  bytes, > 0
     * @param usage VK_BUFFER_USAGE_* bits
     */
    public GpuBuffer(VulkanDevice device, long size, int usage, Placement placement, String name) {
        if (size <= 0) {
            throw new IllegalArgumentException("buffer '" + name + "': size must be > 0, was " + size);
        }
        this.device = device;
        this.size = size;
        try (MemoryStack stack = stackPush()) {
            VkBufferCreateInfo ci = VkBufferCreateInfo.calloc(stack).sType$Default().size(size).usage(usage)
                    .sharingMode(VK_SHARING_MODE_EXCLUSIVE);
            long[] handle = new long[1];
            check(vkCreateBuffer(device.handle(), ci, null, handle), "vkCreateBuffer(" + name + ", " + size + " bytes)");
            buffer = handle[0];
            VkMemoryRequirements req = VkMemoryRequirements.calloc(stack);
            vkGetBufferMemoryRequirements(device.handle(), buffer, req);
            int required = placement == Placement.HOST
                    ? VK_MEMORY_PROPERTY_HOST_VISIBLE_BIT | VK_MEMORY_PROPERTY_HOST_COHERENT_BIT
                    : VK_MEMORY_PROPERTY_DEVICE_LOCAL_BIT;
            int preferred = placement == Placement.HOST ? VK_MEMORY_PROPERTY_HOST_CACHED_BIT : 0;
            int type = device.memoryType(req.memoryTypeBits(), required, preferred);
            VkMemoryAllocateInfo ai = VkMemoryAllocateInfo.calloc(stack).sType$Default()
                    .allocationSize(req.size()).memoryTypeIndex(type);
            long[] mem = new long[1];
            int r = vkAllocateMemory(device.handle(), ai, null, mem);
            if (r != VK_SUCCESS) {
                vkDestroyBuffer(device.handle(), buffer, null);
                check(r, "vkAllocateMemory(" + name + ", " + req.size() + " bytes)");
            }
            memory = mem[0];
            check(vkBindBufferMemory(device.handle(), buffer, memory, 0), "vkBindBufferMemory(" + name + ")");
            if (device.isHostVisible(type)) {
                PointerBuffer p = stack.mallocPointer(1);
                check(vkMapMemory(device.handle(), memory, 0, size, 0, p), "vkMapMemory(" + name + ")");
                mapped = MemoryUtil.memByteBuffer(p.get(0), (int) Math.min(size, Integer.MAX_VALUE));
            } else {
                mapped = null;
            }
        }
    }

    public long handle() {
        return buffer;
    }

    public long size() {
        return size;
    }

    public boolean isMapped() {
        return mapped != null;
    }

    /** The mapped memory (a view over the whole buffer); only when {@link #isMapped()}. */
    public ByteBuffer mapped() {
        if (mapped == null) {
            throw new IllegalStateException("buffer is not host-visible");
        }
        return mapped.duplicate().order(java.nio.ByteOrder.LITTLE_ENDIAN);
    }

    @Override
    public void close() {
        if (mapped != null) {
            vkUnmapMemory(device.handle(), memory);
        }
        vkDestroyBuffer(device.handle(), buffer, null);
        vkFreeMemory(device.handle(), memory, null);
    }
}
