package io.photonfarm.node.render;

import io.photonfarm.scene.gpu.SceneFeature;
import java.util.Set;

/**
 * The scalars of an uploaded scene that the shader reads from the frame block
 * (see docs/gpu-scene-layout.md, "Header").
 */
public record SceneConstants(int tlasRoot, int lightCount, float lightTotalWeight, int envWidth, int envHeight,
                             float envIntensity, float envRotationRad, float envTotalWeight, Set<SceneFeature> features) {
    public SceneConstants {
        features = Set.copyOf(features);
    }

    /** The TLAS root of a scene without geometry (every ray misses). */
    public static final int NO_GEOMETRY = -1;
}
