package io.photonfarm.coordinator.annotations;

import com.fasterxml.jackson.databind.ObjectMapper;
import com.fasterxml.jackson.databind.PropertyNamingStrategies;
import com.fasterxml.jackson.databind.SerializationFeature;
import io.photonfarm.image.AtomicWrites;
import io.photonfarm.labels.annotate.LandmarkTolerance;
import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.LinkedHashMap;
import java.util.Map;

/**
 * The dataset's {@code conventions.json} (at the job root): every convention a reader needs to use
 * the frames' passes and the annotation files without guessing. Serialised with snake_case names;
 * {@link #read} gives it back.
 *
 * @param formatVersion     this structure's version, {@link #FORMAT_VERSION}
 * @param imageCoordinates  how (u, v) maps to pixels
 * @param cameraFrame       the camera axes and extrinsics
 * @param worldFrame        the world axes and unit
 * @param intrinsics        how K reads
 * @param lensDistortion    how a frame's lens distortion is given and applied
 * @param depth             depth passes
 * @param normals           normal passes
 * @param ids               id passes' values
 * @param coverage          the coverage pass
 * @param opticalFlow       the forward optical flow pass of recipe sequences
 * @param passFormats       file formats of float and id passes
 * @param landmarks         how landmark visibility is decided
 * @param boxes             2D and 3D box conventions
 * @param annotationFormats per annotation format written by this job (coco, bop, kitti, yolo): its files,
 *                          conventions and quirks
 */
