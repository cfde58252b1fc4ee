package io.photonfarm.scene;

/**
 * A principled metallic-roughness material with glTF 2.0 semantics.
 *
 * <p>Texture fields are indices into {@link Scene#textures()}, or {@link #NO_TEXTURE}. As in glTF, the
 * base-colour and emissive textures hold sRGB-encoded values; the metallic-roughness texture holds
 * roughness in G and metallic in B (linear); the normal texture is a tangent-space normal map (linear).
 *
 * @param baseColor     linear base colour (albedo for dielectrics, F0 for metals), multiplied by the texture
 * @param alpha         base-colour alpha (coverage); only stored, the tracer treats surfaces as opaque
 * @param metallic      0..1, multiplied by the texture's B channel
 * @param roughness     perceptual roughness 0..1 (GGX alpha = roughness^2), multiplied by the texture's G channel
 * @param ior           index of refraction of the dielectric part (glTF KHR_materials_ior, default 1.5)
 * @param specular      0..1 scale of the dielectric specular reflection (KHR_materials_specular, default 1)
 * @param transmission  0..1 fraction of the dielectric base that is transmitted (glass)
 * @param emission      linear emitted radiance in W/(sr m^2)-like units, already multiplied by
 *                      KHR_materials_emissive_strength; multiplied by the emissive texture
 * @param normalScale   glTF normalTexture.scale
 * @param doubleSided   whether back faces are shaded as front faces and emit light
 */
public record Material(
        String name,
        Rgb baseColor,
        float alpha,
        float metallic,
        float roughness,
        float ior,
        float specular,
        float transmission,
        Rgb emission,
        int baseColorTexture,
        int metallicRoughnessTexture,
        int normalTexture,
        int emissiveTexture,
        float normalScale,
        boolean doubleSided) {

    public static final int NO_TEXTURE = -1;

    public Material {
        name = name == null ? "" : name;
        requireUnit("metallic", metallic);
        requireUnit("roughness", roughness);
        requireUnit("specular", specular);
        requireUnit("transmission", transmission);
        requireUnit("alpha", alpha);
        if (!(ior >= 1.0f && ior <= 5.0f)) {
            throw new IllegalArgumentException("material '" + name + "': ior must be in [1, 5], was " + ior);
        }
        if (!Float.isFinite(normalScale)) {
            throw new IllegalArgumentException("material '" + name + "': normalScale must be finite");
        }
    }

    private void requireUnit(String field, float v) {
        if (!(v >= 0f && v <= 1f)) {
            throw new IllegalArgumentException("material '" + name + "': " + field + " must be in [0, 1], was " + v);
        }
    }

    /** A plain diffuse (Lambertian-like, roughness 1, non-metal) material. */
    public static Material diffuse(String name, Rgb color) {
        return new Material(name, color, 1f, 0f, 1f, 1.5f, 0f, 0f, Rgb.BLACK,
                NO_TEXTURE, NO_TEXTURE, NO_TEXTURE, NO_TEXTURE, 1f, true);
    }

    /** A diffuse surface that also emits {@code emission}. */
    public static Material emitter(String name, Rgb reflectance, Rgb emission) {
        return new Material(name, reflectance, 1f, 0f, 1f, 1.5f, 0f, 0f, emission,
                NO_TEXTURE, NO_TEXTURE, NO_TEXTURE, NO_TEXTURE, 1f, false);
    }

    /** glTF's default material: white, fully metallic, roughness 1. */
    public static Material gltfDefault() {
        return new Material("default", Rgb.WHITE, 1f, 1f, 1f, 1.5f, 1f, 0f, Rgb.BLACK,
                NO_TEXTURE, NO_TEXTURE, NO_TEXTURE, NO_TEXTURE, 1f, false);
    }

    public boolean isEmissive() {
        return !emission.isBlack();
    }
}
