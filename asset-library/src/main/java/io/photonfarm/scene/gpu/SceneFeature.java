package io.photonfarm.scene.gpu;

import io.photonfarm.scene.Material;
import io.photonfarm.scene.Scene;
import java.util.EnumSet;
import java.util.Set;

/**
 * Shading features a scene may use. The renderer compiles one shader variant per set of features
 * and leaves out the code of absent ones: a CPU device (lavapipe) runs both sides of every branch
 * under a lane mask, so code a scene never needs still costs time on every bounce. The set is a
 * pure function of the scene, so every node renders a scene with the same variant.
 */
public enum SceneFeature {
    /** Some material has a base-colour, metallic-roughness or emissive texture. */
    TEXTURES,
    /** Some material has a normal texture. */
    NORMAL_MAPS,
    /** Some material reflects specularly: metallic, dielectric specular or a metallic-roughness texture. */
    GLOSSY,
    /** Some material transmits light (glass). */
    TRANSMISSION,
    /** The scene has emissive triangles to sample. */
    TRIANGLE_LIGHTS,
    /** The environment emits light (a map, or a constant colour that is not black). */
    ENVIRONMENT_LIGHT;

    /** The features {@code scene} uses, given what the packer made of its lights and environment. */
    static Set<SceneFeature> of(Scene scene, int lightCount, float envTotalWeight) {
        EnumSet<SceneFeature> f = EnumSet.noneOf(SceneFeature.class);
        for (Material m : scene.materials()) {
            if (m.baseColorTexture() != Material.NO_TEXTURE || m.metallicRoughnessTexture() != Material.NO_TEXTURE
                    || m.emissiveTexture() != Material.NO_TEXTURE) {
                f.add(TEXTURES);
            }
            if (m.normalTexture() != Material.NO_TEXTURE) {
                f.add(TEXTURES);
                f.add(NORMAL_MAPS);
            }
            if (m.metallic() > 0 || m.specular() > 0 || m.metallicRoughnessTexture() != Material.NO_TEXTURE) {
                f.add(GLOSSY);
            }
            if (m.transmission() > 0) {
                f.add(TRANSMISSION);
            }
        }
        if (lightCount > 0) {
            f.add(TRIANGLE_LIGHTS);
        }
        if (envTotalWeight > 0) {
            f.add(ENVIRONMENT_LIGHT);
        }
        return f;
    }
}
