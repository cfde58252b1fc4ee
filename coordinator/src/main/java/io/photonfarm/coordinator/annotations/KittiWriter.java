package io.photonfarm.coordinator.annotations;

import io.photonfarm.api.job.AnnotationFormat;
import io.photonfarm.labels.Box2d;
import io.photonfarm.labels.ObjectAnnotation;
import java.io.IOException;
import java.nio.charset.StandardCharsets;
import java.nio.file.Path;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import java.util.TreeMap;

/**
 * KITTI object labels: {@code annotations/kitti/label_2/NNNNNN.txt} and {@code calib/NNNNNN.txt}
 * (the image is {@code frames/NNNNNN/rgb.png}), from each frame's {@code kitti_label.txt} and
 * {@code kitti_calib.txt}. One line per object with at least one visible pixel:
 * {@code type truncated occluded alpha left top right bottom h w l x y z rotation_y}.
 *
 * <ul>
 *   <li>KITTI's camera frame is OpenCV's (x right, y down, z forward), metres, as ours;</li>
 *   <li>type = class name with whitespace replaced by '_';</li>
 *   <li>truncated = 1 - area(amodal box clipped to the image) / area(amodal box unclipped); 1 when part
 *       of the object is behind the camera;</li>
 *   <li>occluded from the visible fraction f = visible / unoccluded pixels: 0 if f >= 0.9, 1 if
 *       0.5 <= f < 0.9, 2 if f < 0.5; 3 (unknown) is never written;</li>
 *   <li>bbox = the tight box of the visible pixels, continuous coordinates (right = last column + 1);</li>
 *   <li>the object box: length l along the object's x axis, height h along its y axis (up), width w
 *       along its z axis, from the mesh bounds times the instance scale; location = the centre of the
 *       box's bottom face (object y at its minimum) in the camera frame; rotation_y = the angle about
 *       camera y taking camera x to the object's x axis projected on the camera x-z plane
 *       (atan2(-d_z, d_x)); exact for an upright object seen by a level camera (object y = camera -y),
 *       an approximation otherwise; alpha = rotation_y - atan2(x, z), both wrapped to [-pi, pi];</li>
 *   <li>calib: P0..P3 = [K | 0] (one camera, continuous pixel coordinates), R0_rect = identity, and
 *       identity Tr_velo_to_cam and Tr_imu_to_velo (no lidar; there so KITTI readers parse the file).</li>
 * </ul>
 */
final class KittiWriter implements DatasetWriter {
    static final String LABEL_FILE = "kitti_label.txt";
    static final String CALIB_FILE = "kitti_calib.txt";
    /** Visible fractions at or above this are KITTI "fully visible" (0). */
    static final double FULLY_VISIBLE = 0.9;
    /** Visible fractions at or above this (and below {@link #FULLY_VISIBLE}) are "partly occluded" (1); below, 2. */
    static final double PARTLY_OCCLUDED = 0.5;

    @Override
    public AnnotationFormat format() {
        return AnnotationFormat.KITTI;
    }

    @Override
    public List<String> writeFrame(LabelledFrame f, Path frameDir) throws IOException {
        StringBuilder labels = new StringBuilder();
        for (int i = 0; i < f.objects().size(); i++) {
            ObjectAnnotation o = f.objects().get(i);
            if (o.visiblePixels() > 0) {
                line(labels, o, f.tightBox(i));
            }
        }
        AnnotationFiles.write(frameDir.resolve(LABEL_FILE), labels.toString().getBytes(StandardCharsets.UTF_8));
        AnnotationFiles.write(frameDir.resolve(CALIB_FILE), calib(f).getBytes(StandardCharsets.US_ASCII));
        return List.of(LABEL_FILE, CALIB_FILE);
    }

    static String type(String category) {
        return category.strip().replaceAll("\\s+", "_");
    }

    static double truncated(ObjectAnnotation o) {
        Box2d all = o.amodalBoxUnclipped();
        Box2d in = o.amodalBox();
        if (all == null) {
            return 1;
        }
        double area = all.width() * all.height();
        if (in == null || !(area > 0)) {
            return in == null ? 1 : 0;
        }
        return Math.min(1, Math.max(0, 1 - in.width() * in.height() / area));
    }

    static int occluded(double visibleFraction) {
        return visibleFraction >= FULLY_VISIBLE ? 0 : visibleFraction >= PARTLY_OCCLUDED ? 1 : 2;
    }

