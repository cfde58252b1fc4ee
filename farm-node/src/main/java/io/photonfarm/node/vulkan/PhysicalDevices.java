package io.photonfarm.node.vulkan;

import static org.lwjgl.system.MemoryStack.stackPush;
import static org.lwjgl.vulkan.VK10.*;

import java.nio.IntBuffer;
import org.lwjgl.system.MemoryStack;
import org.lwjgl.vulkan.VK11;
import org.lwjgl.vulkan.VK12;
import org.lwjgl.vulkan.VkPhysicalDevice;
import org.lwjgl.vulkan.VkPhysicalDeviceDriverProperties;
import org.lwjgl.vulkan.VkPhysicalDeviceMemoryProperties;
import org.lwjgl.vulkan.VkPhysicalDeviceProperties;
import org.lwjgl.vulkan.VkPhysicalDeviceProperties2;
import org.lwjgl.vulkan.VkQueueFamilyProperties;

/** Reads what a physical device says about itself. */
final class PhysicalDevices {
    private PhysicalDevices() {
    }

    static DeviceInfo describe(VkPhysicalDevice device, int index) {
        try (MemoryStack stack = stackPush()) {
            VkPhysicalDeviceProperties props = VkPhysicalDeviceProperties.calloc(stack);
            vkGetPhysicalDeviceProperties(device, props);
            int api = props.apiVersion();
            String apiText = VK_API_VERSION_MAJOR(api) + "." + VK_API_VERSION_MINOR(api) + "." + VK_API_VERSION_PATCH(api);
            String driver = "version " + Integer.toUnsignedString(props.driverVersion());
            if (VK_API_VERSION_MINOR(api) >= 2 || VK_API_VERSION_MAJOR(api) > 1) {
                VkPhysicalDeviceDriverProperties drv = VkPhysicalDeviceDriverProperties.calloc(stack).sType$Default();
                VkPhysicalDeviceProperties2 p2 = VkPhysicalDeviceProperties2.calloc(stack).sType$Default().pNext(drv);
                VK11.vkGetPhysicalDeviceProperties2(device, p2);
                driver = drv.driverNameString() + " " + drv.driverInfoString();
            }
            return new DeviceInfo(index, props.deviceNameString(), DeviceType.of(props.deviceType()), apiText,
                    driver.trim(), props.vendorID(), props.deviceID(), computeFamily(device, stack),
                    largestDeviceLocalHeap(device, stack));
        }
    }

    /** A compute queue family, preferring one without graphics (a dedicated compute queue). */
    static int computeFamily(VkPhysicalDevice device, MemoryStack stack) {
        IntBuffer count = stack.mallocInt(1);
        vkGetPhysicalDeviceQueueFamilyProperties(device, count, null);
        VkQueueFamilyProperties.Buffer families = VkQueueFamilyProperties.calloc(count.get(0), stack);
        vkGetPhysicalDeviceQueueFamilyProperties(device, count, families);
        int any = -1;
        for (int i = 0; i < families.capacity(); i++) {
            int flags = families.get(i).queueFlags();
            if ((flags & VK_QUEUE_COMPUTE_BIT) != 0) {
                if ((flags & VK_QUEUE_GRAPHICS_BIT) == 0) {
                    return i;
                }
                if (any < 0) {
                    any = i;
                }
            }
        }
        return any;
    }

    private static long largestDeviceLocalHeap(VkPhysicalDevice device, MemoryStack stack) {
        VkPhysicalDeviceMemoryProperties mem = VkPhysicalDeviceMemoryProperties.calloc(stack);
        vkGetPhysicalDeviceMemoryProperties(device, mem);
        long best = 0;
        for (int i = 0; i < mem.memoryHeapCount(); i++) {
            if ((mem.memoryHeaps(i).flags() & VK_MEMORY_HEAP_DEVICE_LOCAL_BIT) != 0) {
                best = Math.max(best, mem.memoryHeaps(i).size());
            }
        }
        return best;
    }

    static long maxStorageBufferRange(VkPhysicalDevice device) {
        try (MemoryStack stack = stackPush()) {
            VkPhysicalDeviceProperties props = VkPhysicalDeviceProperties.calloc(stack);
            vkGetPhysicalDeviceProperties(device, props);
            return Integer.toUnsignedLong(props.limits().maxStorageBufferRange());
        }
    }

    static boolean isApi12(VkPhysicalDevice device) {
        try (MemoryStack stack = stackPush()) {
            VkPhysicalDeviceProperties props = VkPhysicalDeviceProperties.calloc(stack);
            vkGetPhysicalDeviceProperties(device, props);
            return props.apiVersion() >= VK12.VK_API_VERSION_1_2;
        }
    }
}
