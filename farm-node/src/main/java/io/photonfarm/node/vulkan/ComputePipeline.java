package io.photonfarm.node.vulkan;

import static io.photonfarm.node.vulkan.Vk.check;
import static org.lwjgl.system.MemoryStack.stackPush;
import static org.lwjgl.vulkan.VK10.*;

import java.nio.ByteBuffer;
import java.nio.LongBuffer;
import java.util.List;
import org.lwjgl.system.MemoryStack;
import org.lwjgl.vulkan.VkCommandBuffer;
import org.lwjgl.vulkan.VkComputePipelineCreateInfo;
import org.lwjgl.vulkan.VkDescriptorBufferInfo;
import org.lwjgl.vulkan.VkDescriptorPoolCreateInfo;
import org.lwjgl.vulkan.VkDescriptorPoolSize;
import org.lwjgl.vulkan.VkDescriptorSetAllocateInfo;
import org.lwjgl.vulkan.VkDescriptorSetLayoutBinding;
import org.lwjgl.vulkan.VkDescriptorSetLayoutCreateInfo;
import org.lwjgl.vulkan.VkPipelineLayoutCreateInfo;
import org.lwjgl.vulkan.VkPipelineShaderStageCreateInfo;
import org.lwjgl.vulkan.VkShaderModuleCreateInfo;
import org.lwjgl.vulkan.VK11;
import org.lwjgl.vulkan.VkWriteDescriptorSet;

/**
 * Owns a compute pipeline with one descriptor set of storage buffers (bindings 0..n-1), and the
 * descriptor pool and set. No uniform blocks and no push constants: lavapipe specialises shaders on
 * their values and recompiles per dispatch (see include/bindings.glsl). Per-dispatch parameters are
 * read from a storage buffer at gl_WorkGroupID.z, chosen with {@link #dispatch}'s base group.
 */
public final class ComputePipeline implements AutoCloseable {
    private final VulkanDevice device;
    private final long shaderModule;
    private final long setLayout;
    private final long pipelineLayout;
    private final long pipeline;
    private final long descriptorPool;
    private final long descriptorSet;
    private final int storageBindings;

    /**
     * @param spirv            compiled compute shader
     * @param storageBindings  number of storage-buffer bindings (0..n-1)
     */
    public ComputePipeline(VulkanDevice device, ByteBuffer spirv, int storageBindings, String name) {
        this.device = device;
        this.storageBindings = storageBindings;
        try (MemoryStack stack = stackPush()) {
            long[] out = new long[1];
            VkShaderModuleCreateInfo smci = VkShaderModuleCreateInfo.calloc(stack).sType$Default().pCode(spirv);
            check(vkCreateShaderModule(device.handle(), smci, null, out), "vkCreateShaderModule(" + name + ")");
            shaderModule = out[0];

            VkDescriptorSetLayoutBinding.Buffer bindings = VkDescriptorSetLayoutBinding.calloc(storageBindings, stack);
            for (int i = 0; i < storageBindings; i++) {
                bindings.get(i).binding(i).descriptorType(VK_DESCRIPTOR_TYPE_STORAGE_BUFFER).descriptorCount(1)
                        .stageFlags(VK_SHADER_STAGE_COMPUTE_BIT);
            }
            VkDescriptorSetLayoutCreateInfo dslci = VkDescriptorSetLayoutCreateInfo.calloc(stack).sType$Default().pBindings(bindings);
            check(vkCreateDescriptorSetLayout(device.handle(), dslci, null, out), "vkCreateDescriptorSetLayout(" + name + ")");
            setLayout = out[0];

            VkPipelineLayoutCreateInfo plci = VkPipelineLayoutCreateInfo.calloc(stack).sType$Default()
                    .pSetLayouts(stack.longs(setLayout));
            check(vkCreatePipelineLayout(device.handle(), plci, null, out), "vkCreatePipelineLayout(" + name + ")");
            pipelineLayout = out[0];

            VkPipelineShaderStageCreateInfo stage = VkPipelineShaderStageCreateInfo.calloc(stack).sType$Default()
                    .stage(VK_SHADER_STAGE_COMPUTE_BIT).module(shaderModule).pName(stack.UTF8("main"));
            VkComputePipelineCreateInfo.Buffer cpci = VkComputePipelineCreateInfo.calloc(1, stack);
            cpci.get(0).sType$Default().flags(VK11.VK_PIPELINE_CREATE_DISPATCH_BASE).stage(stage).layout(pipelineLayout);
            LongBuffer pipe = stack.mallocLong(1);
            check(vkCreateComputePipelines(device.handle(), VK_NULL_HANDLE, cpci, null, pipe), "vkCreateComputePipelines(" + name + ")");
            pipeline = pipe.get(0);

            VkDescriptorPoolSize.Buffer sizes = VkDescriptorPoolSize.calloc(1, stack);
            sizes.get(0).type(VK_DESCRIPTOR_TYPE_STORAGE_BUFFER).descriptorCount(storageBindings);
            VkDescriptorPoolCreateInfo dpci = VkDescriptorPoolCreateInfo.calloc(stack).sType$Default().maxSets(1).pPoolSizes(sizes);
            check(vkCreateDescriptorPool(device.handle(), dpci, null, out), "vkCreateDescriptorPool(" + name + ")");
            descriptorPool = out[0];
            VkDescriptorSetAllocateInfo dsai = VkDescriptorSetAllocateInfo.calloc(stack).sType$Default()
                    .descriptorPool(descriptorPool).pSetLayouts(stack.longs(setLayout));
            check(vkAllocateDescriptorSets(device.handle(), dsai, out), "vkAllocateDescriptorSets(" + name + ")");
            descriptorSet = out[0];
        }
    }

