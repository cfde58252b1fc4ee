package io.photonfarm.scene.io;

import io.photonfarm.scene.Material;
import io.photonfarm.scene.Rgb;
import io.photonfarm.scene.Texture;
import io.photonfarm.scene.io.MtlMaterial.TextureRef;

/**
 * Maps MTL materials to principled {@link Material}s by the rules listed on {@link ObjLoader},
 * decoding their textures through a shared {@link TextureTable}.
 */
final class MtlMaterials {
    static final Rgb DEFAULT_GREY = new Rgb(0.8f, 0.8f, 0.8f);

    private final TextureTable textures;

    MtlMaterials(TextureTable textures) {
        this.textures = textures;
    }

    /** What faces without a (known) material get. */
    static Material defaultMaterial() {
        return Material.diffuse("default", DEFAULT_GREY);
    }

    Material toMaterial(MtlMaterial m) throws SceneFormatException {
        String name = m.name();
        TextureRef roughnessMap = m.mapPr();
        TextureRef metallicMap = m.mapPm();
        if (roughnessMap != null && metallicMap != null) {
            Texture r = textures.decode(roughnessMap, name);
            Texture mt = textures.decode(metallicMap, name);
            if (r.width() != mt.width() || r.height() != mt.height()) {
                metallicMap = null; // one texture holds both; roughness matters more to the look
            }
        }
        boolean pbr = given(m.pr()) || given(m.pm()) || roughnessMap != null || metallicMap != null;

        Rgb base = m.kd() != null ? clamp01(m.kd()) : m.mapKd() != null ? Rgb.WHITE : DEFAULT_GREY;
        float roughness = given(m.pr()) ? clamp01(m.pr())
                : roughnessMap != null ? 1f
                : given(m.ns()) ? clamp01((float) Math.sqrt(2.0 / (Math.max(m.ns(), 0f) + 2.0)))
                : 1f;
        float metallic = given(m.pm()) ? clamp01(m.pm()) : metallicMap != null ? 1f : 0f;
        float ior = !given(m.ni()) || m.ni() <= 0f ? 1.5f : Math.min(Math.max(m.ni(), 1f), 5f);
        float dissolve = clamp01(given(m.d()) ? m.d() : given(m.tr()) ? 1f - m.tr() : 1f);
        boolean glass = m.illum() == 4 || m.illum() == 6 || m.illum() == 7 || m.illum() == 9;
        float transmission = glass ? 1f - dissolve : 0f;
        float alpha = glass ? 1f : dissolve;
        boolean noHighlight = m.illum() == 0 || m.illum() == 1 || m.ks() == null || m.ks().isBlack();
        float specular = pbr || transmission > 0f || !noHighlight ? 1f : 0f;
        Rgb emission = m.ke() != null ? nonNegative(m.ke()) : m.mapKe() != null ? Rgb.WHITE : Rgb.BLACK;

        int baseTex = m.mapKd() == null ? Material.NO_TEXTURE : textures.add(m.mapKd(), name);
        int emissiveTex = m.mapKe() == null ? Material.NO_TEXTURE : textures.add(m.mapKe(), name);
        int mrTex = roughnessMap != null || metallicMap != null
                ? textures.addMetallicRoughness(roughnessMap, metallicMap, name) : Material.NO_TEXTURE;
        TextureRef normalMap = m.normal();
        if (normalMap == null && m.bump() != null && looksLikeNormalMap(textures.decode(m.bump(), name))) {
            normalMap = m.bump();
        }
        int normalTex = normalMap == null ? Material.NO_TEXTURE : textures.add(normalMap, name);
        float normalScale = normalMap == null ? 1f : normalMap.bumpScale();
        // Every value is clamped into its range above, so the constructor can only object to a
        // programming error; ObjLoader turns that into a SceneFormatException all the same.
        return new Material(name, base, alpha, metallic, roughness, ior, specular, transmission, emission,
                baseTex, mrTex, normalTex, emissiveTex, normalScale, true);
    }

    /**
     * Whether an image is a tangent-space normal map rather than a height map: normal maps average
     * about (0.5, 0.5, 1) and are blue, height maps are grey (R = G = B), which this never accepts.
     */
    static boolean looksLikeNormalMap(Texture t) {
        byte[] px = t.rgba();
        long texels = px.length / 4;
        long step = Math.max(1, texels / 65536); // a sample of the texels is enough for an average
        double r = 0;
        double g = 0;
        double b = 0;
        long n = 0;
        for (long i = 0; i < texels; i += step) {
            int o = (int) (4 * i);
            r += px[o] & 0xff;
            g += px[o + 1] & 0xff;
            b += px[o + 2] & 0xff;
            n++;
        }
        r /= 255.0 * n;
        g /= 255.0 * n;
        b /= 255.0 * n;
        return b > 0.75 && r > 0.3 && r < 0.7 && g > 0.3 && g < 0.7;
    }

    private static boolean given(float v) {
        return !Float.isNaN(v);
    }

    private static float clamp01(float v) {
        return Math.min(Math.max(v, 0f), 1f);
    }

    private static Rgb clamp01(Rgb c) {
        return new Rgb(clamp01(c.r()), clamp01(c.g()), clamp01(c.b()));
    }

    private static Rgb nonNegative(Rgb c) {
        return new Rgb(Math.max(c.r(), 0f), Math.max(c.g(), 0f), Math.max(c.b(), 0f));
    }
}
