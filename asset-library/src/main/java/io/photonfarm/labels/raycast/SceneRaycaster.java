package io.photonfarm.labels.raycast;

import io.photonfarm.bvh.Bvh;
import io.photonfarm.bvh.BvhBuilder;
import io.photonfarm.scene.Instance;
import io.photonfarm.scene.Mesh;
import io.photonfarm.scene.Scene;
import org.joml.Matrix4d;

/**
 * Closest-hit ray casting over a {@link Scene} on the CPU, in double precision, the way the
 * renderer's primary rays see it: a BVH per mesh ({@link BvhBuilder}, binned SAH, 4 triangles per
 * leaf) and one over the instances' world boxes; each instance is entered by moving the ray into its
 * object space with the inverse of {@code objectToWorld} (direction not renormalised, so t stays a
 * world distance); triangles are hit from both sides, edges inclusive, at 0 < t < tMax.
 *
 * <p>Building costs one BVH build per mesh (every mesh, used or not). Queries are thread-safe: each
 * thread reuses its own traversal stacks, and a query allocates only its answer.
 */
public final class SceneRaycaster {
    private static final int LEAF_TRIANGLES = 4;
    private static final int LEAF_INSTANCES = 2;

    private final Scene scene;
    private final TriangleBvh[] meshes;
    /** Per instance: its mesh's BVH. */
    private final TriangleBvh[] instanceMesh;
    /** Per instance: world -> object rows (3 x 4), then object -> world rows (3 x 4). */
    private final double[] transforms;
    private final double[] tlasBounds;
    private final int[] tlasA;
    private final int[] tlasB;
    /** Instance index per TLAS leaf position. */
    private final int[] tlasInstance;
    private final ThreadLocal<Traversal> scratch = ThreadLocal.withInitial(Traversal::new);

    public SceneRaycaster(Scene scene) {
        this.scene = scene;
        int meshCount = scene.meshes().size();
        meshes = new TriangleBvh[meshCount];
        try (BvhBuilder builder = new BvhBuilder(LEAF_TRIANGLES, 1)) {
            for (int m = 0; m < meshCount; m++) {
                meshes[m] = TriangleBvh.of(scene.meshes().get(m), builder);
            }
        }
        int n = scene.instances().size();
        instanceMesh = new TriangleBvh[n];
        transforms = new double[24 * n];
        int live = 0;
        float[] boxes = new float[6 * n];
        float[] centroids = new float[3 * n];
        int[] liveInstance = new int[n];
        for (int i = 0; i < n; i++) {
            Instance in = scene.instances().get(i);
            instanceMesh[i] = meshes[in.mesh()];
            Matrix4d o2w = new Matrix4d(in.objectToWorld());
            Matrix4d w2o = new Matrix4d(o2w).invertAffine();
            storeRows(w2o, transforms, 24 * i);
            storeRows(o2w, transforms, 24 * i + 12);
            Mesh mesh = scene.meshes().get(in.mesh());
            if (mesh.triangleCount() == 0) {
                continue;
            }
            worldBox(mesh.bounds(), transforms, 24 * i + 12, boxes, 6 * live);
            for (int a = 0; a < 3; a++) {
                centroids[3 * live + a] = 0.5f * (boxes[6 * live + a] + boxes[6 * live + 3 + a]);
            }
            liveInstance[live++] = i;
        }
        float[] liveBoxes = java.util.Arrays.copyOf(boxes, 6 * live);
        float[] liveCentroids = java.util.Arrays.copyOf(centroids, 3 * live);
        Bvh tlas;
        try (BvhBuilder builder = new BvhBuilder(LEAF_INSTANCES, 1)) {
            tlas = builder.build(liveBoxes, liveCentroids);
        }
        tlasBounds = new double[tlas.nodeBounds().length];
        for (int k = 0; k < tlasBounds.length; k++) {
            tlasBounds[k] = tlas.nodeBounds()[k];
        }
        tlasA = tlas.nodeA().clone();
        tlasB = tlas.nodeB().clone();
        tlasInstance = new int[live];
        for (int k = 0; k < live; k++) {
            tlasInstance[k] = liveInstance[tlas.itemOrder()[k]];
        }
    }

    public Scene scene() {
        return scene;
    }

    /** The closest hit of {@code ray} in the whole scene at any distance > 0, or null when it meets nothing. */
    public RayHit closest(Ray ray) {
        return closest(ray, Double.POSITIVE_INFINITY);
    }

