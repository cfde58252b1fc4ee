package io.photonfarm.node.work;

import io.photonfarm.api.node.NodeDevice;
import io.photonfarm.node.vulkan.DeviceInfo;
import io.photonfarm.node.vulkan.VulkanContext;

/** What a node says about its Vulkan device when it registers. */
public final class NodeDevices {
    private NodeDevices() {
    }

    /** The device the context renders on. */
    public static NodeDevice of(VulkanContext context) {
        return of(context.device().info());
    }

    /**
     * Name, type in words (discrete, integrated, virtual, cpu, other), driver name and version, and
     * device-local memory in bytes (the largest device-local heap, what {@link DeviceInfo} measures).
     */
    public static NodeDevice of(DeviceInfo info) {
        String type = switch (info.type()) {
            case DISCRETE_GPU -> "discrete";
            case INTEGRATED_GPU -> "integrated";
            case VIRTUAL_GPU -> "virtual";
            case CPU -> "cpu";
            case OTHER -> "other";
        };
        String driver = info.driver() + " (Vulkan " + info.apiVersion() + ")";
        return new NodeDevice(info.name(), type, driver.trim(), info.deviceLocalBytes());
    }
}
