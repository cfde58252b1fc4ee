package io.photonfarm.scene.io;

import io.photonfarm.scene.Texture;
import io.photonfarm.scene.io.MtlMaterial.TextureRef;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.HashMap;
import java.util.List;
import java.util.Map;

/**
 * The textures of a scene being loaded. A file that several materials use is read and decoded
 * once (keyed by its resolved path) and appears once in {@link #textures()}.
 */
final class TextureTable {
    /** Key of a combined metallic-roughness texture; either path may be null. */
    private record Pair(Path roughness, Path metallic) {
    }

    private final List<Texture> textures = new ArrayList<>();
    private final Map<Path, Texture> decoded = new HashMap<>();
    private final Map<Path, Integer> indexOf = new HashMap<>();
    private final Map<Pair, Integer> combinedIndexOf = new HashMap<>();

    /** Reads and decodes a map (once per file), without adding it to the scene. */
    Texture decode(TextureRef ref, String material) throws SceneFormatException {
        Path path = resolve(ref, material);
        Texture t = decoded.get(path);
        if (t == null) {
            byte[] bytes = ref.refs().read(ref.reference(), ref.what(material));
            try {
                t = TextureDecoder.decode(ref.reference(), bytes);
            } catch (IllegalArgumentException e) {
                throw new SceneFormatException(ref.refs().scene(), ref.what(material) + ": " + e.getMessage(), e);
            }
            decoded.put(path, t);
        }
        return t;
    }

    /** Index of the map's texture in {@link #textures()}, adding it on first use. */
    int add(TextureRef ref, String material) throws SceneFormatException {
        Path path = resolve(ref, material);
        Integer known = indexOf.get(path);
        if (known != null) {
            return known;
        }
        textures.add(decode(ref, material));
        indexOf.put(path, textures.size() - 1);
        return textures.size() - 1;
    }

    /**
     * Index of a glTF metallic-roughness texture (roughness in G, metallic in B) built from a
     * greyscale roughness map and a greyscale metallic map, each read from its R channel. Either
     * may be null; its channel is then 255 so that the material's factor alone applies. When both
     * are given they must have the same size (the caller checks).
     */
    int addMetallicRoughness(TextureRef roughness, TextureRef metallic, String material)
            throws SceneFormatException {
        Pair key = new Pair(roughness == null ? null : resolve(roughness, material),
                metallic == null ? null : resolve(metallic, material));
        Integer known = combinedIndexOf.get(key);
        if (known != null) {
            return known;
        }
        Texture r = roughness == null ? null : decode(roughness, material);
        Texture m = metallic == null ? null : decode(metallic, material);
        Texture shape = r != null ? r : m;
        if (r != null && m != null && (r.width() != m.width() || r.height() != m.height())) {
            throw new IllegalStateException("metallic and roughness maps differ in size");
        }
        byte[] rgba = new byte[shape.rgba().length];
        for (int i = 0; i < rgba.length; i += 4) {
            rgba[i] = (byte) 255;
            rgba[i + 1] = r == null ? (byte) 255 : r.rgba()[i];
            rgba[i + 2] = m == null ? (byte) 255 : m.rgba()[i];
            rgba[i + 3] = (byte) 255;
        }
        String name = "metallicRoughness(" + (r == null ? "-" : r.name()) + ", " + (m == null ? "-" : m.name()) + ")";
        textures.add(new Texture(name, shape.width(), shape.height(), rgba));
        combinedIndexOf.put(key, textures.size() - 1);
        return textures.size() - 1;
    }

    List<Texture> textures() {
        return List.copyOf(textures);
    }

    private static Path resolve(TextureRef ref, String material) throws SceneFormatException {
        return ref.refs().resolve(ref.reference(), ref.what(material));
    }
}
