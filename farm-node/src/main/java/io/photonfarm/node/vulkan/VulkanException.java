package io.photonfarm.node.vulkan;

import static org.lwjgl.vulkan.VK10.*;

/** A Vulkan call failed. Carries the call's name and its VkResult. */
public class VulkanException extends RuntimeException {
    private static final long serialVersionUID = 1L;
    private final int result;

    public VulkanException(String call, int result) {
        super(call + " failed: " + resultName(result) + " (" + result + ")");
        this.result = result;
    }

    public VulkanException(String message) {
        super(message);
        this.result = VK_SUCCESS;
    }

    public int result() {
        return result;
    }

    /** Whether the device is gone and every object of it must be recreated. */
    public boolean isDeviceLost() {
        return result == VK_ERROR_DEVICE_LOST;
    }

    static String resultName(int r) {
        return switch (r) {
            case VK_SUCCESS -> "VK_SUCCESS";
            case VK_NOT_READY -> "VK_NOT_READY";
            case VK_TIMEOUT -> "VK_TIMEOUT";
            case VK_INCOMPLETE -> "VK_INCOMPLETE";
            case VK_ERROR_OUT_OF_HOST_MEMORY -> "VK_ERROR_OUT_OF_HOST_MEMORY";
            case VK_ERROR_OUT_OF_DEVICE_MEMORY -> "VK_ERROR_OUT_OF_DEVICE_MEMORY";
            case VK_ERROR_INITIALIZATION_FAILED -> "VK_ERROR_INITIALIZATION_FAILED";
            case VK_ERROR_DEVICE_LOST -> "VK_ERROR_DEVICE_LOST";
            case VK_ERROR_MEMORY_MAP_FAILED -> "VK_ERROR_MEMORY_MAP_FAILED";
            case VK_ERROR_LAYER_NOT_PRESENT -> "VK_ERROR_LAYER_NOT_PRESENT";
            case VK_ERROR_EXTENSION_NOT_PRESENT -> "VK_ERROR_EXTENSION_NOT_PRESENT";
            case VK_ERROR_FEATURE_NOT_PRESENT -> "VK_ERROR_FEATURE_NOT_PRESENT";
            case VK_ERROR_INCOMPATIBLE_DRIVER -> "VK_ERROR_INCOMPATIBLE_DRIVER";
            case VK_ERROR_TOO_MANY_OBJECTS -> "VK_ERROR_TOO_MANY_OBJECTS";
            case VK_ERROR_FORMAT_NOT_SUPPORTED -> "VK_ERROR_FORMAT_NOT_SUPPORTED";
            default -> "VkResult " + r;
        };
    }
}
