package io.photonfarm.scene.gpu;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

import io.photonfarm.scene.Environment;
import io.photonfarm.scene.Instance;
import io.photonfarm.scene.Scene;
import java.nio.ByteBuffer;
import java.nio.ByteOrder;
import java.util.List;
import java.util.Optional;
import org.joml.Matrix4f;
import org.joml.Vector4f;
import org.junit.jupiter.api.Test;

/** Structure of the packed buffers: sizes, node trees, instances. */
class ScenePackerTest {

    @Test
    void buffersAreSizedFromTheHeaderCounts() {
        Scene scene = TestScenes.instanced(1);
        PackedScene packed = ScenePacker.pack(scene, 2);
        SceneHeader h = packed.header();
        assertEquals(60, h.instanceCount());
        assertEquals(scene.meshes().stream().mapToInt(m -> m.triangleCount()).sum(), h.triangleCount());
        assertEquals((long) h.nodeCount() * GpuLayout.NODE, h.byteSize(SceneBuffer.NODES));
        assertEquals((long) h.triangleCount() * GpuLayout.TRI, h.byteSize(SceneBuffer.TRIANGLES));
        assertEquals((long) h.triangleCount() * GpuLayout.SHADING, h.byteSize(SceneBuffer.SHADING));
        assertEquals((long) h.instanceCount() * GpuLayout.INSTANCE, h.byteSize(SceneBuffer.INSTANCES));
        assertEquals((long) scene.materials().size() * GpuLayout.MATERIAL, h.byteSize(SceneBuffer.MATERIALS));
        for (SceneBuffer b : SceneBuffer.values()) {
            ByteBuffer view = packed.buffer(b);
            assertTrue(view.isDirect(), b + " direct");
            assertEquals(ByteOrder.LITTLE_ENDIAN, view.order(), b + " order");
            assertEquals(0, view.position(), b + " position");
            assertEquals(h.byteSize(b), view.limit(), b + " limit");
            assertEquals(0, h.byteSize(b) % b.stride(), b + " whole elements");
        }
        assertEquals(h.nodeCount(), packed.stats().nodeCount());
        assertTrue(packed.stats().packNanos() >= packed.stats().blasBuildNanos() + packed.stats().tlasBuildNanos());
    }

    @Test
    void emptySceneHasOneZeroedElementPerBuffer() {
        Scene empty = new Scene(List.of(), TestScenes.MATERIALS, List.of(), List.of(), Optional.empty(),
                Environment.black());
        PackedScene packed = ScenePacker.pack(empty);
        SceneHeader h = packed.header();
        assertEquals(0, h.instanceCount());
        assertEquals(0, h.triangleCount());
        assertEquals(0, h.nodeCount());
        assertEquals(0, h.lightCount());
        assertEquals(0f, h.envTotalWeight());
        for (SceneBuffer b : List.of(SceneBuffer.NODES, SceneBuffer.TRIANGLES, SceneBuffer.SHADING,
                SceneBuffer.INSTANCES, SceneBuffer.TEX_INFOS, SceneBuffer.TEXELS, SceneBuffer.LIGHTS,
                SceneBuffer.LIGHT_ALIAS)) {
            assertEquals(b.stride(), h.byteSize(b), b + " holds one element");
            ByteBuffer view = packed.buffer(b);
            while (view.hasRemaining()) {
                assertEquals(0, view.get(), b + " zeroed");
            }
        }
        assertEquals(List.of(-0.5f, -0.5f, -0.5f, 0.5f, 0.5f, 0.5f), boxed(h.worldBounds()));
    }

    @Test
    void degenerateSceneDropsInstancesOfEmptyMeshesAndSkipsUnusedMeshes() {
        Scene scene = TestScenes.degenerate();
        PackedScene packed = ScenePacker.pack(scene);
        assertEquals(5, packed.header().instanceCount());
        assertEquals(1, packed.stats().droppedInstances());
        assertEquals(3, packed.stats().blasCount());
        assertEquals(50 + 40 + 1, packed.header().triangleCount());
        checkTrees(scene, packed);
    }

    @Test
    void packedTreesAreWellFormed() {
        for (Scene scene : List.of(TestScenes.instanced(3), TestScenes.single(TestScenes.soup("s", 3000, 5, 0.3f, 3)))) {
            checkTrees(scene, ScenePacker.pack(scene, 2));
        }
    }

