package io.photonfarm.node.vulkan;

import java.util.Comparator;
import java.util.List;
import java.util.Locale;
import java.util.Optional;

/**
 * Chooses the device to render on: an explicit choice (index or part of the name) wins; otherwise
 * discrete GPU > integrated GPU > virtual GPU > CPU, ties broken by memory, then enumeration order.
 */
public final class DeviceSelector {

    /** The chosen device and a sentence saying why. */
    public record Selection(DeviceInfo device, String reason) {
    }

    private DeviceSelector() {
    }

    /**
     * @param preference null/blank for automatic, a decimal index, or a case-insensitive part of a device name
     * @throws VulkanException when no device can compute or the preference matches none
     */
    public static Selection select(List<DeviceInfo> devices, String preference) {
        List<DeviceInfo> usable = devices.stream().filter(DeviceInfo::canCompute).toList();
        if (usable.isEmpty()) {
            throw new VulkanException("no Vulkan device with a compute queue among " + devices.size()
                    + " device(s); install a driver (Debian: libvulkan1 mesa-vulkan-drivers for the CPU device)");
        }
        if (preference != null && !preference.isBlank()) {
            String p = preference.trim();
            if (p.chars().allMatch(Character::isDigit)) {
                int index = Integer.parseInt(p);
                return usable.stream().filter(d -> d.index() == index).findFirst()
                        .map(d -> new Selection(d, "chosen by index " + index))
                        .orElseThrow(() -> new VulkanException("no usable Vulkan device with index " + index
                                + "; devices: " + usable));
            }
            String needle = p.toLowerCase(Locale.ROOT);
            Optional<DeviceInfo> byName = usable.stream()
                    .filter(d -> d.name().toLowerCase(Locale.ROOT).contains(needle)).findFirst();
            return byName.map(d -> new Selection(d, "chosen by name '" + p + "'"))
                    .orElseThrow(() -> new VulkanException("no usable Vulkan device whose name contains '" + p
                            + "'; devices: " + usable));
        }
        DeviceInfo best = usable.stream().min(Comparator.comparing(DeviceInfo::type)
                .thenComparing(Comparator.comparingLong(DeviceInfo::deviceLocalBytes).reversed())
                .thenComparingInt(DeviceInfo::index)).orElseThrow();
        String reason = usable.size() == 1 ? "the only device that can compute"
                : "preferred type " + best.type() + " among " + usable.size() + " devices";
        return new Selection(best, reason);
    }
}
