package io.photonfarm.api.work;

import com.fasterxml.jackson.annotation.JsonInclude;
import io.photonfarm.api.camera.CameraMotion;
import io.photonfarm.api.camera.LensDistortion;

/**
 * A thin-lens perspective camera in world space (right-handed, y up, metres), as it crosses the wire.
 * Its intrinsics are those of a pinhole with the given vertical field of view (square pixels, the
 * principal point at the image centre); a lens distortion, when set, maps that pinhole's normalised
 * coordinates as OpenCV does, so the image's actual field of view differs from {@code vfovDegrees}.
 *
 * @param position      centre of the lens
 * @param lookAt        the point the optical axis passes through
 * @param up            approximate up direction (made orthogonal to the view direction)
 * @param vfovDegrees   vertical field of view of the undistorted pinhole, degrees, in (0, 180):
 *                      {@code fy = (height / 2) / tan(vfov / 2)}
 * @param aperture      lens aperture diameter, metres; 0 is a pinhole
 * @param focusDistance distance from the lens to the plane in focus, metres; 0 means |lookAt - position|
 * @param lens          the geometric lens distortion, or null for none (absent from JSON then)
 * @param motion        the camera's motion and shutter during the exposure (the pose above is the one at the
 *                      label time, the middle of the exposure), or null for an instantaneous exposure
 */
public record CameraPose(Vec3 position, Vec3 lookAt, Vec3 up, double vfovDegrees, double aperture,
        double focusDistance, @JsonInclude(JsonInclude.Include.NON_NULL) LensDistortion lens,
        @JsonInclude(JsonInclude.Include.NON_NULL) CameraMotion motion) {
    public CameraPose {
        if (position == null || lookAt == null || up == null) {
            throw new IllegalArgumentException("camera pose: position, lookAt and up must be set");
        }
        if (!(vfovDegrees > 0 && vfovDegrees < 180) || !(aperture >= 0) || !(focusDistance >= 0)
                || Double.isInfinite(aperture) || Double.isInfinite(focusDistance)) {
            throw new IllegalArgumentException("camera pose: vfov " + vfovDegrees + " deg must be in (0, 180), aperture "
                    + aperture + " m and focus " + focusDistance + " m finite and >= 0");
        }
    }

    /** A still camera without lens distortion. */
    public CameraPose(Vec3 position, Vec3 lookAt, Vec3 up, double vfovDegrees, double aperture, double focusDistance) {
        this(position, lookAt, up, vfovDegrees, aperture, focusDistance, null, null);
    }

    /** A still camera. */
    public CameraPose(Vec3 position, Vec3 lookAt, Vec3 up, double vfovDegrees, double aperture, double focusDistance,
            LensDistortion lens) {
        this(position, lookAt, up, vfovDegrees, aperture, focusDistance, lens, null);
    }

    /** This pose seen through {@code distortion} (null for none). */
    public CameraPose withLens(LensDistortion distortion) {
        return new CameraPose(position, lookAt, up, vfovDegrees, aperture, focusDistance, distortion, motion);
    }

    /** This pose moving as {@code m} during the exposure (null: an instantaneous exposure). */
    public CameraPose withMotion(CameraMotion m) {
        return new CameraPose(position, lookAt, up, vfovDegrees, aperture, focusDistance, lens, m);
    }
}
