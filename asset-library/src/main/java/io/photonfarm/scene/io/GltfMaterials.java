package io.photonfarm.scene.io;

import com.fasterxml.jackson.databind.JsonNode;
import io.photonfarm.scene.Material;
import io.photonfarm.scene.Rgb;
import io.photonfarm.scene.Texture;
import java.util.ArrayList;
import java.util.HashMap;
import java.util.List;
import java.util.Map;

/**
 * glTF materials (metallic-roughness core plus KHR_materials_emissive_strength, _ior,
 * _transmission and _specular) and the textures they use. Each glTF image is decoded at most once,
 * however many textures and materials share it, and only if some material uses it; the scene's
 * texture list holds the decoded images in order of first use.
 *
 * <p>Not represented, hence ignored: occlusion textures, alphaMode/alphaCutoff, samplers (the
 * tracer always wraps), texCoord other than 0 (TEXCOORD_0 is used), KHR_texture_transform, the
 * extensions' textures (transmissionTexture, specularTexture, ...) and specularColorFactor.
 */
final class GltfMaterials {
    /** Most texels over all decoded textures (256 Mi texels = 1 GiB as RGBA). */
    static final long MAX_TOTAL_TEXELS = 256L << 20;
    /** Largest index of refraction a {@link Material} holds; also stands for glTF's "ior 0" (infinite). */
    static final float MAX_IOR = 5f;

    private static final float[] WHITE = {1f, 1f, 1f, 1f};
    private static final float[] BLACK = {0f, 0f, 0f};

    private final GltfJson json;
    private final GltfBuffers buffers;
    private final List<Texture> textures = new ArrayList<>();
    private final Map<Integer, Integer> textureOfImage = new HashMap<>();
    private long texels;

    GltfMaterials(GltfJson json, GltfBuffers buffers) {
        this.json = json;
        this.buffers = buffers;
    }

    /** Every glTF material, in document order. */
    List<Material> loadAll() throws SceneFormatException {
        int n = json.count("materials");
        List<Material> out = new ArrayList<>(n);
        for (int i = 0; i < n; i++) {
            out.add(load(i));
        }
        return out;
    }

    /** The decoded textures the materials loaded so far refer to. */
    List<Texture> textures() {
        return textures;
    }

    private Material load(int index) throws SceneFormatException {
        String path = "materials[" + index + "]";
        JsonNode m = json.element("materials", index, path);
        String name = json.string(m, "name", path);
        JsonNode pbr = json.object(m, "pbrMetallicRoughness", path);
        String pp = path + ".pbrMetallicRoughness";
        float[] base = WHITE.clone();
        float metallic = 1f;
        float roughness = 1f;
        int baseTexture = Material.NO_TEXTURE;
        int mrTexture = Material.NO_TEXTURE;
        if (pbr != null) {
            base = json.numbers(pbr, "baseColorFactor", pp, 4, 0f, 1f, WHITE);
            metallic = json.number(pbr, "metallicFactor", pp, 0f, 1f, 1f);
            roughness = json.number(pbr, "roughnessFactor", pp, 0f, 1f, 1f);
            baseTexture = texture(pbr, "baseColorTexture", pp);
            mrTexture = texture(pbr, "metallicRoughnessTexture", pp);
        }
        int normalTexture = texture(m, "normalTexture", path);
        JsonNode normalInfo = json.object(m, "normalTexture", path);
        float normalScale = normalInfo == null ? 1f
                : json.number(normalInfo, "scale", path + ".normalTexture", -Float.MAX_VALUE, Float.MAX_VALUE, 1f);
        float[] emissive = json.numbers(m, "emissiveFactor", path, 3, 0f, 1f, BLACK);
        int emissiveTexture = texture(m, "emissiveTexture", path);
        boolean doubleSided = json.bool(m, "doubleSided", path, false);

        float strength = 1f;
        float ior = 1.5f;
        float transmission = 0f;
        float specular = 1f;
        JsonNode ext = json.object(m, "extensions", path);
        String ep = path + ".extensions";
        if (ext != null) {
            JsonNode es = json.object(ext, "KHR_materials_emissive_strength", ep);
            if (es != null) {
                strength = json.number(es, "emissiveStrength", ep + ".KHR_materials_emissive_strength", 0f,
                        Float.MAX_VALUE, 1f);
            }
            JsonNode io = json.object(ext, "KHR_materials_ior", ep);
            if (io != null) {
                ior = ior(json.number(io, "ior", ep + ".KHR_materials_ior", 0f, Float.MAX_VALUE, 1.5f),
                        ep + ".KHR_materials_ior.ior");
            }
            JsonNode tr = json.object(ext, "KHR_materials_transmission", ep);
            if (tr != null) {
                transmission = json.number(tr, "transmissionFactor", ep + ".KHR_materials_transmission", 0f, 1f, 0f);
            }
            JsonNode sp = json.object(ext, "KHR_materials_specular", ep);
            if (sp != null) {
                specular = json.number(sp, "specularFactor", ep + ".KHR_materials_specular", 0f, 1f, 1f);
            }
        }
        try {
            Rgb emission = new Rgb(emissive[0] * strength, emissive[1] * strength, emissive[2] * strength);
            return new Material(name != null ? name : path, new Rgb(base[0], base[1], base[2]), base[3], metallic,
                    roughness, ior, specular, transmission, emission, baseTexture, mrTexture, normalTexture,
                    emissiveTexture, normalScale, doubleSided);
        } catch (IllegalArgumentException e) {
            throw json.error(path, e.getMessage(), e);
        }
    }