    @Test
    void instanceRecordsHoldBothMatricesAndIds() {
        Scene scene = TestScenes.instanced(4);
        PackedScene packed = ScenePacker.pack(scene);
        ByteBuffer inst = packed.instances();
        boolean[] seen = new boolean[scene.instances().size()];
        for (int k = 0; k < packed.header().instanceCount(); k++) {
            int at = GpuLayout.INSTANCE * k;
            int sceneIndex = inst.getInt(at + 148);
            assertTrue(!seen[sceneIndex], "scene instance " + sceneIndex + " packed twice");
            seen[sceneIndex] = true;
            Instance in = scene.instances().get(sceneIndex);
            assertEquals(in.mesh(), inst.getInt(at + 152));
            Matrix4f o2w = new Matrix4f(in.objectToWorld());
            Matrix4f w2o = new Matrix4f(o2w).invertAffine();
            Vector4f row = new Vector4f();
            for (int r = 0; r < 3; r++) {
                o2w.getRow(r, row);
                assertRow(row, inst, at + 16 * r);
                w2o.getRow(r, row);
                assertRow(row, inst, at + 48 + 16 * r);
            }
            // world = dot(row, (p, 1)) per the layout: check on a point.
            float[] p = {0.3f, -1.2f, 2.5f};
            org.joml.Vector3f expected = o2w.transformPosition(new org.joml.Vector3f(p[0], p[1], p[2]));
            for (int r = 0; r < 3; r++) {
                int o = at + 16 * r;
                float world = inst.getFloat(o) * p[0] + inst.getFloat(o + 4) * p[1] + inst.getFloat(o + 8) * p[2]
                        + inst.getFloat(o + 12);
                assertEquals(expected.get(r), world, 1e-5f);
            }
        }
    }

    @Test
    void packingIsDeterministicAcrossThreadCounts() {
        Scene scene = TestScenes.single(TestScenes.soup("big", 60_000, 20, 0.3f, 5));
        PackedScene one = ScenePacker.pack(scene, 1);
        PackedScene two = ScenePacker.pack(scene, 2);
        for (SceneBuffer b : SceneBuffer.values()) {
            assertEquals(one.buffer(b), two.buffer(b), b.toString());
        }
        assertEquals(one.header(), two.header());
    }

    private static void assertRow(Vector4f row, ByteBuffer b, int at) {
        assertEquals(row.x, b.getFloat(at), 1e-6f);
        assertEquals(row.y, b.getFloat(at + 4), 1e-6f);
        assertEquals(row.z, b.getFloat(at + 8), 1e-6f);
        assertEquals(row.w, b.getFloat(at + 12), 1e-6f);
    }

    /**
     * Every instance in exactly one TLAS leaf (at most 2 per leaf), every triangle of each BLAS in
     * exactly one leaf (at most 4) within its mesh's range, child boxes inside parents, children
     * after their parent, and each BLAS root first of its node range.
     */
    static void checkTrees(Scene scene, PackedScene packed) {
        SceneHeader h = packed.header();
        ByteBuffer nodes = packed.nodes();
        int[] instanceSeen = new int[h.instanceCount()];
        walk(nodes, h.tlasRoot(), 2, h.nodeCount(), item -> instanceSeen[item]++);
        for (int k = 0; k < h.instanceCount(); k++) {
            assertEquals(1, instanceSeen[k], "instance " + k + " in TLAS leaves");
            int at = GpuLayout.INSTANCE * k;
            int blasRoot = packed.instances().getInt(at + 144);
            int firstTri = packed.instances().getInt(at + 156);
            int count = scene.meshes().get(packed.instances().getInt(at + 152)).triangleCount();
            int[] triSeen = new int[count];
            int minNode = walk(nodes, blasRoot, 4, h.tlasRoot(), tri -> {
                assertTrue(tri >= firstTri && tri < firstTri + count, "triangle " + tri + " outside its mesh");
                triSeen[tri - firstTri]++;
            });
            assertEquals(blasRoot, minNode, "BLAS root first of its range");
            for (int t = 0; t < count; t++) {
                assertEquals(1, triSeen[t], "triangle " + t + " of instance " + k);
            }
        }
    }

    /** Walks a tree; returns the smallest node index visited. Nodes must lie below {@code limit}. */
    private static int walk(ByteBuffer nodes, int root, int maxLeaf, int limit, java.util.function.IntConsumer items) {
        int[] stack = new int[4096];
        int top = 0;
        stack[top++] = root;
        int min = root;
        while (top > 0) {
            int node = stack[--top];
            assertTrue(node >= 0 && node < limit, "node " + node + " outside 0.." + limit);
            min = Math.min(min, node);
            int a = nodes.getInt(GpuLayout.NODE * node + 12);
            int b = nodes.getInt(GpuLayout.NODE * node + 28);
            if (b > 0) {
                assertTrue(b <= maxLeaf, "leaf of " + b);
                for (int i = a; i < a + b; i++) {
                    items.accept(i);
                }
                continue;
            }
            assertTrue(a > node, "children " + a + " after parent " + node);
            for (int c = a; c <= a + 1; c++) {
                for (int axis = 0; axis < 3; axis++) {
                    assertTrue(nodes.getFloat(GpuLayout.NODE * node + 4 * axis)
                            <= nodes.getFloat(GpuLayout.NODE * c + 4 * axis), "min inside parent");
                    assertTrue(nodes.getFloat(GpuLayout.NODE * node + 16 + 4 * axis)
                            >= nodes.getFloat(GpuLayout.NODE * c + 16 + 4 * axis), "max inside parent");
                }
                stack[top++] = c;
            }
        }
        return min;
    }

    private static List<Float> boxed(float[] a) {
        java.util.ArrayList<Float> l = new java.util.ArrayList<>();
        for (float f : a) {
            l.add(f);
        }
        return l;
    }
}
