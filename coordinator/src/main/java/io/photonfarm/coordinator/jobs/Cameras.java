package io.photonfarm.coordinator.jobs;

import io.photonfarm.api.work.CameraPose;
import io.photonfarm.api.work.Vec3;
import io.photonfarm.scene.CameraSpec;
import org.joml.Vector3f;
import org.joml.Vector3fc;

/**
 * Converts between the scene library's camera and the wire's camera pose; lossless (floats to doubles and
 * back; the lens distortion and the motion as they are).
 */
final class Cameras {
    private Cameras() {
    }

    static CameraPose toPose(CameraSpec c) {
        return new CameraPose(vec(c.position()), vec(c.lookAt()), vec(c.up()), c.vfovDeg(), c.aperture(), c.focusDistance(),
                c.lens(), c.motion());
    }

    static CameraSpec toSpec(CameraPose p) {
        return new CameraSpec(vec(p.position()), vec(p.lookAt()), vec(p.up()), (float) p.vfovDegrees(),
                (float) p.aperture(), (float) p.focusDistance(), p.lens(), p.motion());
    }

    private static Vec3 vec(Vector3fc v) {
        return new Vec3(v.x(), v.y(), v.z());
    }

    private static Vector3f vec(Vec3 v) {
        return new Vector3f((float) v.x(), (float) v.y(), (float) v.z());
    }
}
