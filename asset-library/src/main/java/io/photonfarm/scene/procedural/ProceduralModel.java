package io.photonfarm.scene.procedural;

import io.photonfarm.scene.Mesh;
import io.photonfarm.scene.Symmetries;
import java.util.List;

/**
 * One built-in procedural object of one class, in its resting pose: object space is metres,
 * right-handed, y up, with the origin at the centre of the face it rests on (so it stands on the
 * plane y = 0), and the mesh is closed (each connected part is watertight).
 *
 * @param className the semantic class its instances get (e.g. {@code domino_3_5})
 * @param mesh      the geometry with its landmarks, and with {@code symmetries} (set here); triangle material
 *                  indices are slots, see {@code slots}
 * @param slots     the meaning of each triangle material index: slot 0 is always "body"
 * @param symmetries the object-space symmetries of shape and appearance
 * @param flatTop   whether its top is flat, so that another object may be stacked on it
 */
public record ProceduralModel(String className, Mesh mesh, List<String> slots, Symmetries symmetries, boolean flatTop) {
    public ProceduralModel {
        slots = List.copyOf(slots);
        // The mesh carries its symmetries into every scene it is placed in, as it carries its landmarks.
        mesh = mesh.withSymmetries(symmetries);
        if (slots.isEmpty() || !"body".equals(slots.get(0))) {
            throw new IllegalArgumentException("model " + className + ": slot 0 must be 'body', slots " + slots);
        }
        for (int m : mesh.triangleMaterials()) {
            if (m < 0 || m >= slots.size()) {
                throw new IllegalArgumentException("model " + className + ": material slot " + m + " of " + slots.size());
            }
        }
    }

    /** Object-space bounds as {minX, minY, minZ, maxX, maxY, maxZ}. */
    public float[] bounds() {
        return mesh.bounds();
    }
}
