package io.photonfarm.scene.builtin;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

import io.photonfarm.scene.Mesh;
import org.joml.Vector3f;
import org.junit.jupiter.api.Test;

class MeshBuilderTest {

    /** Unnormalised face normal of triangle t, from the counter-clockwise winding. */
    static Vector3f faceNormal(Mesh m, int t) {
        Vector3f[] v = new Vector3f[3];
        for (int c = 0; c < 3; c++) {
            int i = 3 * m.indices()[3 * t + c];
            v[c] = new Vector3f(m.positions()[i], m.positions()[i + 1], m.positions()[i + 2]);
        }
        return new Vector3f(v[1]).sub(v[0]).cross(new Vector3f(v[2]).sub(v[0]));
    }

    static Vector3f centroid(Mesh m, int t) {
        Vector3f c = new Vector3f();
        for (int k = 0; k < 3; k++) {
            int i = 3 * m.indices()[3 * t + k];
            c.add(m.positions()[i], m.positions()[i + 1], m.positions()[i + 2]);
        }
        return c.div(3);
    }

    private static void assertOutwardFrom(Mesh m, Vector3f centre) {
        for (int t = 0; t < m.triangleCount(); t++) {
            Vector3f out = centroid(m, t).sub(centre);
            assertTrue(faceNormal(m, t).dot(out) > 0, m.name() + " triangle " + t + " faces inwards");
        }
    }

    @Test
    void icosphereHas20Times4PowTrianglesOnTheSphereFacingOut() {
        Vector3f centre = new Vector3f(1, 2, 3);
        for (int s = 0; s <= 3; s++) {
            Mesh m = new MeshBuilder().addIcosphere(centre, 2f, s, 0).build("ico");
            assertEquals(20 * (1 << (2 * s)), m.triangleCount());
            assertEquals(10 * (1 << (2 * s)) + 2, m.vertexCount(), "shared vertices");
            for (int v = 0; v < m.vertexCount(); v++) {
                Vector3f p = new Vector3f(m.positions()[3 * v], m.positions()[3 * v + 1], m.positions()[3 * v + 2]);
                assertEquals(2f, p.distance(centre), 1e-5f);
            }
            assertOutwardFrom(m, centre);
        }
    }

    @Test
    void uvSphereFacesOutAndSkipsPoleSlivers() {
        Mesh m = new MeshBuilder().addUvSphere(new Vector3f(), 1f, 16, 8, 0).build("uv");
        assertEquals(16 * 8 * 2 - 2 * 16, m.triangleCount());
        assertOutwardFrom(m, new Vector3f());
        for (int t = 0; t < m.triangleCount(); t++) {
            assertTrue(faceNormal(m, t).length() > 1e-6f, "degenerate triangle " + t);
        }
    }

    @Test
    void boxFacesOut() {
        Mesh m = new MeshBuilder().addBox(new Vector3f(-1, 0, 2), new Vector3f(1, 3, 2.5f), 0).build("box");
        assertEquals(12, m.triangleCount());
        assertOutwardFrom(m, new Vector3f(0, 1.5f, 2.25f));
    }

    @Test
    void heightfieldFacesUpWithUnitNormalsAndUvs() {
        Mesh m = new MeshBuilder().addHeightfield(-1, -1, 2, 2, 10, 5, (x, z) -> 0.1f * x * z, 0).build("hf");
        assertEquals(100, m.triangleCount());
        assertEquals(11 * 6, m.vertexCount());
        for (int t = 0; t < m.triangleCount(); t++) {
            assertTrue(faceNormal(m, t).y > 0, "triangle " + t + " faces down");
        }
        for (int v = 0; v < m.vertexCount(); v++) {
            Vector3f n = new Vector3f(m.normals()[3 * v], m.normals()[3 * v + 1], m.normals()[3 * v + 2]);
            assertEquals(1f, n.length(), 1e-5f);
            assertTrue(m.uvs()[2 * v] >= 0 && m.uvs()[2 * v] <= 1 && m.uvs()[2 * v + 1] >= 0 && m.uvs()[2 * v + 1] <= 1);
        }
    }

    @Test
    void quadFacingFollowsTheRequestedSide() {
        Vector3f a = new Vector3f(0, 0, 0);
        Vector3f b = new Vector3f(1, 0, 0);
        Vector3f c = new Vector3f(1, 1, 0);
        Vector3f d = new Vector3f(0, 1, 0);
        Mesh front = new MeshBuilder().addQuadFacing(a, b, c, d, new Vector3f(0, 0, -1), 0).build("q");
        for (int t = 0; t < 2; t++) {
            assertTrue(faceNormal(front, t).z < 0);
            assertEquals(-1f, front.normals()[3 * front.indices()[3 * t] + 2], 1e-6f);
        }
    }
}
