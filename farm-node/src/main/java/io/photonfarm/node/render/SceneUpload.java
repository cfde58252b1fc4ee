package io.photonfarm.node.render;

import io.photonfarm.scene.Scene;
import io.photonfarm.scene.gpu.PackedScene;
import io.photonfarm.scene.gpu.SceneHeader;
import io.photonfarm.scene.gpu.ScenePacker;
import java.nio.ByteBuffer;
import java.util.List;

/** Packs scenes (asset-library) into the buffers and constants the backend binds. */
public final class SceneUpload {
    private SceneUpload() {
    }

    /** The packed buffers in {@link GpuScene#BUFFER_NAMES} order. */
    public static List<ByteBuffer> buffers(PackedScene p) {
        return List.of(p.nodes(), p.triangles(), p.shading(), p.instances(), p.materials(), p.texInfos(),
                p.texels(), p.lights(), p.lightAlias(), p.envPixels(), p.envRowAlias(), p.envColAlias());
    }

    public static List<ByteBuffer> buffers(Scene scene) {
        return buffers(ScenePacker.pack(scene));
    }

    public static SceneConstants constants(PackedScene p) {
        SceneHeader h = p.header();
        // No instances: nothing to traverse; the shader treats this root as "every ray misses".
        int root = h.instanceCount() == 0 ? SceneConstants.NO_GEOMETRY : h.tlasRoot();
        return new SceneConstants(root, h.lightCount(), h.lightTotalWeight(), h.envWidth(), h.envHeight(),
                h.envIntensity(), h.envRotationRad(), h.envTotalWeight(), p.features());
    }

    public static GpuScene load(RenderBackend backend, PackedScene p) {
        return backend.load(buffers(p), constants(p));
    }

    public static GpuScene load(RenderBackend backend, Scene scene) {
        return load(backend, ScenePacker.pack(scene));
    }
}
