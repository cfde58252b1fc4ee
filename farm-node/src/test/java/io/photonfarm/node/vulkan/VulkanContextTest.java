package io.photonfarm.node.vulkan;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.util.List;
import org.junit.jupiter.api.Test;

class VulkanContextTest {

    @Test
    void aDeviceIsFoundAndChosenWithAReason() {
        try (VulkanContext ctx = VulkanContext.create(null, false)) {
            assertTrue(ctx.device().info().canCompute());
            assertFalse(ctx.selection().reason().isBlank());
            assertTrue(ctx.device().maxStorageBufferRange() >= 1 << 27);
        }
    }

    @Test
    void selectionPrefersDiscreteOverIntegratedOverCpu() {
        DeviceInfo cpu = new DeviceInfo(0, "llvmpipe", DeviceType.CPU, "1.3", "mesa", 0, 0, 0, 1L << 31);
        DeviceInfo igpu = new DeviceInfo(1, "Intel", DeviceType.INTEGRATED_GPU, "1.3", "mesa", 0, 0, 0, 1L << 30);
        DeviceInfo dgpu = new DeviceInfo(2, "NVIDIA H100", DeviceType.DISCRETE_GPU, "1.3", "nvidia", 0, 0, 0, 80L << 30);
        DeviceInfo noCompute = new DeviceInfo(3, "Display only", DeviceType.DISCRETE_GPU, "1.3", "x", 0, 0, -1, 99L << 30);
        assertEquals(dgpu, DeviceSelector.select(List.of(cpu, igpu, dgpu, noCompute), null).device());
        assertEquals(igpu, DeviceSelector.select(List.of(cpu, igpu), null).device());
        assertEquals(cpu, DeviceSelector.select(List.of(cpu, igpu, dgpu), "llvm").device());
        assertEquals(igpu, DeviceSelector.select(List.of(cpu, igpu, dgpu), "1").device());
        VulkanException e = assertThrows(VulkanException.class, () -> DeviceSelector.select(List.of(cpu), "radeon"));
        assertTrue(e.getMessage().contains("radeon"));
        assertThrows(VulkanException.class, () -> DeviceSelector.select(List.of(noCompute), null));
    }

    @Test
    void validationLayerCanBeTurnedOnAndReportsNothingForACleanLifecycle() {
        try (VulkanContext ctx = VulkanContext.create(null, true)) {
            ctx.device().waitIdle();
            List<String> messages = ctx.instance().validationMessages();
            assertTrue(messages.stream().noneMatch(m -> m.startsWith("error")), messages.toString());
        }
    }
}
