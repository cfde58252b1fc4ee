package io.photonfarm.node.render;

import io.photonfarm.node.vulkan.VulkanContext;
import io.photonfarm.scene.Scene;

/** One Vulkan device and backend for a test class; closes both. */
final class RenderFixture implements AutoCloseable {
    final VulkanContext context;
    final VulkanBackend backend;

    RenderFixture(int samplesPerDispatch) {
        context = VulkanContext.create(null, false);
        try {
            backend = new VulkanBackend(context, samplesPerDispatch);
        } catch (RuntimeException e) {
            context.close();
            throw e;
        }
    }

    RenderFixture() {
        this(0);
    }

    GpuScene load(Scene scene) {
        return SceneUpload.load(backend, scene);
    }

    FrameBuffer render(GpuScene scene, FrameSettings settings, int spp) {
        return new FrameRenderer(backend, 32, Math.min(spp, 16)).render(scene, settings, spp, r -> { });
    }

    @Override
    public void close() {
        backend.close();
        context.close();
    }
}
