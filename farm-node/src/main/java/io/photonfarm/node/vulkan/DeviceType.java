package io.photonfarm.node.vulkan;

import static org.lwjgl.vulkan.VK10.*;

/** Vulkan physical device types, ordered by preference for rendering (first is best). */
public enum DeviceType {
    DISCRETE_GPU, INTEGRATED_GPU, VIRTUAL_GPU, CPU, OTHER;

    static DeviceType of(int vkType) {
        return switch (vkType) {
            case VK_PHYSICAL_DEVICE_TYPE_DISCRETE_GPU -> DISCRETE_GPU;
            case VK_PHYSICAL_DEVICE_TYPE_INTEGRATED_GPU -> INTEGRATED_GPU;
            case VK_PHYSICAL_DEVICE_TYPE_VIRTUAL_GPU -> VIRTUAL_GPU;
            case VK_PHYSICAL_DEVICE_TYPE_CPU -> CPU;
            default -> OTHER;
        };
    }
}
