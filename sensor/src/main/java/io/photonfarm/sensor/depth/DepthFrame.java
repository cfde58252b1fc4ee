package io.photonfarm.sensor.depth;

/**
 * What a depth sensor sees of one frame, per pixel, row-major, row 0 at the top: the exact label
 * passes its simulation starts from.
 *
 * @param width        image width, pixels
 * @param height       image height, pixels
 * @param fx           the camera's focal length along u, pixels (disparity = fx * baseline / z)
 * @param depthZ       distance along the optical axis, metres; +inf (or any non-finite value) for background
 * @param cosIncidence |cos| of the angle between the pixel's ray and the surface's geometric normal, 0..1
 * @param albedo       the surface's albedo luminance, 0..1
 */
public record DepthFrame(int width, int height, double fx, float[] depthZ, float[] cosIncidence, float[] albedo) {
    public DepthFrame {
        long n = (long) width * height;
        if (width < 1 || height < 1 || depthZ.length != n || cosIncidence.length != n || albedo.length != n || !(fx > 0)) {
            throw new IllegalArgumentException("depth frame " + width + "x" + height + ": passes of " + depthZ.length + ", "
                    + cosIncidence.length + ", " + albedo.length + " pixels and fx " + fx + " do not fit");
        }
    }
}
