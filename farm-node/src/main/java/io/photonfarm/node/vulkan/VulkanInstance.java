package io.photonfarm.node.vulkan;

import static io.photonfarm.node.vulkan.Vk.check;
import static org.lwjgl.system.MemoryStack.stackPush;
import static org.lwjgl.vulkan.EXTDebugUtils.*;
import static org.lwjgl.vulkan.VK10.*;

import java.nio.IntBuffer;
import java.util.ArrayList;
import java.util.Collections;
import java.util.List;
import org.lwjgl.PointerBuffer;
import org.lwjgl.system.MemoryStack;
import org.lwjgl.vulkan.VK12;
import org.lwjgl.vulkan.VkApplicationInfo;
import org.lwjgl.vulkan.VkDebugUtilsMessengerCallbackDataEXT;
import org.lwjgl.vulkan.VkDebugUtilsMessengerCallbackEXT;
import org.lwjgl.vulkan.VkDebugUtilsMessengerCreateInfoEXT;
import org.lwjgl.vulkan.VkExtensionProperties;
import org.lwjgl.vulkan.VkInstance;
import org.lwjgl.vulkan.VkInstanceCreateInfo;
import org.lwjgl.vulkan.VkLayerProperties;
import org.lwjgl.vulkan.VkPhysicalDevice;

/**
 * Owns a VkInstance and, when validation is on and the Khronos validation layer is installed, a
 * debug messenger that records every warning and error so tests can assert there are none.
 */
public final class VulkanInstance implements AutoCloseable {
    static final String VALIDATION_LAYER = "VK_LAYER_KHRONOS_validation";

    private final VkInstance instance;
    private final boolean validation;
    private final List<String> validationMessages = Collections.synchronizedList(new ArrayList<>());
    private VkDebugUtilsMessengerCallbackEXT callback;
    private long messenger;

    /**
     * @param validation turn on the validation layer if it is installed (a warning is recorded if not)
     */
    public VulkanInstance(boolean validation) {
        try (MemoryStack stack = stackPush()) {
            boolean layerPresent = validation && hasLayer(stack, VALIDATION_LAYER);
            boolean debugUtils = layerPresent && hasExtension(stack, VK_EXT_DEBUG_UTILS_EXTENSION_NAME);
            this.validation = layerPresent;
            if (validation && !layerPresent) {
                validationMessages.add("note: " + VALIDATION_LAYER
                        + " is not installed (Debian: vulkan-validationlayers); running without validation");
            }
            VkApplicationInfo app = VkApplicationInfo.calloc(stack).sType$Default()
                    .pApplicationName(stack.UTF8("PhotonFarm")).applicationVersion(1)
                    .pEngineName(stack.UTF8("PhotonFarm")).engineVersion(1)
                    .apiVersion(VK12.VK_API_VERSION_1_2);
            PointerBuffer layers = null;
            if (layerPresent) {
                layers = stack.mallocPointer(1).put(0, stack.UTF8(VALIDATION_LAYER));
            }
            PointerBuffer extensions = null;
            if (debugUtils) {
                extensions = stack.mallocPointer(1).put(0, stack.UTF8(VK_EXT_DEBUG_UTILS_EXTENSION_NAME));
            }
            VkInstanceCreateInfo ci = VkInstanceCreateInfo.calloc(stack).sType$Default()
                    .pApplicationInfo(app).ppEnabledLayerNames(layers).ppEnabledExtensionNames(extensions);
            PointerBuffer handle = stack.mallocPointer(1);
            check(vkCreateInstance(ci, null, handle), "vkCreateInstance");
            instance = new VkInstance(handle.get(0), ci);
            if (debugUtils) {
                createMessenger(stack);
            }
        }
    }

