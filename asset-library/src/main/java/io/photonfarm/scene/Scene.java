package io.photonfarm.scene;

import java.util.List;
import java.util.Optional;
import org.joml.Vector3f;

/**
 * A renderable scene: meshes placed by instances, their materials and textures, an optional
 * camera of the file's own, and the environment. World space: right-handed, y up, metres.
 */
public record Scene(List<Mesh> meshes, List<Material> materials, List<Texture> textures,
                    List<Instance> instances, Optional<CameraSpec> camera, Environment environment) {

    public Scene {
        meshes = List.copyOf(meshes);
        materials = List.copyOf(materials);
        textures = List.copyOf(textures);
        instances = List.copyOf(instances);
        for (Instance in : instances) {
            if (in.mesh() < 0 || in.mesh() >= meshes.size()) {
                throw new IllegalArgumentException("instance refers to mesh " + in.mesh() + " of " + meshes.size());
            }
        }
        for (Mesh m : meshes) {
            for (int mat : m.triangleMaterials()) {
                if (mat < 0 || mat >= materials.size()) {
                    throw new IllegalArgumentException("mesh '" + m.name() + "' refers to material " + mat
                            + " of " + materials.size());
                }
            }
        }
        for (Material mat : materials) {
            for (int t : new int[] {mat.baseColorTexture(), mat.metallicRoughnessTexture(),
                    mat.normalTexture(), mat.emissiveTexture()}) {
                if (t != Material.NO_TEXTURE && (t < 0 || t >= textures.size())) {
                    throw new IllegalArgumentException("material '" + mat.name() + "' refers to texture " + t
                            + " of " + textures.size());
                }
            }
        }
    }

    public Scene withEnvironment(Environment env) {
        return new Scene(meshes, materials, textures, instances, camera, env);
    }

    public Scene withCamera(CameraSpec cam) {
        return new Scene(meshes, materials, textures, instances, Optional.ofNullable(cam), environment);
    }

    /** Total triangles over all instances (what the tracer intersects). */
    public long instancedTriangleCount() {
        long n = 0;
        for (Instance in : instances) {
            n += meshes.get(in.mesh()).triangleCount();
        }
        return n;
    }

    /** World-space bounds over all instances as {minX, minY, minZ, maxX, maxY, maxZ}; empty scene gives a unit box. */
    public float[] worldBounds() {
        float[] b = {Float.POSITIVE_INFINITY, Float.POSITIVE_INFINITY, Float.POSITIVE_INFINITY,
                Float.NEGATIVE_INFINITY, Float.NEGATIVE_INFINITY, Float.NEGATIVE_INFINITY};
        Vector3f p = new Vector3f();
        for (Instance in : instances) {
            float[] mb = meshes.get(in.mesh()).bounds();
            if (mb[0] > mb[3]) {
                continue;
            }
            for (int corner = 0; corner < 8; corner++) {
                p.set((corner & 1) == 0 ? mb[0] : mb[3], (corner & 2) == 0 ? mb[1] : mb[4], (corner & 4) == 0 ? mb[2] : mb[5]);
                in.objectToWorld().transformPosition(p);
                b[0] = Math.min(b[0], p.x);
                b[1] = Math.min(b[1], p.y);
                b[2] = Math.min(b[2], p.z);
                b[3] = Math.max(b[3], p.x);
                b[4] = Math.max(b[4], p.y);
                b[5] = Math.max(b[5], p.z);
            }
        }
        if (b[0] > b[3]) {
            return new float[] {-0.5f, -0.5f, -0.5f, 0.5f, 0.5f, 0.5f};
        }
        return b;
    }
}
