package io.photonfarm.scene.io;

import io.photonfarm.scene.CameraSpec;
import org.joml.Vector3f;

/**
 * Places a camera that frames a scene's bounds, for files without a camera of their own: it looks
 * at the centre of the bounds from the front (+z), a little above, far enough that the bounding
 * sphere fits the narrower of the two fields of view with a small margin.
 */
public final class AutoCamera {
    /** Vertical field of view of the placed camera, degrees. */
    public static final float VFOV_DEG = 40f;
    /** Viewing direction, from the camera towards the scene: from the front (+z), 20 degrees above. */
    private static final Vector3f FROM = new Vector3f(0f, (float) Math.sin(Math.toRadians(20)), (float) Math.cos(Math.toRadians(20)));
    private static final float MARGIN = 1.1f;

    private AutoCamera() {
    }

    /**
     * @param bounds {minX, minY, minZ, maxX, maxY, maxZ}, world space, metres
     * @param aspect image width / height
     */
    public static CameraSpec frame(float[] bounds, float aspect) {
        Vector3f min = new Vector3f(bounds[0], bounds[1], bounds[2]);
        Vector3f max = new Vector3f(bounds[3], bounds[4], bounds[5]);
        Vector3f centre = new Vector3f(min).add(max).mul(0.5f);
        float radius = Math.max(1e-3f, new Vector3f(max).sub(min).length() * 0.5f);
        double halfV = Math.toRadians(VFOV_DEG) / 2;
        double halfH = Math.atan(Math.tan(halfV) * aspect);
        double half = Math.min(halfV, halfH);
        float distance = (float) (radius / Math.sin(half)) * MARGIN;
        Vector3f position = new Vector3f(FROM).mul(distance).add(centre);
        return new CameraSpec(position, centre, new Vector3f(0, 1, 0), VFOV_DEG, 0f, 0f);
    }
}
