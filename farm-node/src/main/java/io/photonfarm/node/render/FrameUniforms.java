package io.photonfarm.node.render;

import io.photonfarm.api.camera.CameraMotion;
import io.photonfarm.api.camera.LensDistortion;
import io.photonfarm.scene.CameraSpec;
import io.photonfarm.shaders.Bindings;
import java.nio.ByteBuffer;
import org.joml.Vector3f;

/**
 * Writes the frame block (struct FrameData, std430) exactly as {@code include/bindings.glsl} declares it.
 * The camera's intrinsics travel as tan(vfov / 2) (times the aspect ratio) and its lens distortion, if
 * any, as a flag and OpenCV's coefficients narrowed to float; its motion during the exposure as
 * velocity, angular velocity, pivot and shutter (zeros for a still camera: no time is drawn then).
 */
final class FrameUniforms {
    private FrameUniforms() {
    }

    static void write(ByteBuffer out, FrameSettings f, SceneConstants sc, int loopBudget) {
        CameraSpec cam = f.camera();
        Vector3f forward = new Vector3f(cam.lookAt()).sub(cam.position()).normalize();
        // OpenCV-style camera: x right, y down in the image; "up" here is the image's upward direction.
        Vector3f right = new Vector3f(forward).cross(cam.up()).normalize();
        Vector3f up = new Vector3f(right).cross(forward).normalize();
        float tanHalf = (float) Math.tan(Math.toRadians(cam.vfovDeg()) * 0.5);
        float aspect = (float) f.width() / f.height();
        ByteBuffer b = out.duplicate().order(java.nio.ByteOrder.LITTLE_ENDIAN);
        b.position(0);
        putVec4(b, cam.position().x(), cam.position().y(), cam.position().z(), cam.aperture() * 0.5f);
        putVec4(b, right.x, right.y, right.z, tanHalf * aspect);
        putVec4(b, up.x, up.y, up.z, tanHalf);
        putVec4(b, forward.x, forward.y, forward.z, cam.effectiveFocusDistance());
        b.putInt(f.width()).putInt(f.height()).putInt(f.frameIndex()).putInt(f.seed());
        b.putInt(sc.tlasRoot()).putInt(sc.lightCount()).putInt(sc.envWidth()).putInt(sc.envHeight());
        putVec4(b, sc.lightTotalWeight(), sc.envIntensity(), sc.envRotationRad(), sc.envTotalWeight());
        LensDistortion lens = cam.lens();
        int lensFlag = lens == null ? 0 : lens.isFisheye() ? Bindings.FLAG_KANNALA_BRANDT : Bindings.FLAG_BROWN_CONRADY;
        int flags = (f.nee() ? Bindings.FLAG_NEE : 0) | (f.labels() ? Bindings.FLAG_LABELS : 0) | lensFlag;
        b.putInt(f.maxBounces()).putInt(flags).putInt(f.rrStartBounce()).putInt(loopBudget);
        if (lens == null) {
            putVec4(b, 0, 0, 0, 0);
            putVec4(b, 0, 0, 0, 0);
        } else {
            putVec4(b, (float) lens.k1(), (float) lens.k2(), (float) lens.k3(), lens.isFisheye() ? (float) lens.k4() : 0);
            putVec4(b, lens.isFisheye() ? 0 : (float) lens.p1(), lens.isFisheye() ? 0 : (float) lens.p2(), 0, 0);
        }
        CameraMotion m = cam.motion();
        if (m == null) {
            putVec4(b, 0, 0, 0, 0);
            putVec4(b, 0, 0, 0, 0);
            putVec4(b, 0, 0, 0, 0);
        } else {
            putVec4(b, (float) m.velocity().x(), (float) m.velocity().y(), (float) m.velocity().z(), (float) m.shutter());
            putVec4(b, (float) m.angularVelocity().x(), (float) m.angularVelocity().y(), (float) m.angularVelocity().z(), 0);
            putVec4(b, (float) m.pivot().x(), (float) m.pivot().y(), (float) m.pivot().z(), 0);
        }
        if (b.position() != Bindings.FRAME_BYTES) {
            throw new IllegalStateException("frame block is " + b.position() + " bytes, expected " + Bindings.FRAME_BYTES);
        }
    }

    private static void putVec4(ByteBuffer b, float x, float y, float z, float w) {
        b.putFloat(x).putFloat(y).putFloat(z).putFloat(w);
    }
}
