package io.photonfarm.coordinator.annotations;

import io.photonfarm.api.job.AnnotationFormat;
import com.fasterxml.jackson.annotation.JsonIgnoreProperties;
import com.fasterxml.jackson.databind.ObjectMapper;
import io.photonfarm.labels.Box2d;
import io.photonfarm.labels.ObjectAnnotation;
import java.io.IOException;
import java.io.InputStream;
import java.nio.charset.StandardCharsets;
import java.nio.file.DirectoryNotEmptyException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import java.util.TreeMap;

/**
 * YOLO (Ultralytics) labels: {@code annotations/yolo/labels/NNNNNN.txt} (detection) and, when a class
 * has keypoints, {@code annotations/yolo/labels_pose/NNNNNN.txt} (pose), the image of both being
 * {@code frames/NNNNNN/rgb.png} (listed in {@code annotations/yolo/images.txt} relative to that
 * directory), plus {@code annotations/yolo/data.yaml} (names, nc, kpt_shape). Per frame:
 * {@code yolo.txt}, {@code yolo_pose.txt} and {@code yolo.json} (the class names and keypoint count).
 *
 * <ul>
 *   <li>one line per object with at least one visible pixel; class = semantic class id - 1;</li>
 *   <li>detection: {@code class x_center y_center width height} of the tight box, divided by the
 *       image width (x) and height (y), so in [0, 1];</li>
 *   <li>pose: the same, then {@code px py v} for each of kpt_shape[0] keypoints (the most any class
 *       has; a class's keypoints in its schema order, then "0 0 0" padding), px, py divided by the
 *       image size, v = 2 visible, 1 occluded or self-occluded, 0 out of frame (px = py = 0).</li>
 * </ul>
 */
final class YoloWriter implements DatasetWriter {
    static final String DETECT_FILE = "yolo.txt";
    static final String POSE_FILE = "yolo_pose.txt";
    static final String META_FILE = "yolo.json";

    private final ObjectMapper json;

    YoloWriter(ObjectMapper json) {
        this.json = json;
    }

    /** A frame's {@code yolo.json}: the class names (class k = names[k]) and keypoints per pose line. */
    @JsonIgnoreProperties(ignoreUnknown = true)
    record Meta(List<String> names, int keypoints, Map<String, List<String>> keypointNames) {
    }

    @Override
    public AnnotationFormat format() {
        return AnnotationFormat.YOLO;
    }

    @Override
    public List<String> writeFrame(LabelledFrame f, Path frameDir) throws IOException {
        int kmax = 0;
        Map<String, List<String>> keypointNames = new TreeMap<>();
        for (Map.Entry<String, KeypointSchema> e : f.input().keypoints().entrySet()) {
            kmax = Math.max(kmax, e.getValue().names().size());
            if (!e.getValue().names().isEmpty()) {
                keypointNames.put(e.getKey(), e.getValue().names());
            }
        }
        double w = f.width();
        double h = f.height();
        StringBuilder detect = new StringBuilder();
        StringBuilder pose = new StringBuilder();
        for (int i = 0; i < f.objects().size(); i++) {
            ObjectAnnotation o = f.objects().get(i);
            if (o.visiblePixels() == 0) {
                continue;
            }
            Box2d b = f.tightBox(i);
            StringBuilder line = new StringBuilder();
            line.append(o.categoryId() - 1);
            num(line, (b.xMin() + b.xMax()) / 2 / w);
            num(line, (b.yMin() + b.yMax()) / 2 / h);
            num(line, b.width() / w);
            num(line, b.height() / h);
            detect.append(line).append('\n');
            if (kmax > 0) {
                double[] k = f.keypoints(i);
                int n = k == null ? 0 : k.length / 3;
                for (int j = 0; j < kmax; j++) {
                    int v = j < n ? (int) k[3 * j + 2] : 0;
                    num(line, v == 0 ? 0 : k[3 * j] / w);
                    num(line, v == 0 ? 0 : k[3 * j + 1] / h);
                    line.append(' ').append(v);
                }
                pose.append(line).append('\n');
            }
        }
        List<String> files = new ArrayList<>();
        AnnotationFiles.write(frameDir.resolve(DETECT_FILE), detect.toString().getBytes(StandardCharsets.US_ASCII));
        files.add(DETECT_FILE);
        if (kmax > 0) {
            AnnotationFiles.write(frameDir.resolve(POSE_FILE), pose.toString().getBytes(StandardCharsets.US_ASCII));
            files.add(POSE_FILE);
        }
        Meta meta = new Meta(f.input().labels().classes(), kmax, keypointNames);
        AnnotationFiles.write(frameDir.resolve(META_FILE), json.writeValueAsBytes(meta));
        files.add(META_FILE);
        return files;
    }

    private static void num(StringBuilder sb, double v) {
        // Ten decimals: a coordinate de-normalised by a 16384-pixel side is within 1e-6 pixels.
        sb.append(' ').append(String.format(Locale.ROOT, "%.10f", v));
    }

