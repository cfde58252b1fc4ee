package io.photonfarm.scene.gpu;

import io.photonfarm.bvh.Bvh;
import io.photonfarm.bvh.BvhBuilder;
import io.photonfarm.scene.Instance;
import io.photonfarm.scene.Mesh;
import io.photonfarm.scene.Scene;
import java.nio.ByteBuffer;
import java.util.ArrayList;
import java.util.Arrays;
import java.util.EnumMap;
import java.util.List;
import java.util.Map;
import org.joml.Matrix4f;
import org.joml.Matrix4fc;
import org.joml.Vector3f;
import org.joml.Vector4f;

/**
 * Turns a {@link Scene} into a {@link PackedScene} laid out as {@code docs/gpu-scene-layout.md} says:
 * one object-space BLAS per mesh that has triangles and instances (leaves of at most
 * {@link #BLAS_LEAF} triangles), then a world-space TLAS over the instances (leaves of at most
 * {@link #TLAS_LEAF}). Meshes no instance uses are not packed.
 */
public final class ScenePacker {
    public static final int BLAS_LEAF = 4;
    public static final int TLAS_LEAF = 2;

    private ScenePacker() {
    }

    /** Packs with one build thread per available processor. */
    public static PackedScene pack(Scene scene) {
        return pack(scene, Runtime.getRuntime().availableProcessors());
    }