public record Conventions(int formatVersion, String imageCoordinates, String cameraFrame, String worldFrame,
        String intrinsics, String lensDistortion, Depth depth, Normals normals, Ids ids, String coverage, String opticalFlow, PassFormats passFormats,
        LandmarkRule landmarks, Boxes boxes, Map<String, Map<String, String>> annotationFormats) {

    /** The version of this structure written today. */
    public static final int FORMAT_VERSION = 1;
    /** The file name, in the job directory. */
    public static final String FILE = "conventions.json";

    /**
     * @param depthZ          the depth_z pass
     * @param range           the range pass
     * @param backgroundFloat the background's value in float files
     * @param background16Bit the background's value in 16-bit integer encodings
     */
    public record Depth(String depthZ, String range, String backgroundFloat, String background16Bit) {
    }

    /**
     * @param unit      length
     * @param frames    the frames normals are given in
     * @param shading   the shading normal pass
     * @param geometric the geometric normal pass
     */
    public record Normals(String unit, String frames, String shading, String geometric) {
    }

    /**
     * @param background the background id
     * @param instance   instance ids
     * @param semantic   semantic class ids
     * @param material   material ids
     */
    public record Ids(String background, String instance, String semantic, String material) {
    }

    /**
     * @param floatPasses float passes' files
     * @param idPasses    id passes' files
     */
    public record PassFormats(String floatPasses, String idPasses) {
    }

    /**
     * @param rule            how a landmark's visibility is decided
     * @param toleranceMetres   the absolute part of the tolerance, metres
     * @param relativeTolerance the part of the tolerance proportional to the landmark distance
     * @param states          each state's meaning and its COCO/YOLO v
     */
    public record LandmarkRule(String rule, double toleranceMetres, double relativeTolerance, Map<String, String> states) {
    }

    /**
     * @param format          how a 2D box is written
     * @param tight           the tight box
     * @param amodal          the amodal box
     * @param amodalUnclipped the unclipped amodal box
     * @param box3d           the 3D box
     */
    public record Boxes(String format, String tight, String amodal, String amodalUnclipped, String box3d) {
    }

    /**
     * The conventions of this farm's datasets.
     *
     * @param landmarkToleranceMetres the landmark visibility tolerance the job's labels used, metres
     * @param annotationFormats       each written format's own conventions, by format id
     */
    public static Conventions of(double landmarkToleranceMetres, Map<String, Map<String, String>> annotationFormats) {
        if (!(landmarkToleranceMetres >= 0) || Double.isInfinite(landmarkToleranceMetres)) {
            throw new IllegalArgumentException("landmark tolerance " + landmarkToleranceMetres + " m must be finite and >= 0");
        }
        Map<String, String> states = new LinkedHashMap<>();
        states.put("VISIBLE", "in the image and the first surface on the ray is at the landmark (v = 2)");
        states.put("OCCLUDED", "in the image, another object is hit first (v = 1)");
        states.put("SELF_OCCLUDED", "in the image, its own object is hit first: it is on the far side (v = 1)");
        states.put("OUT_OF_FRAME", "behind the camera or projecting outside the image (v = 0, x = y = 0)");
        return new Conventions(FORMAT_VERSION,
                "continuous: pixel (u, v) covers [u, u+1) x [v, v+1), its centre is (u + 0.5, v + 0.5); origin at "
                        + "the top-left corner of the image, u right, v down. Every box, keypoint and projection in "
                        + "this dataset uses these coordinates; labels come from the ray through the pixel centre",
                "OpenCV: x right, y down, z forward (along the optical axis), metres. Extrinsics world -> camera: "
                        + "X_cam = R X_world + t (meta.json)",
                "right-handed, y up, metres",
                "K = [[fx, 0, cx], [0, fy, cy], [0, 0, 1]], pixels, in continuous coordinates: a camera point "
                        + "projects to (fx X/Z + cx, fy Y/Z + cy); a centred camera has cx = width / 2, cy = height / 2. "
                        + "OpenCV's integer-centre convention uses cx - 0.5, cy - 0.5",
                "a job with camera.lens renders through that lens: meta.json's intrinsics.distortion gives OpenCV's "
                        + "model (brown-conrady: cv::projectPoints, coefficients [k1, k2, p1, p2, k3]; kannala-brandt: "
                        + "cv::fisheye::projectPoints, coefficients [k1, k2, k3, k4]) applied to the normalised "
                        + "coordinates (X/Z, Y/Z) before K. The distortion is applied in ray generation: the image "
                        + "and every pass come from the same distorted rays through the pixel centres, and every "
                        + "landmark, projection and box is the distorted projection; no frame is resampled. Amodal "
                        + "boxes bound the distorted vertices and edges (straight edges image as curves; each is "
                        + "subdivided until straight to 1e-3 px); where part of the object is behind the camera the "
                        + "amodal box is the box of its silhouette's pixels. K is "
                        + "the undistorted pinhole's (with the continuous-pixel principal point above). Absent: no "
                        + "distortion. Formats without a distortion field (BOP cam_K, KITTI, YOLO) describe the "
                        + "distorted images with K alone; use meta.json's distortion to undistort",
                new Depth("depth_z: distance along the optical axis (camera z) to the first surface hit by the "
                        + "pixel-centre ray, metres",
                        "range: distance from the camera centre to that surface along the ray, metres",
                        "+inf where the ray hits nothing (float files: EXR, .npy)",
                        "0 where the ray hits nothing (16-bit integer encodings)"),
                new Normals("unit vectors", "each normal pass exists in the camera frame (OpenCV) and in the world frame",
                        "shading normal: the interpolated normal the renderer shades with",
                        "geometric normal: the normal of the triangle hit"),
                new Ids("0 in every id pass (no surface, or not labelled)",
                        "instance id = scene instance index + 1",
                        "semantic class id = 1 + the index of the class name in the sorted list of the scene's class "
                                + "names (stable across the job); 0 = background and scenery (instances without a class)",
                        "material id = material index + 1"),
                "per pixel, the fraction of its RGB samples whose first hit is the same instance as the pixel-centre "
                        + "label (the instance pass); 1 inside objects, lower along edges and under motion blur or "
                        + "depth of field",
                "flow_forward.exr (recipe sequences with sequence.opticalFlow), 2 float channels R = du, G = dv, pixels: "
                        + "for frame k with a successor k + 1 in its sequence, flow at pixel (u, v) = (x', y') - (u + 0.5, "
                        + "v + 0.5), where (x', y') is where the surface point seen through the pixel centre in frame k "
                        + "projects in frame k + 1's image (its camera, lens distortion included), the point following "
                        + "its own object's motion from frame k to frame k + 1 (both at their label times). Pixels that "
                        + "see no surface: the flow of their direction at infinity (camera rotation only). NaN where the "
                        + "point is at or behind frame k + 1's camera plane or its lens images it nowhere. Full flow: "
                        + "points occluded in frame k + 1 have flow too, and no occlusion mask is written. The last frame "
                        + "of a sequence (or of the job) has no flow file; meta.json's opticalFlow gives the file and the "
                        + "frame it flows into (file, toFrame) or why there is none (reason)",
                new PassFormats("lossless 32-bit float OpenEXR, one file per pass, single- or multi-channel; channel "
                        + "names are in the file header (never min-max scaled)",
                        "16-bit greyscale PNG, or 32-bit little-endian .npy when an id exceeds 65535 (never scaled)"),
                new LandmarkRule("a ray from the camera centre to the landmark, at distance d: the landmark is VISIBLE "
                        + "when the first surface the ray meets is no nearer than d - max(relative_tolerance * d, "
                        + "tolerance_metres); otherwise OCCLUDED or SELF_OCCLUDED by which instance is hit first",
                        landmarkToleranceMetres, LandmarkTolerance.DEFAULT.relative(), states),
                new Boxes("2D boxes [x, y, w, h] (COCO, BOP) or [left, top, right, bottom] (KITTI) in continuous "
                        + "coordinates: the box of pixels u0..u1 x v0..v1 is [u0, v0, u1 + 1 - u0, v1 + 1 - v0]",
                        "tight: the box of the visible pixels (instance pass)",
                        "amodal: the box of the whole object's projection (its unoccluded silhouette), clipped to the image",
                        "amodal unclipped: the same box not clipped; undefined when part of the object is behind "
                                + "the camera",
                        "the 8 corners of the object's mesh bounds (times the instance scale) in the camera frame; "
                                + "corner k takes x from max if bit 0 of k is set, y if bit 1, z if bit 2"),
                Map.copyOf(annotationFormats));
    }

    private static ObjectMapper mapper() {
        return new ObjectMapper().setPropertyNamingStrategy(PropertyNamingStrategies.SNAKE_CASE)
                .enable(SerializationFeature.INDENT_OUTPUT)
                .enable(SerializationFeature.ORDER_MAP_ENTRIES_BY_KEYS);
    }

    /** Writes {@code jobDir/conventions.json} atomically and durably. Writing it again gives equal bytes. */
    public void write(Path jobDir) throws IOException {
        Files.createDirectories(jobDir);
        AtomicWrites.write(jobDir.resolve(FILE), mapper().writeValueAsBytes(this));
        AtomicWrites.forceDirectory(jobDir);
    }

    /** Reads a {@code conventions.json}. */
    public static Conventions read(Path file) throws IOException {
        return mapper().readValue(file.toFile(), Conventions.class);
    }
}