    @Override
    public FormatReport finishJob(List<WrittenFrame> frames, Path annotationsDir) throws IOException {
        WrittenFrame.Split split = WrittenFrame.byFile(frames, DETECT_FILE);
        Path yolo = annotationsDir.resolve("yolo");
        Map<Integer, String> names = new TreeMap<>();
        Map<String, List<String>> keypointNames = new TreeMap<>();
        int kmax = -1;
        int kmaxFrame = -1;
        Map<String, Path> detect = new TreeMap<>();
        Map<String, Path> pose = new TreeMap<>();
        StringBuilder images = new StringBuilder();
        for (WrittenFrame w : split.with()) {
            Meta meta;
            try (InputStream in = Files.newInputStream(w.dir().resolve(META_FILE))) {
                meta = json.readValue(in, Meta.class);
            }
            for (int k = 0; k < meta.names().size(); k++) {
                String before = names.putIfAbsent(k, meta.names().get(k));
                if (before != null && !before.equals(meta.names().get(k))) {
                    throw new IOException("finishing YOLO: class " + k + " is '" + before + "' in an earlier frame but '"
                            + meta.names().get(k) + "' in frame " + w.frame() + "; class ids must be stable across a job");
                }
            }
            if (kmax >= 0 && meta.keypoints() != kmax) {
                throw new IOException("finishing YOLO: frame " + kmaxFrame + " has " + kmax + " keypoints per pose line "
                        + "but frame " + w.frame() + " has " + meta.keypoints() + "; keypoint lists must be stable");
            }
            kmax = meta.keypoints();
            kmaxFrame = w.frame();
            keypointNames.putAll(meta.keypointNames());
            detect.put(w.name() + ".txt", w.dir().resolve(DETECT_FILE));
            if (kmax > 0) {
                pose.put(w.name() + ".txt", w.dir().resolve(POSE_FILE));
            }
            images.append("../../frames/").append(w.name()).append("/rgb.png\n");
        }
        List<String> files = new ArrayList<>(List.of("annotations/yolo/data.yaml", "annotations/yolo/images.txt",
                "annotations/yolo/labels/"));
        AnnotationFiles.mirror(yolo.resolve("labels"), detect);
        Path poseDir = yolo.resolve("labels_pose");
        if (!pose.isEmpty()) {
            AnnotationFiles.mirror(poseDir, pose);
            files.add("annotations/yolo/labels_pose/");
        } else if (Files.isDirectory(poseDir)) {
            AnnotationFiles.mirror(poseDir, pose); // empties it
            try {
                Files.delete(poseDir);
            } catch (DirectoryNotEmptyException e) {
                // A hidden temporary file of a concurrent write; the empty listing is what matters.
            }
        }
        AnnotationFiles.writeDurably(yolo.resolve("images.txt"), images.toString().getBytes(StandardCharsets.UTF_8));
        AnnotationFiles.writeDurably(yolo.resolve("data.yaml"), dataYaml(names, Math.max(kmax, 0), keypointNames)
                .getBytes(StandardCharsets.UTF_8));
        return new FormatReport(format(), split.with().size(), split.without(), files);
    }

    private String dataYaml(Map<Integer, String> names, int kmax, Map<String, List<String>> keypointNames)
            throws IOException {
        StringBuilder y = new StringBuilder();
        y.append("# PhotonFarm YOLO (Ultralytics) labels; conventions.json at the job root states every convention.\n");
        y.append("# labels/NNNNNN.txt: detection, 'class x_center y_center width height' of the tight box of visible\n");
        y.append("#   pixels, divided by the image width and height; class = semantic class id - 1.\n");
        y.append("# labels_pose/NNNNNN.txt: pose, the same then 'px py v' per keypoint (normalised the same way;\n");
        y.append("#   v 2 visible, 1 occluded or self-occluded, 0 out of frame with px = py = 0), kpt_shape[0] per line.\n");
        y.append("# The image of labels*/NNNNNN.txt is ../../frames/NNNNNN/rgb.png (images.txt lists them, relative to\n");
        y.append("# this directory). Ultralytics finds a label by replacing /images/ with /labels/ in an image path: to\n");
        y.append("# train, put the images (or links to them) at images/NNNNNN.png beside labels/ (for pose, beside\n");
        y.append("# labels_pose/ renamed labels/).\n");
        y.append("train: images\n");
        y.append("val: images\n");
        int nc = names.isEmpty() ? 0 : names.keySet().stream().mapToInt(Integer::intValue).max().getAsInt() + 1;
        y.append("nc: ").append(nc).append('\n');
        y.append("names:\n");
        for (Map.Entry<Integer, String> e : names.entrySet()) {
            y.append("  ").append(e.getKey()).append(": ").append(json.writeValueAsString(e.getValue())).append('\n');
        }
        if (kmax > 0) {
            y.append("kpt_shape: [").append(kmax).append(", 3]\n");
            y.append("# Keypoint names per class, in label order (ours; Ultralytics ignores it).\n");
            y.append("photonfarm_keypoints:\n");
            for (Map.Entry<String, List<String>> e : keypointNames.entrySet()) {
                y.append("  ").append(json.writeValueAsString(e.getKey())).append(": ")
                        .append(json.writeValueAsString(e.getValue())).append('\n');
            }
        }
        return y.toString();
    }

    @Override
    public Map<String, String> conventions() {
        Map<String, String> c = new LinkedHashMap<>();
        c.put("files", "annotations/yolo/data.yaml, images.txt, labels/NNNNNN.txt (detection), labels_pose/NNNNNN.txt "
                + "(pose, when a class has keypoints); the image is frames/NNNNNN/rgb.png. Per frame: "
                + "frames/NNNNNN/yolo.txt, yolo_pose.txt, yolo.json");
        c.put("class", "semantic class id - 1 (names in data.yaml)");
        c.put("box", "x_center y_center width height of the tight box of visible pixels (continuous coordinates), "
                + "divided by image width (x) and height (y)");
        c.put("keypoints", "px py v per keypoint, kpt_shape[0] per line: a class's keypoints in its schema order then "
                + "'0 0 0' padding; px, py continuous coordinates divided by the image size; v 2 visible, 1 occluded or "
                + "self-occluded, 0 out of frame (px = py = 0)");
        c.put("objects", "one line per object with at least one visible pixel");
        c.put("ultralytics", "labels are found by replacing /images/ with /labels/ in image paths: link the frames' "
                + "rgb.png as images/NNNNNN.png beside labels/ to train");
        return c;
    }
}
