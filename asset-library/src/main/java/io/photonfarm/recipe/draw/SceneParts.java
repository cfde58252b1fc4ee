package io.photonfarm.recipe.draw;

import io.photonfarm.scene.CameraSpec;
import io.photonfarm.scene.Environment;
import io.photonfarm.scene.Instance;
import io.photonfarm.scene.Material;
import io.photonfarm.scene.Mesh;
import io.photonfarm.scene.Scene;
import io.photonfarm.scene.Texture;
import java.util.ArrayList;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import org.joml.Matrix4fc;

/** Collects a frame's meshes, materials, textures and instances in order, then makes the {@link Scene}. */
final class SceneParts {
    private final List<Mesh> meshes = new ArrayList<>();
    private final List<Material> materials = new ArrayList<>();
    private final List<Texture> textures = new ArrayList<>();
    private final List<Instance> instances = new ArrayList<>();
    /** The scene texture of each image added, so objects showing the same image share one texture. */
    private final Map<DrawnFrame.TextureImage, Integer> imageTextures = new HashMap<>();
    /** Materials whose image is tiled: material index to repeats, applied to the UVs of meshes using them. */
    private final Map<Integer, Integer> tiled = new HashMap<>();

    /** Adds a drawn look as a material (and its texture when it has one); returns the material index. */
    int material(DrawnLook look, String name) {
        int textureIndex = Material.NO_TEXTURE;
        if (look.image() != null) {
            textureIndex = imageTextures.computeIfAbsent(look.image().source(), k -> {
                textures.add(look.image().texture());
                return textures.size() - 1;
            });
        } else if (look.texture() != null) {
            textureIndex = textures.size();
            textures.add(look.bake(name));
        }
        materials.add(look.material(name, textureIndex));
        if (look.image() != null && look.image().repeats() != 1) {
            tiled.put(materials.size() - 1, look.image().repeats());
        }
        return materials.size() - 1;
    }

    int material(Material m) {
        materials.add(m);
        return materials.size() - 1;
    }

    /**
     * Adds {@code mesh} with its triangle material slots mapped to scene materials ({@code slotMaterials[slot]})
     * and one instance of it; returns the instance index. The mesh's arrays are shared, not copied,
     * except its texture coordinates when its first slot's image is tiled (they are scaled then).
     */
    int instance(Mesh mesh, int[] slotMaterials, Matrix4fc objectToWorld, String name, String category) {
        return instance(mesh, slotMaterials, objectToWorld, name, category, null);
    }

    /** As above, for an instance moving with {@code velocity} (d objectToWorld per frame interval; null: still). */
    int instance(Mesh mesh, int[] slotMaterials, Matrix4fc objectToWorld, String name, String category, Matrix4fc velocity) {
        int[] slots = mesh.triangleMaterials();
        int[] mapped = new int[slots.length];
        for (int t = 0; t < slots.length; t++) {
            mapped[t] = slotMaterials[slots[t]];
        }
        float[] uvs = mesh.uvs();
        Integer repeats = slotMaterials.length == 0 ? null : tiled.get(slotMaterials[0]);
        if (repeats != null && uvs != null) {
            // Tiling by scaling the UVs (textures wrap) keeps one texture per image, whatever the repeats.
            uvs = uvs.clone();
            for (int i = 0; i < uvs.length; i++) {
                uvs[i] *= repeats;
            }
        }
        meshes.add(new Mesh(mesh.name(), mesh.positions(), mesh.normals(), uvs, mesh.tangents(), mesh.indices(),
                mapped, mesh.landmarks(), mesh.symmetries()));
        instances.add(new Instance(meshes.size() - 1, objectToWorld, name, category, velocity));
        return instances.size() - 1;
    }

    int instanceCount() {
        return instances.size();
    }

    Scene scene(CameraSpec camera, Environment environment) {
        return new Scene(meshes, materials, textures, instances, Optional.of(camera), environment);
    }
}
