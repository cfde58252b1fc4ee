package io.photonfarm.scene;

import org.joml.Matrix4f;
import org.joml.Matrix4fc;

/**
 * One placement of a mesh in the world.
 *
 * <p>Labels: every instance has an instance id in the dataset (its index in {@link Scene#instances()}
 * plus 1; 0 is the background). An instance with a {@code category} is an annotated object: it gets
 * the semantic class of that name and a per-object entry (pose, boxes, landmarks) in every frame that
 * sees it. An instance without one (walls, floors, lights) is scenery: semantic class 0, no entry.
 *
 * @param mesh          index into {@link Scene#meshes()}
 * @param objectToWorld affine transform from the mesh's object space to world space (copied)
 * @param name          a name for people, may be empty (writers then use category and id)
 * @param category      the semantic class name, or empty for scenery
 */
public record Instance(int mesh, Matrix4fc objectToWorld, String name, String category) {
    public Instance {
        if (!objectToWorld.isAffine()) {
            throw new IllegalArgumentException("instance of mesh " + mesh + ": transform is not affine");
        }
        float det = objectToWorld.determinant3x3();
        if (!Float.isFinite(det) || Math.abs(det) < 1e-12f) {
            throw new IllegalArgumentException("instance of mesh " + mesh + ": transform is singular (det " + det + ")");
        }
        objectToWorld = new Matrix4f(objectToWorld);
        name = name == null ? "" : name;
        category = category == null ? "" : category.strip();
    }

    /** Scenery: no name, no category. */
    public Instance(int mesh, Matrix4fc objectToWorld) {
        this(mesh, objectToWorld, "", "");
    }

    public static Instance identity(int mesh) {
        return new Instance(mesh, new Matrix4f());
    }

    /** This placement as an annotated object of class {@code category}. */
    public Instance labelled(String instanceName, String categoryName) {
        return new Instance(mesh, objectToWorld, instanceName, categoryName);
    }

    /** Whether this instance is an annotated object (has a category). */
    public boolean isObject() {
        return !category.isEmpty();
    }
}
