package io.photonfarm.labels.raycast;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertNotNull;
import static org.junit.jupiter.api.Assertions.assertNull;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;

import io.photonfarm.scene.Environment;
import io.photonfarm.scene.Instance;
import io.photonfarm.scene.Material;
import io.photonfarm.scene.Mesh;
import io.photonfarm.scene.Rgb;
import io.photonfarm.scene.Scene;
import io.photonfarm.scene.builtin.BuiltinScenes;
import io.photonfarm.scene.builtin.MeshBuilder;
import java.util.List;
import java.util.Optional;
import java.util.SplittableRandom;
import org.joml.Matrix4d;
import org.joml.Matrix4f;
import org.joml.Vector3d;
import org.joml.Vector3f;
import org.junit.jupiter.api.Test;

class SceneRaycasterTest {
    private static final double EPS = 1e-9;

    private static Mesh box(float half) {
        return new MeshBuilder().addBox(new Vector3f(-half), new Vector3f(half), 0).build("box");
    }

    private static Scene scene(List<Mesh> meshes, List<Instance> instances) {
        return new Scene(meshes, List.of(Material.diffuse("grey", Rgb.WHITE)), List.of(), instances, Optional.empty(),
                Environment.black());
    }

    /** The unit square |x|, |y| <= 1 in the plane z = -2, facing +z. */
    private static Scene quadScene() {
        Mesh quad = new MeshBuilder().addQuadFacing(new Vector3f(-1, -1, -2), new Vector3f(1, -1, -2),
                new Vector3f(1, 1, -2), new Vector3f(-1, 1, -2), new Vector3f(0, 0, 1), 0).build("quad");
        return scene(List.of(quad), List.of(Instance.identity(0)));
    }

    /** The hit point reconstructed from the hit triangle's vertices and the barycentrics, in object space. */
    private static Vector3d fromBarycentrics(Mesh mesh, RayHit hit) {
        int[] idx = mesh.indices();
        float[] p = mesh.positions();
        Vector3d out = new Vector3d();
        double[] w = {1 - hit.b1() - hit.b2(), hit.b1(), hit.b2()};
        for (int k = 0; k < 3; k++) {
            int v = 3 * idx[3 * hit.triangle() + k];
            out.add(w[k] * p[v], w[k] * p[v + 1], w[k] * p[v + 2]);
        }
        return out;
    }

    @Test
    void aRayDownTheAxisMeetsAnAxisAlignedQuadAtItsDistanceWithItsNormal() {
        SceneRaycaster rc = new SceneRaycaster(quadScene());
        Ray ray = new Ray(0.5, 0.3, 0, 0, 0, -7);
        RayHit hit = rc.closest(ray);
        assertNotNull(hit);
        assertEquals(2.0, hit.t(), EPS);
        assertEquals(0, hit.instance());
        assertEquals(0, hit.nx(), EPS);
        assertEquals(0, hit.ny(), EPS);
        assertEquals(1, hit.nz(), EPS);
        assertFalse(hit.backFace(ray));
        Vector3d p = fromBarycentrics(rc.scene().meshes().get(0), hit);
        assertEquals(0.5, p.x, EPS);
        assertEquals(0.3, p.y, EPS);
        assertEquals(-2, p.z, EPS);
    }

    @Test
    void aQuadIsHitFromBehindAndMissedBesideItsEdgeAndBeyondTMax() {
        SceneRaycaster rc = new SceneRaycaster(quadScene());
        Ray fromBehind = new Ray(-0.2, 0.7, -5, 0, 0, 1);
        RayHit back = rc.closest(fromBehind);
        assertNotNull(back, "back faces are hit, as the renderer hits them");
        assertEquals(3.0, back.t(), EPS);
        assertTrue(back.backFace(fromBehind));
        assertNull(rc.closest(new Ray(1.001, 0, 0, 0, 0, -1)), "just beside the edge");
        assertNotNull(rc.closest(new Ray(0.999, 0, 0, 0, 0, -1)), "just inside the edge");
        assertNull(rc.closest(new Ray(0, 0, 0, 0, 0, -1), 1.999), "hit beyond tMax");
        assertNull(rc.closest(new Ray(0, 0, 0, 0, 0, 1)), "quad behind the ray's origin");
    }

    @Test
    void anObliqueRayEntersABoxThroughTheFaceItsSlabTestNames() {
        SceneRaycaster rc = new SceneRaycaster(scene(List.of(box(0.5f)), List.of(Instance.identity(0))));
        // Direction (-1, -1, -1) / sqrt 3 from (2, 2.1, 1.9): the y slab is entered last, at 1.6 sqrt 3.
        RayHit hit = rc.closest(new Ray(2, 2.1, 1.9, -1, -1, -1));
        assertNotNull(hit);
        assertEquals(1.6 * Math.sqrt(3), hit.t(), EPS);
        assertEquals(1, hit.ny(), EPS);
        // From inside, the ray meets the far face.
        RayHit inside = rc.closest(new Ray(0.1, 0, 0, 1, 0, 0));
        assertEquals(0.4, inside.t(), EPS);
        assertEquals(1, inside.nx(), EPS);
    }