    /**
     * @param threads BVH build threads (the pool lives for this call only)
     */
    public static PackedScene pack(Scene scene, int threads) {
        long start = System.nanoTime();
        List<Mesh> meshes = scene.meshes();
        boolean[] used = new boolean[meshes.size()];
        List<Integer> keptInstances = new ArrayList<>();
        int dropped = 0;
        for (int i = 0; i < scene.instances().size(); i++) {
            Instance in = scene.instances().get(i);
            int m = in.mesh();
            if (in.isMoving()) {
                // Next-event estimation samples emitters at their label-time positions; a moving one would be lit wrongly.
                for (int slot : meshes.get(m).triangleMaterials()) {
                    if (scene.materials().get(slot).emission().luminance() > 0) {
                        throw new IllegalArgumentException("instance " + i + " (" + in.name() + ") moves but its mesh emits"
                                + " light; emitters must not move during the exposure");
                    }
                }
            }
            if (meshes.get(m).triangleCount() > 0) {
                used[m] = true;
                keptInstances.add(i);
            } else {
                dropped++;
            }
        }

        Bvh[] blas = new Bvh[meshes.size()];
        int[] nodeOffset = new int[meshes.size()];
        int[] triOffset = new int[meshes.size()];
        int nodes = 0;
        int tris = 0;
        int blasCount = 0;
        Bvh tlas;
        long blasNanos;
        long tlasNanos;
        float[] instBounds = new float[6 * keptInstances.size()];
        float[] instCentroids = new float[3 * keptInstances.size()];
        try (BvhBuilder blasBuilder = new BvhBuilder(BLAS_LEAF, threads);
             BvhBuilder tlasBuilder = new BvhBuilder(TLAS_LEAF, threads)) {
            long t0 = System.nanoTime();
            for (int m = 0; m < meshes.size(); m++) {
                if (!used[m]) {
                    continue;
                }
                Mesh mesh = meshes.get(m);
                float[] bounds = new float[6 * mesh.triangleCount()];
                float[] centroids = new float[3 * mesh.triangleCount()];
                MeshPacker.triangleBoxes(mesh, bounds, centroids);
                blas[m] = blasBuilder.build(bounds, centroids);
                nodeOffset[m] = nodes;
                triOffset[m] = tris;
                nodes += blas[m].nodeCount();
                tris += mesh.triangleCount();
                blasCount++;
            }
            long t1 = System.nanoTime();
            for (int k = 0; k < keptInstances.size(); k++) {
                Instance in = scene.instances().get(keptInstances.get(k));
                sweptBox(blas[in.mesh()].nodeBounds(), in, instBounds, 6 * k);
                for (int a = 0; a < 3; a++) {
                    instCentroids[3 * k + a] = 0.5f * (instBounds[6 * k + a] + instBounds[6 * k + 3 + a]);
                }
            }
            tlas = tlasBuilder.build(instBounds, instCentroids);
            long t2 = System.nanoTime();
            blasNanos = t1 - t0;
            tlasNanos = t2 - t1;
        }
        int tlasRoot = nodes;
        int nodeCount = nodes + tlas.nodeCount();

        Map<SceneBuffer, ByteBuffer> buffers = new EnumMap<>(SceneBuffer.class);
        ByteBuffer nodeBuf = Std430.allocate(nodeCount, GpuLayout.NODE);
        ByteBuffer triBuf = Std430.allocate(tris, GpuLayout.TRI);
        ByteBuffer shadingBuf = Std430.allocate(tris, GpuLayout.SHADING);
        int[] sourceTriangles = new int[tris];
        for (int m = 0; m < meshes.size(); m++) {
            if (blas[m] != null) {
                writeNodes(nodeBuf, blas[m], nodeOffset[m], triOffset[m]);
                MeshPacker.write(meshes.get(m), blas[m].itemOrder(), triBuf, shadingBuf);
                System.arraycopy(blas[m].itemOrder(), 0, sourceTriangles, triOffset[m], blas[m].itemCount());
            }
        }
        writeNodes(nodeBuf, tlas, tlasRoot, 0);

        ByteBuffer instBuf = Std430.allocate(keptInstances.size(), GpuLayout.INSTANCE);
        List<LightPacker.PlacedMesh> placed = new ArrayList<>(keptInstances.size());
        for (int k = 0; k < tlas.itemCount(); k++) {
            int sceneIndex = keptInstances.get(tlas.itemOrder()[k]);
            Instance in = scene.instances().get(sceneIndex);
            writeInstance(instBuf, in, nodeOffset[in.mesh()], sceneIndex, triOffset[in.mesh()]);
            placed.add(new LightPacker.PlacedMesh(meshes.get(in.mesh()), in.objectToWorld(),
                    triOffset[in.mesh()], blas[in.mesh()].itemOrder()));
        }
        LightPacker.Lights lights = LightPacker.pack(placed, scene.materials());
        EnvironmentPacker.Env env = EnvironmentPacker.pack(scene.environment());

        buffers.put(SceneBuffer.NODES, nodeBuf.clear());
        buffers.put(SceneBuffer.TRIANGLES, triBuf.clear());
        buffers.put(SceneBuffer.SHADING, shadingBuf.clear());
        buffers.put(SceneBuffer.INSTANCES, instBuf.clear());
        buffers.put(SceneBuffer.MATERIALS, MaterialPacker.materials(scene.materials()));
        buffers.put(SceneBuffer.TEX_INFOS, MaterialPacker.texInfos(scene.textures()));
        buffers.put(SceneBuffer.TEXELS, MaterialPacker.texels(scene.textures()));
        buffers.put(SceneBuffer.LIGHTS, lights.lights());
        buffers.put(SceneBuffer.LIGHT_ALIAS, lights.alias());
        buffers.put(SceneBuffer.ENV_PIXELS, env.pixels());
        buffers.put(SceneBuffer.ENV_ROW_ALIAS, env.rowAlias());
        buffers.put(SceneBuffer.ENV_COL_ALIAS, env.colAlias());
        long[] byteSizes = new long[SceneBuffer.values().length];
        for (SceneBuffer b : SceneBuffer.values()) {
            byteSizes[b.ordinal()] = buffers.get(b).capacity();
        }

        float[] worldBounds = tlas.nodeCount() > 0
                ? Arrays.copyOf(tlas.nodeBounds(), 6)
                : new float[] {-0.5f, -0.5f, -0.5f, 0.5f, 0.5f, 0.5f};
        SceneHeader header = new SceneHeader(tlasRoot, tlas.itemCount(), tris, nodeCount, lights.count(),
                (float) lights.totalWeight(), env.width(), env.height(), env.intensity(), env.rotationRad(),
                env.totalWeight(), worldBounds, byteSizes);
        PackStats stats = new PackStats(blasNanos, tlasNanos, System.nanoTime() - start, blasCount,
                tlas.itemCount(), dropped, tris, nodeCount, lights.count());
        return new PackedScene(buffers, header, stats, sourceTriangles,
                SceneFeature.of(scene, lights.count(), env.totalWeight()));
    }

