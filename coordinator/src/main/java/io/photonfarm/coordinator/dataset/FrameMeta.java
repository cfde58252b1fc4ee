package io.photonfarm.coordinator.dataset;

import com.fasterxml.jackson.annotation.JsonInclude;
import io.photonfarm.api.camera.LensDistortion;
import io.photonfarm.labels.PinholeCalibration;
import io.photonfarm.api.work.CameraPose;
import io.photonfarm.coordinator.labels.OpticalFlowNote;
import io.photonfarm.labels.ObjectAnnotation;
import java.util.List;
import java.util.Map;

/**
 * The content of a frame's {@code meta.json}, written last: its presence marks the frame as
 * written, and {@link #files} lists the frame's other files, so a reader (the archive streamer)
 * takes exactly those and nothing written later or half-written.
 *
 * @param formatVersion this layout's version, 1
 * @param job           the job id
 * @param frame         the frame index
 * @param width         image width, pixels
 * @param height        image height, pixels
 * @param spp           samples per pixel every pixel received
 * @param seed          the job seed
 * @param camera        the camera pose as the job gave it (world frame: right-handed, y up, metres)
 * @param intrinsics    the pinhole intrinsics, pixels, and the lens distortion if any
 * @param extrinsics    world -> camera, OpenCV camera frame
 * @param timings       when and how fast the frame was assembled
 * @param files         the frame's files other than meta.json, by name, with their sizes
 * @param objects       the annotated objects the frame sees (pose, boxes, visibility, landmarks, object-space
 *                      symmetries); empty without labels
 * @param recipe        what the job's recipe drew for this frame (classes, rare cases, placed objects, light);
 *                      absent when the scene is not a recipe
 * @param imaging       how the simulated camera made the image from the radiance: the sensor's parameters and
 *                      this frame's draws, each refiner's parameters, the depth sensor's profile, and each
 *                      stage's time and megapixels/s; absent for the ideal camera
 * @param opticalFlow   the frame's forward optical flow ({@code flow_forward.exr} and the frame it flows to, or
 *                      why there is none: the last frame of a sequence); absent when the job asks for no flow
 */
public record FrameMeta(int formatVersion, String job, int frame, int width, int height, int spp, long seed,
        CameraPose camera, Intrinsics intrinsics, Extrinsics extrinsics, Timings timings, List<FrameFile> files,
        List<ObjectAnnotation> objects, @JsonInclude(JsonInclude.Include.NON_NULL) RecipeFrame recipe,
        @JsonInclude(JsonInclude.Include.NON_NULL) Map<String, Object> imaging,
        @JsonInclude(JsonInclude.Include.NON_NULL) OpticalFlowNote opticalFlow) {

    /** The version of this structure written today. */
    public static final int FORMAT_VERSION = 1;

    /**
     * @param k               K, row-major 3x3: [[fx, 0, cx], [0, fy, cy], [0, 0, 1]], pixels
     * @param fx              focal length along u, pixels
     * @param fy              focal length along v, pixels
     * @param cx              principal point u, pixels
     * @param cy              principal point v, pixels
     * @param pixelConvention how to read (u, v)
     * @param distortion      the lens distortion, OpenCV's model and coefficients; absent without one
     */
    public record Intrinsics(double[][] k, double fx, double fy, double cx, double cy, String pixelConvention,
            @JsonInclude(JsonInclude.Include.NON_NULL) Distortion distortion) {
    }

    /**
     * A lens distortion as OpenCV's functions take it: a camera point's normalised coordinates (X/Z, Y/Z)
     * are distorted by {@code model} with {@code coefficients}, then K maps them to pixels. The image and
     * every label of the frame are distorted by it (labels are the distorted projections).
     *
     * @param model        {@code brown-conrady} ({@code cv::projectPoints}) or {@code kannala-brandt}
     *                     ({@code cv::fisheye::projectPoints})
     * @param coefficients in OpenCV's order: {@code [k1, k2, p1, p2, k3]} (distCoeffs) or {@code [k1, k2, k3, k4]} (D)
     * @param names        the coefficients' names in that order
     */
    public record Distortion(String model, double[] coefficients, List<String> names) {
        static Distortion of(LensDistortion lens) {
            return new Distortion(lens.model(), lens.opencvCoefficients(),
                    lens.isFisheye() ? List.of("k1", "k2", "k3", "k4") : List.of("k1", "k2", "p1", "p2", "k3"));
        }
    }

    /**
     * @param rotation      R, row-major 3x3
     * @param translation   t, metres
     * @param worldToCamera [R | t; 0 0 0 1], row-major 4x4
     * @param cameraFrame   the camera axes' convention
     */
    public record Extrinsics(double[][] rotation, double[] translation, double[][] worldToCamera, String cameraFrame) {
    }

    /**
     * @param assembledAt    when meta.json was produced, ISO-8601 UTC
     * @param assemblyMillis time spent decoding, summing and writing the frame, milliseconds
     */
    public record Timings(String assembledAt, long assemblyMillis) {
    }

    /**
     * @param name  the file name within the frame directory
     * @param bytes its size, bytes
     */
    public record FrameFile(String name, long bytes) {
    }

    static final String PIXEL_CONVENTION = "pixel (u, v) covers [u, u+1) x [v, v+1), centre (u + 0.5, v + 0.5), "
            + "origin top-left, u right, v down; OpenCV's integer-centre convention uses cx - 0.5, cy - 0.5";
    static final String CAMERA_FRAME = "OpenCV: x right, y down, z forward; X_cam = R X_world + t; "
            + "world right-handed, y up, metres";

    static Intrinsics intrinsicsOf(PinholeCalibration c) {
        return new Intrinsics(c.k(), c.fx(), c.fy(), c.cx(), c.cy(), PIXEL_CONVENTION,
                c.lens() == null ? null : Distortion.of(c.lens()));
    }

    static Extrinsics extrinsicsOf(PinholeCalibration c) {
        return new Extrinsics(c.rotation(), c.translation(), c.worldToCamera(), CAMERA_FRAME);
    }
}
