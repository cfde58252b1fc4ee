package io.photonfarm.recipe.draw;

import io.photonfarm.scene.CameraSpec;
import io.photonfarm.scene.Environment;
import io.photonfarm.scene.Instance;
import io.photonfarm.scene.Material;
import io.photonfarm.scene.Mesh;
import io.photonfarm.scene.Scene;
import io.photonfarm.scene.Texture;
import java.util.ArrayList;
import java.util.List;
import java.util.Optional;
import org.joml.Matrix4fc;

/** Collects a frame's meshes, materials, textures and instances in order, then makes the {@link Scene}. */
final class SceneParts {
    private final List<Mesh> meshes = new ArrayList<>();
    private final List<Material> materials = new ArrayList<>();
    private final List<Texture> textures = new ArrayList<>();
    private final List<Instance> instances = new ArrayList<>();

    /** Adds a drawn look as a material (and its texture when it has one); returns the material index. */
    int material(DrawnLook look, String name) {
        int textureIndex = Material.NO_TEXTURE;
        if (look.texture() != null) {
            textureIndex = textures.size();
            textures.add(look.bake(name));
        }
        materials.add(look.material(name, textureIndex));
        return materials.size() - 1;
    }

    int material(Material m) {
        materials.add(m);
        return materials.size() - 1;
    }

    /**
     * Adds {@code mesh} with its triangle material slots mapped to scene materials ({@code slotMaterials[slot]})
     * and one instance of it; returns the instance index. The mesh's arrays are shared, not copied.
     */
    int instance(Mesh mesh, int[] slotMaterials, Matrix4fc objectToWorld, String name, String category) {
        int[] slots = mesh.triangleMaterials();
        int[] mapped = new int[slots.length];
        for (int t = 0; t < slots.length; t++) {
            mapped[t] = slotMaterials[slots[t]];
        }
        meshes.add(new Mesh(mesh.name(), mesh.positions(), mesh.normals(), mesh.uvs(), mesh.tangents(), mesh.indices(),
                mapped, mesh.landmarks(), mesh.symmetries()));
        instances.add(new Instance(meshes.size() - 1, objectToWorld, name, category));
        return instances.size() - 1;
    }

    int instanceCount() {
        return instances.size();
    }

    Scene scene(CameraSpec camera, Environment environment) {
        return new Scene(meshes, materials, textures, instances, Optional.of(camera), environment);
    }
}
