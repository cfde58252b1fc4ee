package io.photonfarm.scene;

import org.joml.Vector3f;
import org.joml.Vector3fc;

/**
 * A named 3D point an asset declares on itself (a corner, a handle, a joint), in the object space of
 * its mesh (metres, right-handed, y up). Datasets report each landmark of every visible object: its
 * position in the camera frame, its projection, and whether it is seen.
 *
 * @param name     unique within its mesh, e.g. "corner_000"
 * @param position object-space position, metres (copied)
 */
public record Landmark(String name, Vector3fc position) {
    public Landmark {
        if (name == null || name.isBlank()) {
            throw new IllegalArgumentException("landmark name must not be blank");
        }
        if (!Float.isFinite(position.x()) || !Float.isFinite(position.y()) || !Float.isFinite(position.z())) {
            throw new IllegalArgumentException("landmark '" + name + "': position " + position + " is not finite");
        }
        position = new Vector3f(position);
    }
}
