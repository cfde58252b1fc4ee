package io.photonfarm.node.render;

import io.photonfarm.scene.CameraSpec;
import io.photonfarm.shaders.Bindings;
import java.nio.ByteBuffer;
import org.joml.Vector3f;

/** Writes the frame block (struct FrameData, std430) exactly as {@code include/bindings.glsl} declares it. */
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
        b.putInt(f.maxBounces()).putInt((f.nee() ? Bindings.FLAG_NEE : 0) | (f.labels() ? Bindings.FLAG_LABELS : 0)).putInt(f.rrStartBounce()).putInt(loopBudget);
        if (b.position() != Bindings.FRAME_BYTES) {
            throw new IllegalStateException("frame block is " + b.position() + " bytes, expected " + Bindings.FRAME_BYTES);
        }
    }

    private static void putVec4(ByteBuffer b, float x, float y, float z, float w) {
        b.putFloat(x).putFloat(y).putFloat(z).putFloat(w);
    }
}
