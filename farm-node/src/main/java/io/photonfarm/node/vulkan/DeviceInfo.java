package io.photonfarm.node.vulkan;

/**
 * What a Vulkan physical device says about itself.
 *
 * @param index              position in vkEnumeratePhysicalDevices order
 * @param computeQueueFamily a queue family with compute support, or -1 when there is none
 * @param deviceLocalBytes   size of the largest device-local memory heap
 */
public record DeviceInfo(int index, String name, DeviceType type, String apiVersion, String driver,
                         int vendorId, int deviceId, int computeQueueFamily, long deviceLocalBytes) {

    public boolean canCompute() {
        return computeQueueFamily >= 0;
    }

    @Override
    public String toString() {
        return String.format("#%d %s (%s, Vulkan %s, driver %s, %d MiB)", index, name, type, apiVersion,
                driver, deviceLocalBytes >> 20);
    }
}
