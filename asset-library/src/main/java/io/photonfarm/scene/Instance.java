package io.photonfarm.scene;

import org.joml.Matrix4f;
import org.joml.Matrix4fc;

/**
 * One placement of a mesh in the world.
 *
 * @param mesh          index into {@link Scene#meshes()}
 * @param objectToWorld affine transform from the mesh's object space to world space (copied)
 */
public record Instance(int mesh, Matrix4fc objectToWorld) {
    public Instance {
        if (!objectToWorld.isAffine()) {
            throw new IllegalArgumentException("instance of mesh " + mesh + ": transform is not affine");
        }
        float det = objectToWorld.determinant3x3();
        if (!Float.isFinite(det) || Math.abs(det) < 1e-12f) {
            throw new IllegalArgumentException("instance of mesh " + mesh + ": transform is singular (det " + det + ")");
        }
        objectToWorld = new Matrix4f(objectToWorld);
    }

    public static Instance identity(int mesh) {
        return new Instance(mesh, new Matrix4f());
    }
}
