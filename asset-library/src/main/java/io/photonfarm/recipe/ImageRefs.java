package io.photonfarm.recipe;

import java.util.LinkedHashMap;
import java.util.Map;

/** The image references a recipe's textures name, each under its JSON path, for servers that check them against their assets. */
public final class ImageRefs {
    private ImageRefs() {
    }

    /**
     * Every image reference of {@code recipe} (object pools' and the support's materials), keyed by its
     * path ({@code objects[1].material.texture.images[0]}), in recipe order.
     */
    public static Map<String, String> of(Recipe recipe) {
        Map<String, String> out = new LinkedHashMap<>();
        if (recipe.objects() != null) {
            for (int i = 0; i < recipe.objects().size(); i++) {
                ObjectPool p = recipe.objects().get(i);
                add(out, "objects[" + i + "].material", p == null ? null : p.material());
            }
        }
        if (recipe.support() != null) {
            add(out, "support.material", recipe.support().material());
        }
        return out;
    }

    private static void add(Map<String, String> out, String at, MaterialSpec m) {
        if (m == null || m.texture() == null) {
            return;
        }
        for (int j = 0; j < m.texture().imagesOrEmpty().size(); j++) {
            out.put(at + ".texture.images[" + j + "]", m.texture().imagesOrEmpty().get(j));
        }
    }
}