    /**
     * World box of an instance over any exposure: for a moving one, the union of its boxes at both ends
     * of the longest shutter ({@link Instance#MAX_SHUTTER}). Each object point moves linearly in time
     * (the transform does), so the union of the two end boxes holds it at every time between.
     */
    private static void sweptBox(float[] objectBox, Instance in, float[] out, int at) {
        if (!in.isMoving()) {
            worldBox(objectBox, in.objectToWorld(), out, at);
            return;
        }
        float[] end = new float[6];
        worldBox(objectBox, in.objectToWorldAt(-Instance.MAX_SHUTTER / 2), out, at);
        worldBox(objectBox, in.objectToWorldAt(Instance.MAX_SHUTTER / 2), end, 0);
        for (int a = 0; a < 3; a++) {
            out[at + a] = Math.min(out[at + a], end[a]);
            out[at + 3 + a] = Math.max(out[at + 3 + a], end[3 + a]);
        }
    }

    /** World box of an object-space box under an affine transform: the box of its 8 transformed corners. */
    private static void worldBox(float[] objectBox, Matrix4fc objectToWorld, float[] out, int at) {
        Vector3f p = new Vector3f();
        for (int a = 0; a < 3; a++) {
            out[at + a] = Float.POSITIVE_INFINITY;
            out[at + 3 + a] = Float.NEGATIVE_INFINITY;
        }
        for (int corner = 0; corner < 8; corner++) {
            p.set((corner & 1) == 0 ? objectBox[0] : objectBox[3],
                    (corner & 2) == 0 ? objectBox[1] : objectBox[4],
                    (corner & 4) == 0 ? objectBox[2] : objectBox[5]);
            objectToWorld.transformPosition(p);
            for (int a = 0; a < 3; a++) {
                out[at + a] = Math.min(out[at + a], p.get(a));
                out[at + 3 + a] = Math.max(out[at + 3 + a], p.get(a));
            }
        }
    }

    /**
     * Writes a BVH's nodes at the buffer's position with absolute indices: interior {@code a} is
     * offset by {@code nodeBase} (where this BVH's node 0 lands), leaf {@code a} by {@code itemBase}.
     */
    private static void writeNodes(ByteBuffer buf, Bvh bvh, int nodeBase, int itemBase) {
        float[] b = bvh.nodeBounds();
        for (int n = 0; n < bvh.nodeCount(); n++) {
            boolean leaf = bvh.isLeaf(n);
            buf.putFloat(b[6 * n]).putFloat(b[6 * n + 1]).putFloat(b[6 * n + 2]);
            buf.putInt(bvh.nodeA()[n] + (leaf ? itemBase : nodeBase));
            buf.putFloat(b[6 * n + 3]).putFloat(b[6 * n + 4]).putFloat(b[6 * n + 5]);
            buf.putInt(bvh.nodeB()[n]);
        }
    }

    private static void writeInstance(ByteBuffer buf, Instance in, int blasRoot, int sceneIndex, int firstTri) {
        Matrix4f worldToObject = new Matrix4f(in.objectToWorld()).invertAffine();
        Vector4f row = new Vector4f();
        for (Matrix4fc m : new Matrix4fc[] {in.objectToWorld(), worldToObject}) {
            for (int r = 0; r < 3; r++) {
                // JOML getRow(r) = (m0r, m1r, m2r, m3r): linear part of row r, then translation r.
                m.getRow(r, row);
                Std430.putVec4(buf, row.x, row.y, row.z, row.w);
            }
        }
        Matrix4fc v = in.isMoving() ? in.velocity() : new Matrix4f().zero();
        for (int r = 0; r < 3; r++) {
            v.getRow(r, row);
            Std430.putVec4(buf, row.x, row.y, row.z, row.w);
        }
        buf.putInt(blasRoot).putInt(sceneIndex).putInt(in.mesh()).putInt(firstTri);
        buf.putInt(in.isMoving() ? GpuLayout.INSTANCE_MOVING : 0).putInt(0).putInt(0).putInt(0);
    }
}
