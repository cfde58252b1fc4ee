package io.photonfarm.node.vulkan;

import static io.photonfarm.node.vulkan.Vk.check;
import static org.lwjgl.system.MemoryStack.stackPush;
import static org.lwjgl.vulkan.VK10.*;

import org.lwjgl.PointerBuffer;
import org.lwjgl.system.MemoryStack;
import org.lwjgl.vulkan.VK12;
import org.lwjgl.vulkan.VkDevice;
import org.lwjgl.vulkan.VkDeviceCreateInfo;
import org.lwjgl.vulkan.VkDeviceQueueCreateInfo;
import org.lwjgl.vulkan.VkPhysicalDevice;
import org.lwjgl.vulkan.VkPhysicalDeviceMemoryProperties;
import org.lwjgl.vulkan.VkQueue;

/** Owns a logical device with one compute queue, and answers memory-type questions about it. */
public final class VulkanDevice implements AutoCloseable {
    private final VkPhysicalDevice physical;
    private final DeviceInfo info;
    private final VkDevice device;
    private final VkQueue queue;
    private final int queueFamily;
    private final VkPhysicalDeviceMemoryProperties memory;
    private final long maxStorageBufferRange;

    VulkanDevice(VkPhysicalDevice physical, DeviceInfo info) {
        this.physical = physical;
        this.info = info;
        this.queueFamily = info.computeQueueFamily();
        if (!PhysicalDevices.isApi12(physical)) {
            throw new VulkanException("device " + info.name() + " supports Vulkan " + info.apiVersion() + "; 1.2 is required");
        }
        try (MemoryStack stack = stackPush()) {
            VkDeviceQueueCreateInfo.Buffer queues = VkDeviceQueueCreateInfo.calloc(1, stack);
            queues.get(0).sType$Default().queueFamilyIndex(queueFamily).pQueuePriorities(stack.floats(1f));
            VkDeviceCreateInfo ci = VkDeviceCreateInfo.calloc(stack).sType$Default().pQueueCreateInfos(queues);
            PointerBuffer handle = stack.mallocPointer(1);
            check(vkCreateDevice(physical, ci, null, handle), "vkCreateDevice");
            // The API version tells LWJGL which function pointers to load.
            device = new VkDevice(handle.get(0), physical, ci, VK12.VK_API_VERSION_1_2);
            PointerBuffer q = stack.mallocPointer(1);
            vkGetDeviceQueue(device, queueFamily, 0, q);
            queue = new VkQueue(q.get(0), device);
        }
        memory = VkPhysicalDeviceMemoryProperties.calloc();
        vkGetPhysicalDeviceMemoryProperties(physical, memory);
        maxStorageBufferRange = PhysicalDevices.maxStorageBufferRange(physical);
    }

    /**
     * A memory type index allowed by {@code typeBits} with all of {@code required}, preferring one
     * that also has {@code preferred}.
     */
    int memoryType(int typeBits, int required, int preferred) {
        int fallback = -1;
        for (int i = 0; i < memory.memoryTypeCount(); i++) {
            int flags = memory.memoryTypes(i).propertyFlags();
            if ((typeBits & (1 << i)) == 0 || (flags & required) != required) {
                continue;
            }
            if ((flags & preferred) == preferred) {
                return i;
            }
            if (fallback < 0) {
                fallback = i;
            }
        }
        if (fallback < 0) {
            throw new VulkanException("no memory type with flags 0x" + Integer.toHexString(required)
                    + " among types 0x" + Integer.toHexString(typeBits) + " on " + info.name());
        }
        return fallback;
    }

    boolean isHostVisible(int memoryType) {
        return (memory.memoryTypes(memoryType).propertyFlags() & VK_MEMORY_PROPERTY_HOST_VISIBLE_BIT) != 0;
    }

    public DeviceInfo info() {
        return info;
    }

    /** The largest size one storage-buffer binding may have, bytes. */
    public long maxStorageBufferRange() {
        return maxStorageBufferRange;
    }

    VkDevice handle() {
        return device;
    }

    VkPhysicalDevice physical() {
        return physical;
    }

    VkQueue queue() {
        return queue;
    }

    int queueFamily() {
        return queueFamily;
    }

    /** Waits until the device has finished all work. */
    public void waitIdle() {
        check(vkDeviceWaitIdle(device), "vkDeviceWaitIdle");
    }

    @Override
    public void close() {
        vkDeviceWaitIdle(device);
        vkDestroyDevice(device, null);
        memory.free();
    }
}
