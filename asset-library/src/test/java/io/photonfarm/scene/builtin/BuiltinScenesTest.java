package io.photonfarm.scene.builtin;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertInstanceOf;
import static org.junit.jupiter.api.Assertions.assertTrue;

import io.photonfarm.scene.CameraSpec;
import io.photonfarm.scene.Environment;
import io.photonfarm.scene.Instance;
import io.photonfarm.scene.Landmark;
import io.photonfarm.scene.Landmarks;
import io.photonfarm.scene.Mesh;
import io.photonfarm.scene.Rgb;
import io.photonfarm.scene.Scene;
import io.photonfarm.scene.gpu.PackedScene;
import io.photonfarm.scene.gpu.ScenePacker;
import java.util.List;
import org.joml.Vector3f;
import org.junit.jupiter.api.Test;

class BuiltinScenesTest {

    @Test
    void cornellBoxFacesLookIntoTheBox() {
        Scene scene = BuiltinScenes.cornellBox();
        float[] b = scene.worldBounds();
        assertEquals(0f, b[0], 1e-6f);
        assertEquals(0.556f, b[3], 1e-6f);
        assertEquals(0.5488f, b[4], 1e-6f);
        assertEquals(0.5592f, b[5], 1e-6f);
        int triangles = 0;
        for (Mesh m : scene.meshes()) {
            for (int t = 0; t < m.triangleCount(); t++) {
                Vector3f n = MeshBuilderTest.faceNormal(m, t).normalize();
                Vector3f probe = MeshBuilderTest.centroid(m, t).fma(0.002f, n);
                for (int a = 0; a < 3; a++) {
                    assertTrue(probe.get(a) > b[a] && probe.get(a) < b[3 + a],
                            m.name() + " triangle " + t + " faces out of the box");
                }
                triangles++;
            }
        }
        // Room: 5 walls, light: 1 quad, each block: top + 4 sides; 2 triangles per quad.
        assertEquals(2 * (5 + 1 + 5 + 5), triangles);
        assertEquals(32, scene.instancedTriangleCount());
    }

    @Test
    void cornellLightFacesDownBelowTheCeilingAndWallsHaveTheirColours() {
        Scene scene = BuiltinScenes.cornellBox();
        Mesh light = scene.meshes().get(1);
        for (int t = 0; t < light.triangleCount(); t++) {
            Vector3f n = MeshBuilderTest.faceNormal(light, t).normalize();
            assertEquals(-1f, n.y, 1e-6f);
            assertEquals(3, light.triangleMaterials()[t]);
        }
        assertEquals(0.5487f, light.positions()[1], 1e-6f);
        assertTrue(scene.materials().get(3).isEmissive());
        assertTrue(!scene.materials().get(3).doubleSided(), "one-sided light");
        assertEquals(new Rgb(17, 12, 4), scene.materials().get(3).emission());
        Mesh room = scene.meshes().get(0);
        for (int t = 0; t < room.triangleCount(); t++) {
            Vector3f c = MeshBuilderTest.centroid(room, t);
            int expected = c.x > 0.54f ? 1 : c.x < 0.01f ? 2 : 0;
            assertEquals(expected, room.triangleMaterials()[t], "wall material at " + c);
        }
        CameraSpec cam = scene.camera().orElseThrow();
        assertEquals(new Vector3f(0.278f, 0.273f, -0.8f), cam.position());
        assertEquals(39.3077f, cam.vfovDeg(), 1e-4f);
        assertEquals(Environment.black(), scene.environment());
    }

    @Test
    void whiteFurnaceIsAWhiteSphereUnderAConstantSky() {
        Scene scene = BuiltinScenes.whiteFurnace(new Rgb(0.5f, 0.5f, 0.5f));
        assertEquals(Rgb.WHITE, scene.materials().get(0).baseColor());
        assertEquals(1f, scene.materials().get(0).roughness());
        assertEquals(0f, scene.materials().get(0).metallic());
        Environment.Constant env = assertInstanceOf(Environment.Constant.class, scene.environment());
        assertEquals(new Rgb(0.5f, 0.5f, 0.5f), env.radiance());
        float[] b = scene.worldBounds();
        for (int a = 0; a < 3; a++) {
            assertEquals(-1f, b[a], 1e-5f);
            assertEquals(1f, b[3 + a], 1e-5f);
        }
    }

