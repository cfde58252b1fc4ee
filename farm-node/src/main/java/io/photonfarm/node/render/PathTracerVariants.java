package io.photonfarm.node.render;

import io.photonfarm.node.vulkan.ComputePipeline;
import io.photonfarm.node.vulkan.GpuBuffer;
import io.photonfarm.node.vulkan.ShaderCompiler;
import io.photonfarm.node.vulkan.VulkanDevice;
import io.photonfarm.scene.gpu.SceneFeature;
import io.photonfarm.shaders.Bindings;
import io.photonfarm.shaders.ShaderLibrary;
import java.nio.ByteBuffer;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import java.util.Set;
import java.util.stream.Collectors;

/**
 * The path tracer's pipelines, one per set of scene features, each compiled on first use and kept:
 * a variant leaves out the code of features its scenes do not use (see {@link SceneFeature}). Owns
 * the pipelines. Not thread-safe, like the backend that owns it.
 */
final class PathTracerVariants implements AutoCloseable {
    private final VulkanDevice device;
    private final ShaderCompiler compiler = new ShaderCompiler(ShaderLibrary::source);
    private final Map<Set<SceneFeature>, Variant> variants = new HashMap<>();

    private static final class Variant {
        final ComputePipeline pipeline;
        List<GpuBuffer> bound = List.of();

        Variant(ComputePipeline pipeline) {
            this.pipeline = pipeline;
        }
    }

    PathTracerVariants(VulkanDevice device) {
        this.device = device;
    }

    /**
     * The pipeline for {@code features}, its descriptor set pointing at {@code storage} (binding order).
     * Must not be called while a dispatch of that pipeline is in flight.
     */
    ComputePipeline bind(Set<SceneFeature> features, List<GpuBuffer> storage) {
        Variant v = variants.get(features);
        if (v == null) {
            Set<String> names = features.stream().map(Enum::name).collect(Collectors.toSet());
            ByteBuffer spirv = compiler.compileCompute(ShaderLibrary.PATH_TRACER, ShaderLibrary.defines(names));
            v = new Variant(new ComputePipeline(device, spirv, Bindings.BINDING_COUNT, "pathtrace " + names));
            variants.put(Set.copyOf(features), v);
        }
        if (!storage.equals(v.bound)) {
            v.pipeline.bind(storage);
            v.bound = List.copyOf(storage);
        }
        return v.pipeline;
    }

    /** Variants compiled so far. */
    int size() {
        return variants.size();
    }

    @Override
    public void close() {
        variants.values().forEach(v -> v.pipeline.close());
        variants.clear();
    }
}