    /** The closest hit of {@code ray} in the whole scene at 0 < t < {@code tMax} (metres), or null. */
    public RayHit closest(Ray ray, double tMax) {
        Traversal q = scratch.get();
        q.reset(tMax);
        if (tlasA.length == 0) {
            return null;
        }
        double ox = ray.ox();
        double oy = ray.oy();
        double oz = ray.oz();
        double dx = ray.dx();
        double dy = ray.dy();
        double dz = ray.dz();
        double ix = Traversal.safeInverse(dx);
        double iy = Traversal.safeInverse(dy);
        double iz = Traversal.safeInverse(dz);
        if (Traversal.boxEntry(tlasBounds, 0, ox, oy, oz, ix, iy, iz, q.bestT) == Double.POSITIVE_INFINITY) {
            return null;
        }
        int sp = 0;
        int node = 0;
        while (true) {
            if (tlasB[node] > 0) {
                int end = tlasA[node] + tlasB[node];
                for (int k = tlasA[node]; k < end; k++) {
                    traceInstance(tlasInstance[k], ray, q);
                }
            } else {
                int l = tlasA[node];
                double tl = Traversal.boxEntry(tlasBounds, 6 * l, ox, oy, oz, ix, iy, iz, q.bestT);
                double tr = Traversal.boxEntry(tlasBounds, 6 * (l + 1), ox, oy, oz, ix, iy, iz, q.bestT);
                boolean hl = tl != Double.POSITIVE_INFINITY;
                boolean hr = tr != Double.POSITIVE_INFINITY;
                if (hl && hr) {
                    boolean leftFirst = tl <= tr;
                    if (sp == q.tlasNodes.length) {
                        q.growTlas();
                    }
                    q.tlasNodes[sp] = leftFirst ? l + 1 : l;
                    q.tlasEntries[sp] = leftFirst ? tr : tl;
                    sp++;
                    node = leftFirst ? l : l + 1;
                    continue;
                } else if (hl || hr) {
                    node = hl ? l : l + 1;
                    continue;
                }
            }
            boolean popped = false;
            while (sp > 0) {
                sp--;
                if (q.tlasEntries[sp] < q.bestT) {
                    node = q.tlasNodes[sp];
                    popped = true;
                    break;
                }
            }
            if (!popped) {
                return answer(q);
            }
        }
    }

    /**
     * The closest hit of {@code ray} on scene instance {@code instance} (an index into
     * {@code Scene.instances()}) as if it were alone in the scene, or null.
     */
    public RayHit closestOnInstance(int instance, Ray ray) {
        return closestOnInstance(instance, ray, Double.POSITIVE_INFINITY);
    }

    /** {@link #closestOnInstance(int, Ray)} with 0 < t < {@code tMax}. */
    public RayHit closestOnInstance(int instance, Ray ray, double tMax) {
        if (instance < 0 || instance >= instanceMesh.length) {
            throw new IndexOutOfBoundsException("ray cast on instance " + instance + " of a scene with "
                    + instanceMesh.length + " instances");
        }
        Traversal q = scratch.get();
        q.reset(tMax);
        traceInstance(instance, ray, q);
        return answer(q);
    }

    private void traceInstance(int i, Ray ray, Traversal q) {
        double[] m = transforms;
        int b = 24 * i;
        double ox = ray.ox();
        double oy = ray.oy();
        double oz = ray.oz();
        double dx = ray.dx();
        double dy = ray.dy();
        double dz = ray.dz();
        instanceMesh[i].trace(
                m[b] * ox + m[b + 1] * oy + m[b + 2] * oz + m[b + 3],
                m[b + 4] * ox + m[b + 5] * oy + m[b + 6] * oz + m[b + 7],
                m[b + 8] * ox + m[b + 9] * oy + m[b + 10] * oz + m[b + 11],
                m[b] * dx + m[b + 1] * dy + m[b + 2] * dz,
                m[b + 4] * dx + m[b + 5] * dy + m[b + 6] * dz,
                m[b + 8] * dx + m[b + 9] * dy + m[b + 10] * dz, i, q);
    }

    private RayHit answer(Traversal q) {
        if (q.instance < 0) {
            return null;
        }
        TriangleBvh mesh = instanceMesh[q.instance];
        double[] e = new double[6];
        mesh.edges(q.position, e);
        int b = 24 * q.instance + 12;
        double[] m = transforms;
        double ax = m[b] * e[0] + m[b + 1] * e[1] + m[b + 2] * e[2];
        double ay = m[b + 4] * e[0] + m[b + 5] * e[1] + m[b + 6] * e[2];
        double az = m[b + 8] * e[0] + m[b + 9] * e[1] + m[b + 10] * e[2];
        double bx = m[b] * e[3] + m[b + 1] * e[4] + m[b + 2] * e[5];
        double by = m[b + 4] * e[3] + m[b + 5] * e[4] + m[b + 6] * e[5];
        double bz = m[b + 8] * e[3] + m[b + 9] * e[4] + m[b + 10] * e[5];
        double nx = ay * bz - az * by;
        double ny = az * bx - ax * bz;
        double nz = ax * by - ay * bx;
        double len = Math.sqrt(nx * nx + ny * ny + nz * nz);
        return new RayHit(q.bestT, q.instance, mesh.triangle(q.position), q.b1, q.b2, nx / len, ny / len, nz / len);
    }

    /** Rows 0..2 of an affine matrix, 4 doubles each. */
    private static void storeRows(Matrix4d m, double[] out, int at) {
        for (int r = 0; r < 3; r++) {
            out[at + 4 * r] = m.get(0, r);
            out[at + 4 * r + 1] = m.get(1, r);
            out[at + 4 * r + 2] = m.get(2, r);
            out[at + 4 * r + 3] = m.get(3, r);
        }
    }

    /** The world box of an object box under the object -> world rows at {@code rows[at..]}, rounded outwards to floats. */
    private static void worldBox(float[] objectBox, double[] rows, int at, float[] out, int outAt) {
        for (int r = 0; r < 3; r++) {
            double lo = rows[at + 4 * r + 3];
            double hi = lo;
            for (int c = 0; c < 3; c++) {
                double a = rows[at + 4 * r + c] * objectBox[c];
                double z = rows[at + 4 * r + c] * objectBox[3 + c];
                lo += Math.min(a, z);
                hi += Math.max(a, z);
            }
            double pad = 1e-9 * (Math.abs(lo) + Math.abs(hi)) + 1e-30;
            out[outAt + r] = Math.nextDown((float) (lo - pad));
            out[outAt + 3 + r] = Math.nextUp((float) (hi + pad));
        }
    }
}
