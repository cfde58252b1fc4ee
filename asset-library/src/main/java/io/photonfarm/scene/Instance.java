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
 * <p>Motion: {@code objectToWorld} is the pose at the frame's label time (the middle of its
 * exposure), which every label pass and annotation uses. A moving instance also has a
 * {@code velocity}: the derivative of {@code objectToWorld} per frame interval, so that during the
 * exposure its pose at time {@code s} frame intervals after the label time is
 * {@code objectToWorld + s * velocity} (entry by entry, as Embree and OSL interpolate matrices; for the
 * small turns of one exposure this stays rigid to second order). Only the upper 3 x 4 block of
 * {@code velocity} is used; its last row is zero.
 *
 * @param mesh          index into {@link Scene#meshes()}
 * @param objectToWorld affine transform from the mesh's object space to world space at the label time (copied)
 * @param name          a name for people, may be empty (writers then use category and id)
 * @param category      the semantic class name, or empty for scenery
 * @param velocity      d objectToWorld / d t per frame interval (copied), or null for an instance that does not move
 */
public record Instance(int mesh, Matrix4fc objectToWorld, String name, String category, Matrix4fc velocity) {
    /** The most a shutter may stay open, frame intervals; the exposure is centred on the label time. */
    public static final float MAX_SHUTTER = 1f;

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
        if (velocity != null) {
            Matrix4f v = new Matrix4f(velocity);
            if (v.m03() != 0 || v.m13() != 0 || v.m23() != 0 || v.m33() != 0) {
                throw new IllegalArgumentException("instance of mesh " + mesh + ": velocity's last row must be zero");
            }
            for (int s = -1; s <= 1; s += 2) {
                Matrix4f end = at(objectToWorld, v, s * MAX_SHUTTER / 2);
                float d = end.determinant3x3();
                if (!Float.isFinite(d) || Math.abs(d) < 1e-12f || Math.signum(d) != Math.signum(det)) {
                    throw new IllegalArgumentException("instance of mesh " + mesh
                            + ": velocity makes the transform singular within half a frame interval of the label time");
                }
            }
            velocity = v.equals(new Matrix4f().zero()) ? null : v;
        }
    }

    /** An instance that does not move. */
    public Instance(int mesh, Matrix4fc objectToWorld, String name, String category) {
        this(mesh, objectToWorld, name, category, null);
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
        return new Instance(mesh, objectToWorld, instanceName, categoryName, velocity);
    }

    /** This instance moving with {@code v} (d objectToWorld per frame interval; null: not moving). */
    public Instance moving(Matrix4fc v) {
        return new Instance(mesh, objectToWorld, name, category, v);
    }

    /** Whether this instance moves during an exposure. */
    public boolean isMoving() {
        return velocity != null;
    }

    /** Its transform {@code s} frame intervals after the label time: {@code objectToWorld + s velocity}. */
    public Matrix4f objectToWorldAt(float s) {
        return velocity == null ? new Matrix4f(objectToWorld) : at(objectToWorld, velocity, s);
    }

    private static Matrix4f at(Matrix4fc m, Matrix4fc v, float s) {
        // fma per entry, like the shader, so host and device agree on the end poses.
        Matrix4f out = new Matrix4f(m);
        for (int c = 0; c < 4; c++) {
            for (int r = 0; r < 3; r++) {
                out.setRowColumn(r, c, Math.fma(s, v.getRowColumn(r, c), m.getRowColumn(r, c)));
            }
        }
        return out;
    }

    /** Whether this instance is an annotated object (has a category). */
    public boolean isObject() {
        return !category.isEmpty();
    }
}