    /**
     * Points the descriptor set at buffers: {@code storage.get(i)} at binding i. Must not be called
     * while a dispatch using the set is in flight.
     */
    public void bind(List<GpuBuffer> storage) {
        if (storage.size() != storageBindings) {
            throw new IllegalArgumentException("expected " + storageBindings + " storage buffers, got " + storage.size());
        }
        try (MemoryStack stack = stackPush()) {
            VkWriteDescriptorSet.Buffer writes = VkWriteDescriptorSet.calloc(storageBindings, stack);
            for (int i = 0; i < storageBindings; i++) {
                VkDescriptorBufferInfo.Buffer info = VkDescriptorBufferInfo.calloc(1, stack);
                info.get(0).buffer(storage.get(i).handle()).offset(0).range(VK_WHOLE_SIZE);
                writes.get(i).sType$Default().dstSet(descriptorSet).dstBinding(i).descriptorCount(1)
                        .descriptorType(VK_DESCRIPTOR_TYPE_STORAGE_BUFFER).pBufferInfo(info);
            }
            vkUpdateDescriptorSets(device.handle(), writes, null);
        }
    }

    /** Records binding of the pipeline and its set. */
    public void record(VkCommandBuffer cmd) {
        vkCmdBindPipeline(cmd, VK_PIPELINE_BIND_POINT_COMPUTE, pipeline);
        try (MemoryStack stack = stackPush()) {
            vkCmdBindDescriptorSets(cmd, VK_PIPELINE_BIND_POINT_COMPUTE, pipelineLayout, 0, stack.longs(descriptorSet), null);
        }
    }

    /** Records a dispatch of groupsX x groupsY x 1 workgroups whose gl_WorkGroupID.z is {@code baseZ}. */
    public static void dispatch(VkCommandBuffer cmd, int baseZ, int groupsX, int groupsY) {
        VK11.vkCmdDispatchBase(cmd, 0, 0, baseZ, groupsX, groupsY, 1);
    }

    @Override
    public void close() {
        vkDestroyDescriptorPool(device.handle(), descriptorPool, null);
        vkDestroyPipeline(device.handle(), pipeline, null);
        vkDestroyPipelineLayout(device.handle(), pipelineLayout, null);
        vkDestroyDescriptorSetLayout(device.handle(), setLayout, null);
        vkDestroyShaderModule(device.handle(), shaderModule, null);
    }
}
