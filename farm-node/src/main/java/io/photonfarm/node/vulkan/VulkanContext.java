package io.photonfarm.node.vulkan;

import java.util.List;

/**
 * The instance and the chosen device, created and closed together (device first). One per process
 * or per render thread; everything created from it must be closed before it.
 */
public final class VulkanContext implements AutoCloseable {
    private final VulkanInstance instance;
    private final VulkanDevice device;
    private final DeviceSelector.Selection selection;

    private VulkanContext(VulkanInstance instance, VulkanDevice device, DeviceSelector.Selection selection) {
        this.instance = instance;
        this.device = device;
        this.selection = selection;
    }

    /**
     * @param devicePreference null for automatic choice, an index, or part of a device name
     * @param validation       enable the Khronos validation layer when installed
     */
    public static VulkanContext create(String devicePreference, boolean validation) {
        VulkanInstance instance = new VulkanInstance(validation);
        try {
            List<DeviceInfo> devices = instance.devices();
            DeviceSelector.Selection sel = DeviceSelector.select(devices, devicePreference);
            VulkanDevice device = new VulkanDevice(instance.physicalDevices().get(sel.device().index()), sel.device());
            return new VulkanContext(instance, device, sel);
        } catch (RuntimeException e) {
            instance.close();
            throw e;
        }
    }

    public VulkanDevice device() {
        return device;
    }

    public VulkanInstance instance() {
        return instance;
    }

    public DeviceSelector.Selection selection() {
        return selection;
    }

    @Override
    public void close() {
        device.close();
        instance.close();
    }
}