    @Test
    void aRotatedScaledInstanceIsHitWhereItsTransformPutsTheFace() {
        Matrix4f m = new Matrix4f().translate(1, 2, 3).rotateY((float) Math.toRadians(40)).rotateX(0.3f).scale(2, 0.5f, 1.5f);
        SceneRaycaster rc = new SceneRaycaster(scene(List.of(box(0.5f)), List.of(new Instance(0, m))));
        Matrix4d md = new Matrix4d(m);
        // The +x face of the box: world normal is the rotated +x axis (scale does not turn it).
        Vector3d normal = md.transformDirection(new Vector3d(1, 0, 0)).normalize();
        Vector3d tangent = md.transformDirection(new Vector3d(0, 1, 0)).normalize();
        for (double[] objectPoint : new double[][] {{0.5, 0, 0}, {0.5, 0.2, -0.3}, {0.5, -0.45, 0.4}}) {
            Vector3d target = md.transformPosition(new Vector3d(objectPoint[0], objectPoint[1], objectPoint[2]));
            Vector3d along = new Vector3d(normal).mul(-1).add(new Vector3d(tangent).mul(0.3)).normalize();
            Vector3d origin = new Vector3d(target).sub(new Vector3d(along).mul(3));
            Ray ray = new Ray(origin.x, origin.y, origin.z, along.x, along.y, along.z);
            RayHit hit = rc.closest(ray);
            assertNotNull(hit);
            assertEquals(3.0, hit.t(), 1e-9);
            assertEquals(normal.x, hit.nx(), 1e-6);
            assertEquals(normal.y, hit.ny(), 1e-6);
            assertEquals(normal.z, hit.nz(), 1e-6);
            double[] p = ray.at(hit.t());
            assertEquals(target.x, p[0], 1e-9);
            assertEquals(target.y, p[1], 1e-9);
            assertEquals(target.z, p[2], 1e-9);
            Vector3d fromBary = md.transformPosition(fromBarycentrics(rc.scene().meshes().get(0), hit));
            assertEquals(0, fromBary.distance(target), 1e-9);
        }
    }

    @Test
    void closestOnInstanceIgnoresTheOccluderInFront() {
        Matrix4f front = new Matrix4f().translate(0, 0, -2);
        Matrix4f back = new Matrix4f().translate(0, 0, -5);
        Matrix4f aside = new Matrix4f().translate(4, 0, -5);
        SceneRaycaster rc = new SceneRaycaster(scene(List.of(box(0.5f)),
                List.of(new Instance(0, front), new Instance(0, back), new Instance(0, aside))));
        Ray ray = new Ray(0.1, -0.2, 0, 0, 0, -1);
        RayHit first = rc.closest(ray);
        assertEquals(0, first.instance());
        assertEquals(1.5, first.t(), EPS);
        RayHit behind = rc.closestOnInstance(1, ray);
        assertEquals(1, behind.instance());
        assertEquals(4.5, behind.t(), EPS);
        assertNull(rc.closestOnInstance(2, ray), "the third box is beside the ray");
        assertNull(rc.closestOnInstance(1, ray, 4.0), "tMax applies alone too");
        assertThrows(IndexOutOfBoundsException.class, () -> rc.closestOnInstance(3, ray));
    }

    @Test
    void theClosestHitAmongManyInstancesIsTheNearestOfTheirSeparateHits() {
        Scene scene = BuiltinScenes.manyInstances(150);
        SceneRaycaster rc = new SceneRaycaster(scene);
        SplittableRandom random = new SplittableRandom(7);
        int hits = 0;
        for (int r = 0; r < 2000; r++) {
            double[] o = {random.nextDouble(-8, 8), random.nextDouble(0.2, 6), random.nextDouble(-8, 8)};
            double[] to = {random.nextDouble(-6, 6), random.nextDouble(-0.5, 1), random.nextDouble(-6, 6)};
            Ray ray = Ray.towards(o, to);
            RayHit best = null;
            for (int i = 0; i < scene.instances().size(); i++) {
                RayHit h = rc.closestOnInstance(i, ray);
                if (h != null && (best == null || h.t() < best.t())) {
                    best = h;
                }
            }
            RayHit hit = rc.closest(ray);
            if (best == null) {
                assertNull(hit, "ray " + r);
                continue;
            }
            hits++;
            assertNotNull(hit, "ray " + r);
            assertEquals(best.t(), hit.t(), 1e-12, "ray " + r);
            assertEquals(best.instance(), hit.instance(), "ray " + r);
            assertEquals(best.triangle(), hit.triangle(), "ray " + r);
        }
        assertTrue(hits > 1000, "most rays hit something, " + hits);
    }

    @Test
    void aScaledMirroredInstanceKeepsTheRenderersWindingNormal() {
        Matrix4f mirror = new Matrix4f().scale(-1, 1, 1);
        SceneRaycaster rc = new SceneRaycaster(scene(List.of(box(0.5f)), List.of(new Instance(0, mirror))));
        RayHit hit = rc.closest(new Ray(3, 0.1, 0.1, -1, 0, 0));
        assertEquals(2.5, hit.t(), EPS);
        // cross(M e1, M e2) flips under a mirror: the +x face's outward normal now points into the box.
        assertEquals(-1, hit.nx(), EPS);
    }
}
