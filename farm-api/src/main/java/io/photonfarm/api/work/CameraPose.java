package io.photonfarm.api.work;

/**
 * A thin-lens perspective camera in world space (right-handed, y up, metres), as it crosses the wire.
 *
 * @param position      centre of the lens
 * @param lookAt        the point the optical axis passes through
 * @param up            approximate up direction (made orthogonal to the view direction)
 * @param vfovDegrees   vertical field of view, degrees, in (0, 180)
 * @param aperture      lens aperture diameter, metres; 0 is a pinhole
 * @param focusDistance distance from the lens to the plane in focus, metres; 0 means |lookAt - position|
 */
public record CameraPose(Vec3 position, Vec3 lookAt, Vec3 up, double vfovDegrees, double aperture,
        double focusDistance) {
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
}
