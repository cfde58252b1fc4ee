package io.photonfarm.node.vulkan;

import static org.lwjgl.vulkan.VK10.VK_SUCCESS;

/** The one place where VkResults are checked. */
public final class Vk {
    private Vk() {
    }

    /**
     * Throws a {@link VulkanException} naming {@code call} unless {@code result} is VK_SUCCESS.
     *
     * @return the result, for calls where a positive status is meaningful to the caller
     */
    public static int check(int result, String call) {
        if (result != VK_SUCCESS) {
            throw new VulkanException(call, result);
        }
        return result;
    }
}
