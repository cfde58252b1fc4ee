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
import org.lwjgl.vulkan.VkPushConstantRange;
import org.lwjgl.vulkan.VkShaderModuleCreateInfo;
import org.lwjgl.vulkan.VkWriteDescriptorSet;

/**
 * Owns a compute pipeline with one descriptor set: binding 0 is a uniform buffer, bindings
 * 1..n are storage buffers, plus a push-constant block. Also owns the descriptor pool and the set.
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
     * @param storageBindings  number of storage-buffer bindings (1..n)
     * @param pushConstantBytes size of the push-constant block
     */
    public ComputePipeline(VulkanDevice device, ByteBuffer spirv, int storageBindings, int pushConstantBytes, String name) {
        this.device = device;
        this.storageBindings = storageBindings;
        try (MemoryStack stack = stackPush()) {
            long[] out = new long[1];
            VkShaderModuleCreateInfo smci = VkShaderModuleCreateInfo.calloc(stack).sType$Default().pCode(spirv);
            check(vkCreateShaderModule(device.handle(), smci, null, out), "vkCreateShaderModule(" + name + ")");
            shaderModule = out[0];

            VkDescriptorSetLayoutBinding.Buffer bindings = VkDescriptorSetLayoutBinding.calloc(storageBindings + 1, stack);
            bindings.get(0).binding(0).descriptorType(VK_DESCRIPTOR_TYPE_UNIFORM_BUFFER).descriptorCount(1)
                    .stageFlags(VK_SHADER_STAGE_COMPUTE_BIT);
            for (int i = 1; i <= storageBindings; i++) {
                bindings.get(i).binding(i).descriptorType(VK_DESCRIPTOR_TYPE_STORAGE_BUFFER).descriptorCount(1)
                        .stageFlags(VK_SHADER_STAGE_COMPUTE_BIT);
            }
            VkDescriptorSetLayoutCreateInfo dslci = VkDescriptorSetLayoutCreateInfo.calloc(stack).sType$Default().pBindings(bindings);
            check(vkCreateDescriptorSetLayout(device.handle(), dslci, null, out), "vkCreateDescriptorSetLayout(" + name + ")");
            setLayout = out[0];

            VkPushConstantRange.Buffer push = VkPushConstantRange.calloc(1, stack);
            push.get(0).stageFlags(VK_SHADER_STAGE_COMPUTE_BIT).offset(0).size(pushConstantBytes);
            VkPipelineLayoutCreateInfo plci = VkPipelineLayoutCreateInfo.calloc(stack).sType$Default()
                    .pSetLayouts(stack.longs(setLayout)).pPushConstantRanges(push);
            check(vkCreatePipelineLayout(device.handle(), plci, null, out), "vkCreatePipelineLayout(" + name + ")");
            pipelineLayout = out[0];

            VkPipelineShaderStageCreateInfo stage = VkPipelineShaderStageCreateInfo.calloc(stack).sType$Default()
                    .stage(VK_SHADER_STAGE_COMPUTE_BIT).module(shaderModule).pName(stack.UTF8("main"));
            VkComputePipelineCreateInfo.Buffer cpci = VkComputePipelineCreateInfo.calloc(1, stack);
            cpci.get(0).sType$Default().stage(stage).layout(pipelineLayout);
            LongBuffer pipe = stack.mallocLong(1);
            check(vkCreateComputePipelines(device.handle(), VK_NULL_HANDLE, cpci, null, pipe), "vkCreateComputePipelines(" + name + ")");
            pipeline = pipe.get(0);

            VkDescriptorPoolSize.Buffer sizes = VkDescriptorPoolSize.calloc(2, stack);
            sizes.get(0).type(VK_DESCRIPTOR_TYPE_UNIFORM_BUFFER).descriptorCount(1);
            sizes.get(1).type(VK_DESCRIPTOR_TYPE_STORAGE_BUFFER).descriptorCount(storageBindings);
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
     * Points the descriptor set at buffers: {@code uniform} at binding 0, {@code storage.get(i)} at
     * binding i + 1. Must not be called while a dispatch using the set is in flight.
     */
    public void bind(GpuBuffer uniform, List<GpuBuffer> storage) {
        if (storage.size() != storageBindings) {
            throw new IllegalArgumentException("expected " + storageBindings + " storage buffers, got " + storage.size());
        }
        try (MemoryStack stack = stackPush()) {
            VkWriteDescriptorSet.Buffer writes = VkWriteDescriptorSet.calloc(storageBindings + 1, stack);
            for (int i = 0; i <= storageBindings; i++) {
                GpuBuffer b = i == 0 ? uniform : storage.get(i - 1);
                VkDescriptorBufferInfo.Buffer info = VkDescriptorBufferInfo.calloc(1, stack);
                info.get(0).buffer(b.handle()).offset(0).range(VK_WHOLE_SIZE);
                writes.get(i).sType$Default().dstSet(descriptorSet).dstBinding(i).descriptorCount(1)
                        .descriptorType(i == 0 ? VK_DESCRIPTOR_TYPE_UNIFORM_BUFFER : VK_DESCRIPTOR_TYPE_STORAGE_BUFFER)
                        .pBufferInfo(info);
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

    /** Records a push-constant update. */
    public void push(VkCommandBuffer cmd, ByteBuffer data) {
        vkCmdPushConstants(cmd, pipelineLayout, VK_SHADER_STAGE_COMPUTE_BIT, 0, data);
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
