package io.photonfarm.launcher;

import io.photonfarm.node.vulkan.DeviceInfo;
import io.photonfarm.node.vulkan.DeviceSelector;
import io.photonfarm.node.vulkan.VulkanInstance;
import java.io.PrintWriter;
import java.util.List;
import java.util.concurrent.Callable;
import picocli.CommandLine.Command;
import picocli.CommandLine.Option;
import picocli.CommandLine.Spec;
import picocli.CommandLine.Model.CommandSpec;

/** Lists Vulkan devices and which one would render, with the reason. */
@Command(name = "devices", description = "List Vulkan devices and the one that would be used.")
final class DevicesCommand implements Callable<Integer> {
    @Option(names = "--device", description = "Device preference: an index or part of a name (default: best type).")
    String device;

    @Spec
    CommandSpec spec;

    @Override
    public Integer call() {
        PrintWriter out = spec.commandLine().getOut();
        try (VulkanInstance instance = new VulkanInstance(false)) {
            List<DeviceInfo> devices = instance.devices();
            if (devices.isEmpty()) {
                spec.commandLine().getErr().println("No Vulkan device found. On Debian: apt-get install libvulkan1 "
                        + "mesa-vulkan-drivers (the CPU device, lavapipe), or install your GPU's Vulkan driver.");
                return 3;
            }
            for (DeviceInfo d : devices) {
                out.println(d + (d.canCompute() ? "" : "  [no compute queue]"));
            }
            DeviceSelector.Selection sel = DeviceSelector.select(devices, device);
            out.println("would use #" + sel.device().index() + " " + sel.device().name() + ": " + sel.reason());
            return 0;
        }
    }
}