    @Test
    void heavyMillionPacks() {
        Scene scene = BuiltinScenes.heavy(1_000_000);
        long triangles = scene.instancedTriangleCount();
        assertTrue(Math.abs(triangles - 1_000_000) <= 100_000, triangles + " triangles");
        assertEquals(1, scene.meshes().stream().filter(m -> m.triangleCount() > 900_000).count(), "one big mesh");
        PackedScene packed = ScenePacker.pack(scene);
        System.out.printf("heavy(1M): %d triangles, %d nodes; BLAS build %.0f ms, TLAS %.2f ms, whole pack %.0f ms%n",
                packed.header().triangleCount(), packed.header().nodeCount(),
                packed.stats().blasBuildNanos() / 1e6, packed.stats().tlasBuildNanos() / 1e6,
                packed.stats().packNanos() / 1e6);
        assertEquals(triangles, packed.header().triangleCount());
        assertEquals(2, packed.header().lightCount());
    }

    @Test
    void manyInstancesPacksTenThousand() {
        Scene scene = BuiltinScenes.manyInstances(10_000);
        assertEquals(10_002, scene.instances().size());
        PackedScene packed = ScenePacker.pack(scene);
        assertEquals(10_002, packed.header().instanceCount());
        assertEquals(2, packed.header().lightCount());
        System.out.printf("manyInstances(10000): TLAS build %.1f ms%n", packed.stats().tlasBuildNanos() / 1e6);
    }

    @Test
    void cornellBlocksAreLabelledBoxesWhoseCornerLandmarksAreTheirVertices() {
        Scene scene = BuiltinScenes.cornellBox();
        assertEquals(List.of(false, false, true, true), scene.instances().stream().map(Instance::isObject).toList());
        assertEquals("short_block", scene.instances().get(2).name());
        assertEquals("tall_block", scene.instances().get(3).name());
        float[] heights = {0.165f, 0.33f};
        for (int b = 0; b < 2; b++) {
            Instance in = scene.instances().get(2 + b);
            assertEquals("box", in.category());
            Mesh mesh = scene.meshes().get(in.mesh());
            Landmarks lm = mesh.landmarks();
            assertEquals(9, lm.points().size());
            for (int k = 0; k < 8; k++) {
                Landmark corner = lm.points().get(k);
                assertEquals("corner_" + (k & 1) + ((k >> 1) & 1) + ((k >> 2) & 1), corner.name());
                assertEquals((k & 2) != 0 ? heights[b] : 0f, corner.position().y(), 1e-7f, corner.name());
                assertTrue(isVertex(mesh, corner.position()), mesh.name() + " " + corner.name() + " is a vertex");
            }
            assertEquals("top_centre", lm.points().get(8).name());
            assertEquals(heights[b], lm.points().get(8).position().y(), 1e-7f);
            assertEquals(12, lm.skeleton().size());
            for (Landmarks.Bone bone : lm.skeleton()) {
                assertEquals(1, Integer.bitCount(bone.from() ^ bone.to()), "bone " + bone + " joins corners along one axis");
                Vector3f from = new Vector3f(lm.points().get(bone.from()).position());
                Vector3f to = new Vector3f(lm.points().get(bone.to()).position());
                if ((bone.from() ^ bone.to()) == 2) {
                    assertEquals(heights[b], from.distance(to), 1e-6f, "vertical edge");
                } else {
                    assertEquals(0f, to.y - from.y, 1e-7f, "horizontal edge");
                    assertTrue(from.distance(to) > 0.15f && from.distance(to) < 0.18f, "a block side is about 16.5 cm");
                }
            }
        }
    }

    @Test
    void pebblesAreObjectsAndTheGroundAndLightAreScenery() {
        Scene scene = BuiltinScenes.manyInstances(5);
        for (int i = 0; i < 5; i++) {
            assertEquals("pebble", scene.instances().get(i).category());
        }
        assertTrue(!scene.instances().get(5).isObject() && !scene.instances().get(6).isObject());
    }

    private static boolean isVertex(Mesh mesh, org.joml.Vector3fc p) {
        float[] pos = mesh.positions();
        for (int v = 0; v < pos.length; v += 3) {
            if (pos[v] == p.x() && pos[v + 1] == p.y() && pos[v + 2] == p.z()) {
                return true;
            }
        }
        return false;
    }
}
