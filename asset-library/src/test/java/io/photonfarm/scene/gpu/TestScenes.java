package io.photonfarm.scene.gpu;

import io.photonfarm.scene.Environment;
import io.photonfarm.scene.Instance;
import io.photonfarm.scene.Material;
import io.photonfarm.scene.Mesh;
import io.photonfarm.scene.Rgb;
import io.photonfarm.scene.Scene;
import io.photonfarm.scene.builtin.MeshBuilder;
import java.util.ArrayList;
import java.util.List;
import java.util.Optional;
import java.util.SplittableRandom;
import org.joml.Matrix4f;
import org.joml.Vector3f;

/** Small scenes for the packer and traversal tests. */
final class TestScenes {
    private TestScenes() {
    }

    static final List<Material> MATERIALS = List.of(Material.diffuse("grey", new Rgb(0.5f, 0.5f, 0.5f)),
            Material.emitter("lamp", Rgb.WHITE, new Rgb(4f, 3f, 2f)));

    /** n random triangles with corners within {@code size} of a uniform point of [0, extent]^3. */
    static Mesh soup(String name, int n, float extent, float size, long seed) {
        SplittableRandom rnd = new SplittableRandom(seed);
        float[] p = new float[9 * n];
        for (int t = 0; t < n; t++) {
            float cx = (float) rnd.nextDouble(extent);
            float cy = (float) rnd.nextDouble(extent);
            float cz = (float) rnd.nextDouble(extent);
            for (int c = 0; c < 3; c++) {
                p[9 * t + 3 * c] = cx + (float) rnd.nextDouble(-size, size);
                p[9 * t + 3 * c + 1] = cy + (float) rnd.nextDouble(-size, size);
                p[9 * t + 3 * c + 2] = cz + (float) rnd.nextDouble(-size, size);
            }
        }
        return unindexed(name, p, 0);
    }

    /** A mesh whose triangle t is the vertices {@code p[9t, 9t + 9)}, no normals or uvs. */
    static Mesh unindexed(String name, float[] p, int material) {
        int n = p.length / 9;
        int[] idx = new int[3 * n];
        for (int i = 0; i < idx.length; i++) {
            idx[i] = i;
        }
        int[] mats = new int[n];
        java.util.Arrays.fill(mats, material);
        return new Mesh(name, p, null, null, null, idx, mats);
    }

    static Scene single(Mesh mesh) {
        return new Scene(List.of(mesh), MATERIALS, List.of(), List.of(Instance.identity(0)), Optional.empty(),
                Environment.black());
    }

    /** Three meshes under 60 instances with random rotations, non-uniform scales and some mirroring. */
    static Scene instanced(long seed) {
        Mesh ball = new MeshBuilder().addIcosphere(new Vector3f(), 0.5f, 1, 0).build("ball");
        Mesh box = new MeshBuilder().addBox(new Vector3f(-0.3f, -0.2f, -0.1f), new Vector3f(0.3f, 0.2f, 0.1f), 1)
                .build("box");
        Mesh soup = soup("soup", 200, 1f, 0.2f, seed);
        SplittableRandom rnd = new SplittableRandom(seed);
        List<Instance> instances = new ArrayList<>();
        for (int i = 0; i < 60; i++) {
            Vector3f axis = new Vector3f((float) rnd.nextDouble(-1, 1), (float) rnd.nextDouble(-1, 1),
                    (float) rnd.nextDouble(-1, 1)).add(0.01f, 0, 0).normalize();
            float mirror = i % 7 == 0 ? -1f : 1f;
            Matrix4f m = new Matrix4f()
                    .translate((float) rnd.nextDouble(-4, 4), (float) rnd.nextDouble(-4, 4), (float) rnd.nextDouble(-4, 4))
                    .rotate((float) rnd.nextDouble(0, 6.3), axis)
                    .scale(mirror * (float) rnd.nextDouble(0.3, 2), (float) rnd.nextDouble(0.3, 2),
                            (float) rnd.nextDouble(0.3, 2));
            instances.add(new Instance(i % 3, m));
        }
        return new Scene(List.of(ball, box, soup), MATERIALS, List.of(), instances, Optional.empty(),
                Environment.black());
    }

    /**
     * Degenerate inputs: 50 copies of one triangle, zero-area triangles (collinear and point-like)
     * among normal ones, a single-triangle mesh, a mesh without triangles (its instance is dropped)
     * and a mesh no instance uses.
     */
    static Scene degenerate() {
        float[] same = new float[9 * 50];
        for (int t = 0; t < 50; t++) {
            System.arraycopy(new float[] {0, 0, 0, 1, 0, 0, 0, 1, 0}, 0, same, 9 * t, 9);
        }
        Mesh copies = unindexed("copies", same, 0);
        float[] flat = new float[9 * 40];
        SplittableRandom rnd = new SplittableRandom(9);
        for (int t = 0; t < 40; t++) {
            float x = (float) rnd.nextDouble(3);
            float y = (float) rnd.nextDouble(3);
            float[] tri = switch (t % 4) {
                case 0 -> new float[] {x, y, 0, x + 1, y + 1, 0, x + 2, y + 2, 0};
                case 1 -> new float[] {x, y, 1, x, y, 1, x, y, 1};
                default -> new float[] {x, y, 2, x + 0.5f, y, 2, x, y + 0.5f, 2.2f};
            };
            System.arraycopy(tri, 0, flat, 9 * t, 9);
        }
        Mesh zeroArea = unindexed("zero area", flat, 0);
        Mesh one = unindexed("one", new float[] {-1, -1, -1, 1, -1, -1, 0, 1, -1}, 1);
        Mesh empty = new Mesh("empty", new float[] {0, 0, 0}, null, null, null, new int[0], new int[0]);
        Mesh unused = unindexed("unused", new float[] {5, 5, 5, 6, 5, 5, 5, 6, 5}, 0);
        List<Instance> instances = List.of(Instance.identity(0), Instance.identity(1), Instance.identity(2),
                Instance.identity(3), new Instance(0, new Matrix4f().translate(0, 0, 3).scale(0.001f)),
                new Instance(1, new Matrix4f().translate(1, -2, 0.5f)));
        return new Scene(List.of(copies, zeroArea, one, empty, unused), MATERIALS, List.of(), instances,
                Optional.empty(), Environment.black());
    }
}
