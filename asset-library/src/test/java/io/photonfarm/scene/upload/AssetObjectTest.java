package io.photonfarm.scene.upload;

import static org.junit.jupiter.api.Assertions.assertArrayEquals;
import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

import io.photonfarm.scene.Environment;
import io.photonfarm.scene.Instance;
import io.photonfarm.scene.Landmark;
import io.photonfarm.scene.Landmarks;
import io.photonfarm.scene.Material;
import io.photonfarm.scene.Mesh;
import io.photonfarm.scene.Scene;
import java.util.List;
import java.util.Optional;
import org.joml.Matrix4f;
import org.joml.Vector3f;
import org.junit.jupiter.api.Test;

class AssetObjectTest {
    /** A triangle facing +z, with normals; and a second mesh without normals. */
    private static Scene twoParts() {
        Mesh lit = new Mesh("lit", new float[] {0, 0, 0, 1, 0, 0, 0, 1, 0}, new float[] {0, 0, 1, 0, 0, 1, 0, 0, 1}, null, null,
                new int[] {0, 1, 2}, new int[] {0});
        Mesh flat = new Mesh("flat", new float[] {0, 0, 0, 1, 0, 0, 0, 1, 0}, null, null, null, new int[] {0, 1, 2}, new int[] {0});
        List<Instance> instances = List.of(new Instance(0, new Matrix4f().translate(2, 0, 0)),
                new Instance(1, new Matrix4f().scale(-1, 1, 1)), new Instance(0, new Matrix4f()));
        return new Scene(List.of(lit, flat), List.of(Material.diffuse("m", new io.photonfarm.scene.Rgb(0.5f, 0.5f, 0.5f))),
                List.of(), instances, Optional.empty(), Environment.black());
    }

    @Test
    void everyInstanceIsMergedIntoOneObjectInTheFilesFrame() {
        Scene object = AssetObject.of(twoParts(), "parts");
        assertEquals(1, object.meshes().size());
        assertEquals(1, object.instances().size());
        assertEquals(3, object.instancedTriangleCount());
        assertArrayEquals(twoParts().worldBounds(), object.worldBounds(), 0f, "the same geometry in the same place");
        assertEquals(AssetObject.DEFAULT_ENVIRONMENT, object.environment(), "an unlit file gets a white sky");
    }

    @Test
    void aMirroredPartKeepsItsFacesFacingOutwards() {
        Mesh m = AssetObject.of(twoParts(), "parts").meshes().get(0);
        // The mirrored flat triangle is the second one; its corners are wound so its face normal is its normal.
        int tri = 1;
        Vector3f[] p = new Vector3f[3];
        for (int k = 0; k < 3; k++) {
            int v = m.indices()[tri * 3 + k];
            p[k] = new Vector3f(m.positions()[v * 3], m.positions()[v * 3 + 1], m.positions()[v * 3 + 2]);
        }
        Vector3f face = new Vector3f(p[1]).sub(p[0]).cross(new Vector3f(p[2]).sub(p[0])).normalize();
        int v0 = m.indices()[tri * 3];
        Vector3f n = new Vector3f(m.normals()[v0 * 3], m.normals()[v0 * 3 + 1], m.normals()[v0 * 3 + 2]);
        assertTrue(face.dot(n) > 0.999f, "face " + face + " normal " + n);
    }

    @Test
    void labellingNamesTheOnlyObjectAndCarriesItsLandmarks() {
        Scene object = AssetObject.of(twoParts(), "parts");
        Landmarks marks = Landmarks.of(List.of(new Landmark("tip", new Vector3f(0, 1, 0))));
        Scene labelled = AssetObject.labelled(object, "widget", marks);
        assertEquals("widget", labelled.instances().get(0).category());
        assertEquals(marks, labelled.meshes().get(0).landmarks());
        assertEquals(object.meshes().get(0).triangleCount(), labelled.meshes().get(0).triangleCount());
    }
}
