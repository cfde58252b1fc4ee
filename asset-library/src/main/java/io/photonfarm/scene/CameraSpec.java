package io.photonfarm.scene;

import io.photonfarm.api.camera.CameraMotion;
import io.photonfarm.api.camera.LensDistortion;
import org.joml.Vector3f;
import org.joml.Vector3fc;

/**
 * A thin-lens perspective camera in world space (metres), optionally seen through a geometric lens
 * distortion (OpenCV's conventions on the pinhole's normalised coordinates, see {@link LensDistortion}).
 *
 * @param position      centre of the lens
 * @param lookAt        point the camera looks at (the optical axis passes through it)
 * @param up            approximate up direction (made orthogonal to the view direction)
 * @param vfovDeg       vertical field of view of the undistorted pinhole, degrees, in (0, 180)
 * @param aperture      lens aperture diameter in metres; 0 is a pinhole
 * @param focusDistance distance from the lens to the plane in focus, metres; 0 means |lookAt - position|
 * @param lens          the lens distortion, or null for none
 * @param motion        how the camera moves while the shutter is open (this pose is the one at the middle of
 *                      the exposure, the label time), or null for an instantaneous exposure
 */
public record CameraSpec(Vector3fc position, Vector3fc lookAt, Vector3fc up, float vfovDeg,
                         float aperture, float focusDistance, LensDistortion lens, CameraMotion motion) {
    public CameraSpec {
        position = new Vector3f(position);
        lookAt = new Vector3f(lookAt);
        up = new Vector3f(up);
        if (!(vfovDeg > 0 && vfovDeg < 180)) {
            throw new IllegalArgumentException("vfov_deg must be in (0, 180), was " + vfovDeg);
        }
        if (!(aperture >= 0) || !Float.isFinite(aperture)) {
            throw new IllegalArgumentException("aperture must be >= 0 metres, was " + aperture);
        }
        if (!(focusDistance >= 0) || !Float.isFinite(focusDistance)) {
            throw new IllegalArgumentException("focus must be >= 0 metres, was " + focusDistance);
        }
        if (position.distance(lookAt) < 1e-6f) {
            throw new IllegalArgumentException("position and look_at must differ");
        }
        Vector3f forward = new Vector3f(lookAt).sub(position).normalize();
        if (new Vector3f(forward).cross(up).lengthSquared() < 1e-10f) {
            throw new IllegalArgumentException("up must not be parallel to the viewing direction");
        }
    }

    /** A still camera without lens distortion. */
    public CameraSpec(Vector3fc position, Vector3fc lookAt, Vector3fc up, float vfovDeg, float aperture, float focusDistance) {
        this(position, lookAt, up, vfovDeg, aperture, focusDistance, null, null);
    }

    /** A still camera. */
    public CameraSpec(Vector3fc position, Vector3fc lookAt, Vector3fc up, float vfovDeg, float aperture, float focusDistance,
            LensDistortion lens) {
        this(position, lookAt, up, vfovDeg, aperture, focusDistance, lens, null);
    }

    /** This camera seen through {@code distortion} (null for none). */
    public CameraSpec withLens(LensDistortion distortion) {
        return new CameraSpec(position, lookAt, up, vfovDeg, aperture, focusDistance, distortion, motion);
    }

    /** This camera moving as {@code m} while the shutter is open (null: an instantaneous exposure). */
    public CameraSpec withMotion(CameraMotion m) {
        return new CameraSpec(position, lookAt, up, vfovDeg, aperture, focusDistance, lens, m);
    }

    public static CameraSpec pinhole(Vector3fc position, Vector3fc lookAt, float vfovDeg) {
        return new CameraSpec(position, lookAt, new Vector3f(0, 1, 0), vfovDeg, 0f, 0f);
    }

    /** The focus distance actually used: {@link #focusDistance()} or the distance to {@link #lookAt()}. */
    public float effectiveFocusDistance() {
        return focusDistance > 0 ? focusDistance : position.distance(lookAt);
    }
}