    /**
     * KHR_materials_ior: valid values are 0 or >= 1. 0 selects the specification's
     * specular-glossiness compatibility mode, an infinite IOR (Fresnel term 1 at every angle); the
     * nearest a {@link Material} can hold is {@link #MAX_IOR}. Values above it are clamped to it.
     */
    private float ior(float value, String path) throws SceneFormatException {
        if (value == 0f) {
            return MAX_IOR;
        }
        if (value < 1f) {
            throw json.error(path, "must be 0 or >= 1, was " + value);
        }
        return Math.min(value, MAX_IOR);
    }

    /** The scene texture of a textureInfo member, or {@link Material#NO_TEXTURE} when absent. */
    private int texture(JsonNode parent, String field, String path) throws SceneFormatException {
        JsonNode info = json.object(parent, field, path);
        if (info == null) {
            return Material.NO_TEXTURE;
        }
        String ip = path + "." + field;
        int index = (int) json.requiredInteger(info, "index", ip, 0, Integer.MAX_VALUE);
        JsonNode texture = json.element("textures", index, ip + ".index");
        String tp = "textures[" + index + "]";
        int source = json.index(texture, "source", tp);
        if (source < 0) {
            // The image comes from an extension (KHR_texture_basisu, EXT_texture_webp, ...) that has no
            // fallback; such extensions are refused when required, so here the texture is simply absent.
            return Material.NO_TEXTURE;
        }
        return image(source, tp + ".source");
    }

    private int image(int index, String user) throws SceneFormatException {
        JsonNode img = json.element("images", index, user);
        Integer known = textureOfImage.get(index);
        if (known != null) {
            return known;
        }
        String path = "images[" + index + "]";
        String uri = json.string(img, "uri", path);
        int view = json.index(img, "bufferView", path);
        byte[] bytes;
        if (uri != null && view >= 0) {
            throw json.error(path, "has both a uri and a bufferView");
        } else if (uri != null) {
            bytes = buffers.readUri(uri, path, false);
        } else if (view >= 0) {
            bytes = buffers.viewBytes(view, path);
        } else {
            throw json.error(path, "needs a uri or a bufferView");
        }
        String name = json.string(img, "name", path);
        if (name == null) {
            name = uri != null && !uri.regionMatches(true, 0, "data:", 0, 5) ? uri : path;
        }
        Texture texture;
        try {
            texture = TextureDecoder.decode(name, bytes);
        } catch (IllegalArgumentException e) {
            throw json.error(path, e.getMessage(), e);
        }
        texels += (long) texture.width() * texture.height();
        if (texels > MAX_TOTAL_TEXELS) {
            throw json.error(path, "the scene's textures exceed the limit of " + MAX_TOTAL_TEXELS + " texels in all");
        }
        textures.add(texture);
        textureOfImage.put(index, textures.size() - 1);
        return textures.size() - 1;
    }
}