    private static void line(StringBuilder sb, ObjectAnnotation o, Box2d box) {
        double[] lo = o.boundsMin();
        double[] hi = o.boundsMax();
        double[] s = o.scale();
        double l = (hi[0] - lo[0]) * s[0];
        double h = (hi[1] - lo[1]) * s[1];
        double w = (hi[2] - lo[2]) * s[2];
        double[] bottom = PoseMath.toCamera(o, new double[] {(lo[0] + hi[0]) / 2, lo[1], (lo[2] + hi[2]) / 2});
        double[] heading = PoseMath.axis(o, 0);
        double ry = PoseMath.wrap(Math.atan2(-heading[2], heading[0]));
        double alpha = PoseMath.wrap(ry - Math.atan2(bottom[0], bottom[2]));
        sb.append(type(o.category()));
        append(sb, truncated(o));
        sb.append(' ').append(occluded(CocoWriter.visibFract(o)));
        for (double v : new double[] {alpha, box.xMin(), box.yMin(), box.xMax(), box.yMax(), h, w, l,
                bottom[0], bottom[1], bottom[2], ry}) {
            append(sb, v);
        }
        sb.append('\n');
    }

    private static void append(StringBuilder sb, double v) {
        sb.append(' ').append(String.format(Locale.ROOT, "%.6f", v == 0 ? 0.0 : v)); // no "-0.000000"
    }

    private static String calib(LabelledFrame f) {
        double[][] k = f.input().calibration().k();
        double[] p = {k[0][0], k[0][1], k[0][2], 0, k[1][0], k[1][1], k[1][2], 0, k[2][0], k[2][1], k[2][2], 0};
        double[] identity3x4 = {1, 0, 0, 0, 0, 1, 0, 0, 0, 0, 1, 0};
        StringBuilder sb = new StringBuilder();
        for (int cam = 0; cam < 4; cam++) {
            row(sb, "P" + cam, p);
        }
        row(sb, "R0_rect", new double[] {1, 0, 0, 0, 1, 0, 0, 0, 1});
        row(sb, "Tr_velo_to_cam", identity3x4);
        row(sb, "Tr_imu_to_velo", identity3x4);
        return sb.toString();
    }

    private static void row(StringBuilder sb, String key, double[] values) {
        sb.append(key).append(':');
        for (double v : values) {
            sb.append(' ').append(String.format(Locale.ROOT, "%.12e", v));
        }
        sb.append('\n');
    }

    @Override
    public FormatReport finishJob(List<WrittenFrame> frames, Path annotationsDir) throws IOException {
        WrittenFrame.Split labels = WrittenFrame.byFile(frames, LABEL_FILE);
        Map<String, Path> labelFiles = new TreeMap<>();
        Map<String, Path> calibFiles = new TreeMap<>();
        for (WrittenFrame w : labels.with()) {
            labelFiles.put(w.name() + ".txt", w.dir().resolve(LABEL_FILE));
            calibFiles.put(w.name() + ".txt", w.dir().resolve(CALIB_FILE));
        }
        AnnotationFiles.mirror(annotationsDir.resolve("kitti/label_2"), labelFiles);
        AnnotationFiles.mirror(annotationsDir.resolve("kitti/calib"), calibFiles);
        return new FormatReport(format(), labels.with().size(), labels.without(),
                List.of("annotations/kitti/label_2/", "annotations/kitti/calib/"));
    }

    @Override
    public Map<String, String> conventions() {
        Map<String, String> c = new LinkedHashMap<>();
        c.put("files", "annotations/kitti/label_2/NNNNNN.txt and calib/NNNNNN.txt; the image is frames/NNNNNN/rgb.png. "
                + "Per frame: frames/NNNNNN/kitti_label.txt, kitti_calib.txt");
        c.put("camera_frame", "KITTI's camera frame is OpenCV's: x right, y down, z forward, metres");
        c.put("objects", "one line per object with at least one visible pixel; type = class name, whitespace -> '_'");
        c.put("truncated", "1 - area(amodal box clipped) / area(amodal box unclipped); 1 when part of the object is "
                + "behind the camera");
        c.put("occluded", "from f = visible / unoccluded pixels: 0 if f >= " + FULLY_VISIBLE + ", 1 if "
                + PARTLY_OCCLUDED + " <= f < " + FULLY_VISIBLE + ", 2 if f < " + PARTLY_OCCLUDED + "; 3 never");
        c.put("bbox", "left top right bottom of the tight box of visible pixels, continuous coordinates "
                + "(right = last column + 1)");
        c.put("dimensions", "h w l metres: h along the object's y axis (up), w along its z axis, l along its x axis, "
                + "mesh bounds times instance scale");
        c.put("location", "centre of the box's bottom face (object y minimum) in the camera frame, metres");
        c.put("rotation_y", "atan2(-d_z, d_x) for d = the object's x axis in the camera frame: the yaw about camera y; "
                + "exact when the object is upright and the camera level, an approximation otherwise");
        c.put("alpha", "rotation_y - atan2(x, z) of the location, wrapped to [-pi, pi]");
        c.put("calib", "P0..P3 = [K | 0] (one camera; K in continuous pixel coordinates, OpenCV integer-centre tools "
                + "subtract 0.5 from cx and cy); R0_rect identity; Tr_velo_to_cam, Tr_imu_to_velo identity placeholders "
                + "(no lidar)");
        return c;
    }
}
