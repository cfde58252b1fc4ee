package io.photonfarm.recipe.draw;

import io.photonfarm.api.camera.CameraMotion;
import io.photonfarm.scene.CameraSpec;
import org.joml.Vector3d;
import org.joml.Vector3f;

/** The camera motion contract, written out independently of the code under test (Rodrigues in double). */
final class MotionMath {
    private MotionMath() {
    }

    /** Where the lens centre of {@code c} is {@code s} frame intervals after its label time. */
    static Vector3f moved(CameraSpec c, double s) {
        CameraMotion m = c.motion();
        Vector3d p = new Vector3d(c.position().x(), c.position().y(), c.position().z());
        Vector3d w = new Vector3d(m.angularVelocity().x(), m.angularVelocity().y(), m.angularVelocity().z());
        double rate = w.length();
        if (rate > 0) {
            Vector3d axis = new Vector3d(w).div(rate);
            Vector3d pivot = new Vector3d(m.pivot().x(), m.pivot().y(), m.pivot().z());
            Vector3d r = new Vector3d(p).sub(pivot);
            double a = rate * s;
            Vector3d turned = new Vector3d(r).mul(Math.cos(a)).add(new Vector3d(axis).cross(r).mul(Math.sin(a)))
                    .add(new Vector3d(axis).mul(axis.dot(r) * (1 - Math.cos(a))));
            p = turned.add(pivot);
        }
        p.add(m.velocity().x() * s, m.velocity().y() * s, m.velocity().z() * s);
        return new Vector3f((float) p.x, (float) p.y, (float) p.z);
    }
}