    private void createMessenger(MemoryStack stack) {
        callback = VkDebugUtilsMessengerCallbackEXT.create((severity, types, data, user) -> {
            String text = VkDebugUtilsMessengerCallbackDataEXT.create(data).pMessageString();
            validationMessages.add(((severity & VK_DEBUG_UTILS_MESSAGE_SEVERITY_ERROR_BIT_EXT) != 0 ? "error: " : "warning: ") + text);
            return VK_FALSE;
        });
        VkDebugUtilsMessengerCreateInfoEXT ci = VkDebugUtilsMessengerCreateInfoEXT.calloc(stack).sType$Default()
                .messageSeverity(VK_DEBUG_UTILS_MESSAGE_SEVERITY_WARNING_BIT_EXT | VK_DEBUG_UTILS_MESSAGE_SEVERITY_ERROR_BIT_EXT)
                .messageType(VK_DEBUG_UTILS_MESSAGE_TYPE_GENERAL_BIT_EXT | VK_DEBUG_UTILS_MESSAGE_TYPE_VALIDATION_BIT_EXT
                        | VK_DEBUG_UTILS_MESSAGE_TYPE_PERFORMANCE_BIT_EXT)
                .pfnUserCallback(callback);
        long[] out = new long[1];
        check(vkCreateDebugUtilsMessengerEXT(instance, ci, null, out), "vkCreateDebugUtilsMessengerEXT");
        messenger = out[0];
    }

    private static boolean hasLayer(MemoryStack stack, String name) {
        IntBuffer count = stack.mallocInt(1);
        check(vkEnumerateInstanceLayerProperties(count, null), "vkEnumerateInstanceLayerProperties");
        try (VkLayerProperties.Buffer props = VkLayerProperties.malloc(count.get(0))) {
            check(vkEnumerateInstanceLayerProperties(count, props), "vkEnumerateInstanceLayerProperties");
            return props.stream().anyMatch(p -> p.layerNameString().equals(name));
        }
    }

    private static boolean hasExtension(MemoryStack stack, String name) {
        IntBuffer count = stack.mallocInt(1);
        check(vkEnumerateInstanceExtensionProperties((String) null, count, null), "vkEnumerateInstanceExtensionProperties");
        try (VkExtensionProperties.Buffer props = VkExtensionProperties.malloc(count.get(0))) {
            check(vkEnumerateInstanceExtensionProperties((String) null, count, props), "vkEnumerateInstanceExtensionProperties");
            return props.stream().anyMatch(p -> p.extensionNameString().equals(name));
        }
    }

    /** Every physical device, in enumeration order, with what it says about itself. */
    public List<DeviceInfo> devices() {
        List<DeviceInfo> out = new ArrayList<>();
        List<VkPhysicalDevice> handles = physicalDevices();
        for (int i = 0; i < handles.size(); i++) {
            out.add(PhysicalDevices.describe(handles.get(i), i));
        }
        return out;
    }

    List<VkPhysicalDevice> physicalDevices() {
        try (MemoryStack stack = stackPush()) {
            IntBuffer count = stack.mallocInt(1);
            check(vkEnumeratePhysicalDevices(instance, count, null), "vkEnumeratePhysicalDevices");
            PointerBuffer handles = stack.mallocPointer(count.get(0));
            check(vkEnumeratePhysicalDevices(instance, count, handles), "vkEnumeratePhysicalDevices");
            List<VkPhysicalDevice> out = new ArrayList<>();
            for (int i = 0; i < count.get(0); i++) {
                out.add(new VkPhysicalDevice(handles.get(i), instance));
            }
            return out;
        }
    }

    public boolean validationEnabled() {
        return validation;
    }

    /** Warnings and errors reported by the validation layer so far (a copy). */
    public List<String> validationMessages() {
        synchronized (validationMessages) {
            return List.copyOf(validationMessages);
        }
    }

    VkInstance handle() {
        return instance;
    }

    @Override
    public void close() {
        if (messenger != 0) {
            vkDestroyDebugUtilsMessengerEXT(instance, messenger, null);
            messenger = 0;
        }
        vkDestroyInstance(instance, null);
        if (callback != null) {
            callback.free();
            callback = null;
        }
    }
}
