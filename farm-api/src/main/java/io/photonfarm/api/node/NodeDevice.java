package io.photonfarm.api.node;

/**
 * The Vulkan device a node renders on, as it reports it when registering.
 *
 * @param name        the device name, e.g. "NVIDIA H100" or "llvmpipe (LLVM 15.0.6, 256 bits)"
 * @param type        the Vulkan device type in words: discrete, integrated, virtual, cpu or other
 * @param driver      the driver name and version, in words
 * @param memoryBytes the device-local memory, bytes (for a CPU device: what the driver reports)
 */
public record NodeDevice(String name, String type, String driver, long memoryBytes) {
    public NodeDevice {
        if (name == null || name.isBlank() || type == null || type.isBlank()) {
            throw new IllegalArgumentException("node device: name and type must be set");
        }
        if (memoryBytes < 0) {
            throw new IllegalArgumentException("node device " + name + ": memory " + memoryBytes + " bytes, must be >= 0");
        }
        driver = driver == null ? "" : driver;
    }
}
