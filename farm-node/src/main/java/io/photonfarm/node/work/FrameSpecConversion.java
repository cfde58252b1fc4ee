package io.photonfarm.node.work;

import io.photonfarm.api.work.CameraPose;
import io.photonfarm.api.work.FrameSpec;
import io.photonfarm.api.work.Vec3;
import io.photonfarm.node.render.FrameSettings;
import io.photonfarm.scene.CameraSpec;
import org.joml.Vector3f;

/**
 * Turns a frame as the coordinator describes it into the renderer's settings. This is the only
 * place where that happens: two nodes that converted differently (another seed fold, another
 * Russian roulette start, rounding the camera another way) would render the same unit differently,
 * and the merged frame would be wrong without any error.
 */
public final class FrameSpecConversion {
    private FrameSpecConversion() {
    }

    /**
     * The settings for every unit of {@code frame}: its size, frame index, {@link FrameSpec#samplerSeed()},
     * max bounces, next-event estimation on, Russian roulette from the bounce {@link FrameSettings#of} uses,
     * labels as the frame asks.
     */
    public static FrameSettings settings(FrameSpec frame) {
        CameraSpec camera = camera(frame.camera());
        // Built through of(...) so the Russian roulette start stays the renderer's default, wherever it moves.
        FrameSettings defaults = FrameSettings.of(frame.width(), frame.height(), frame.samplerSeed(),
                frame.maxBounces(), true, camera);
        return new FrameSettings(frame.width(), frame.height(), frame.frame(), frame.samplerSeed(), frame.maxBounces(),
                true, defaults.rrStartBounce(), camera, frame.labels());
    }

    /**
     * The camera, narrowed from the wire's doubles to the renderer's floats by plain rounding; the lens
     * distortion and the motion travel as they are (the frame block narrows them).
     */
    public static CameraSpec camera(CameraPose pose) {
        return new CameraSpec(vector(pose.position()), vector(pose.lookAt()), vector(pose.up()),
                (float) pose.vfovDegrees(), (float) pose.aperture(), (float) pose.focusDistance(), pose.lens(), pose.motion());
    }

    private static Vector3f vector(Vec3 v) {
        return new Vector3f((float) v.x(), (float) v.y(), (float) v.z());
    }
}
