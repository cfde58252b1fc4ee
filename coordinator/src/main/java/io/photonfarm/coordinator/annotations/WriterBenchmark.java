package io.photonfarm.coordinator.annotations;

import io.photonfarm.api.job.AnnotationFormat;
import io.photonfarm.coordinator.dataset.DatasetLayout;
import io.photonfarm.labels.Box2d;
import io.photonfarm.labels.FrameObjects;
import io.photonfarm.labels.LandmarkAnnotation;
import io.photonfarm.labels.LandmarkVisibility;
import io.photonfarm.labels.ObjectAnnotation;
import io.photonfarm.labels.PinholeCalibration;
import io.photonfarm.labels.RegionMask;
import io.photonfarm.labels.SceneLabels;
import io.photonfarm.scene.Landmarks;
import java.io.IOException;
import java.io.PrintWriter;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.BitSet;
import java.util.Collection;
import java.util.Comparator;
import java.util.List;
import java.util.Map;
import java.util.SplittableRandom;
import java.util.TreeMap;
import java.util.stream.Stream;

/**
 * Measures the annotation writers on synthetic frames: overlapping elliptical objects (later ones in
 * front) on a floor, each with a consistent annotation, pose, unoccluded silhouette and 8 keypoints
 * over 5 classes. Times {@link AnnotationWriters#writeFrame} for every frame (after 10 untimed warm-up
 * frames) and then one {@link AnnotationWriters#finishJob}, writing to a directory on disk with the
 * writers' real atomic, forced writes, so the figure includes the file system's sync cost.
 */
public final class WriterBenchmark {
    private static final int WARM_UP = 10;
    private static final int DISTINCT_FRAMES = 4;
    private static final int CLASSES = 5;
    private static final int KEYPOINTS = 8;

    /**
     * @param width            image width, pixels
     * @param height           image height, pixels
     * @param objects          objects per frame
     * @param frames           timed frames
     * @param framesPerSecond  frames written per second by writeFrame (all formats asked for)
     * @param bytesPerFrame    bytes of writer files per frame
     * @param finishSeconds    one finishJob over all frames, seconds
     */
    public record Result(int width, int height, int objects, int frames, double framesPerSecond, long bytesPerFrame,
            double finishSeconds) {
    }

    private WriterBenchmark() {
    }

    /**
     * All four writers on {@code frames} synthetic frames in a temporary directory (deleted afterwards).
     *
     * @return frames per second of writeFrame
     */
    public static double run(int width, int height, int objects, int frames) throws IOException {
        Path dir = Files.createTempDirectory("photonfarm-writer-bench");
        try {
            return run(width, height, objects, frames, List.of(AnnotationFormat.values()), dir).framesPerSecond();
        } finally {
            deleteTree(dir);
        }
    }

    /** The given formats on {@code frames} synthetic frames written under {@code jobDir} (left there). */
    public static Result run(int width, int height, int objects, int frames, Collection<AnnotationFormat> formats,
            Path jobDir) throws IOException {
        if (width < 64 || height < 64 || objects < 1 || frames < 1) {
            throw new IllegalArgumentException("writer benchmark: needs an image of at least 64x64, >= 1 object and >= 1 frame");
        }
        AnnotationWriters writers = new AnnotationWriters(formats, 0.001);
        List<FrameLabels> distinct = new ArrayList<>();
        for (int i = 0; i < DISTINCT_FRAMES; i++) {
            distinct.add(frame(i, width, height, objects, new SplittableRandom(1000L + i)));
        }
        for (int i = 0; i < WARM_UP; i++) {
            writeOne(writers, jobDir, frames + i, distinct.get(i % DISTINCT_FRAMES));
        }
        long bytes = 0;
        long nanos = 0;
        for (int f = 0; f < frames; f++) {
            FrameLabels base = distinct.get(f % DISTINCT_FRAMES);
            long t0 = System.nanoTime();
            List<String> names = writeOne(writers, jobDir, f, base);
            nanos += System.nanoTime() - t0;
            Path dir = jobDir.resolve(DatasetLayout.FRAMES).resolve(DatasetLayout.frameDirName(f));
            for (String n : names) {
                bytes += Files.size(dir.resolve(n));
            }
        }
        long t0 = System.nanoTime();
        writers.finishJob(jobDir);
        double finish = (System.nanoTime() - t0) / 1e9;
        return new Result(width, height, objects, frames, frames / (nanos / 1e9), bytes / frames, finish);
    }

    private static List<String> writeOne(AnnotationWriters writers, Path jobDir, int frame, FrameLabels base)
            throws IOException {
        FrameLabels in = new FrameLabels(frame, base.width(), base.height(), base.calibration(), base.labels(),
                base.instancePass(), base.objects(), base.keypoints());
        Path dir = jobDir.resolve(DatasetLayout.FRAMES).resolve(DatasetLayout.frameDirName(frame));
        List<String> names = writers.writeFrame(in, dir);
        Files.writeString(dir.resolve(DatasetLayout.META_JSON), "{\"files\":[]}", StandardCharsets.UTF_8);
        return names;
    }

    /** A synthetic frame: a floor (scenery) on the bottom fifth, then ellipses painted back to front. */
    static FrameLabels frame(int index, int w, int h, int objects, SplittableRandom rnd) {
        double f = 0.5 * h / Math.tan(Math.toRadians(25));
        PinholeCalibration cal = new PinholeCalibration(f, f, w / 2.0, h / 2.0,
                new double[][] {{1, 0, 0}, {0, 1, 0}, {0, 0, 1}}, new double[] {0, 0, 0});
        List<String> classes = new ArrayList<>();
        for (int c = 1; c <= CLASSES; c++) {
            classes.add("class_" + c);
        }
        List<String> keypointNames = new ArrayList<>();
        List<Landmarks.Bone> skeleton = new ArrayList<>();
        for (int k = 0; k < KEYPOINTS; k++) {
            keypointNames.add("kp" + k);
            if (k > 0) {
                skeleton.add(new Landmarks.Bone(k - 1, k));
            }
        }
        KeypointSchema schema = new KeypointSchema(keypointNames, skeleton);
        Map<String, KeypointSchema> schemas = new TreeMap<>();
        classes.forEach(c -> schemas.put(c, schema));
        int[] pass = new int[w * h];
        for (int i = (h - h / 5) * w; i < pass.length; i++) {
            pass[i] = 1;
        }
        double[][] ellipses = new double[objects][];
        for (int i = 0; i < objects; i++) {
            double rx = w * (0.03 + 0.1 * rnd.nextDouble());
            double ry = h * (0.05 + 0.15 * rnd.nextDouble());
            double cx = -0.05 * w + 1.1 * w * rnd.nextDouble();
            double cy = 0.1 * h + 0.7 * h * rnd.nextDouble();
            ellipses[i] = new double[] {cx, cy, rx, ry};
            paint(pass, w, h, ellipses[i], i + 2);
        }
        int[] instanceClass = new int[objects + 2];
        List<String> instanceNames = new ArrayList<>(List.of("background", "floor_1"));
        List<ObjectAnnotation> annotations = new ArrayList<>();
        List<RegionMask> masks = new ArrayList<>();
        for (int i = 0; i < objects; i++) {
            int id = i + 2;
            int cls = 1 + i % CLASSES;
            instanceClass[id] = cls;
            instanceNames.add("object_" + id);
            double[] e = ellipses[i];
            int x0 = (int) Math.floor(e[0] - e[2]);
            int y0 = (int) Math.floor(e[1] - e[3]);
            int rw = (int) Math.ceil(e[0] + e[2]) - x0 + 1;
            int rh = (int) Math.ceil(e[1] + e[3]) - y0 + 1;
            BitSet bits = new BitSet(rw * rh);
            int unoccluded = 0;
            int visible = 0;
            int[] box = {Integer.MAX_VALUE, Integer.MAX_VALUE, -1, -1};
            for (int j = 0; j < rh; j++) {
                for (int k = 0; k < rw; k++) {
                    int u = x0 + k;
                    int v = y0 + j;
                    if (inside(e, u, v)) {
                        bits.set(j * rw + k);
                        if (u >= 0 && v >= 0 && u < w && v < h) {
                            unoccluded++;
                            if (pass[v * w + u] == id) {
                                visible++;
                                box[0] = Math.min(box[0], u);
                                box[1] = Math.min(box[1], v);
                                box[2] = Math.max(box[2], u + 1);
                                box[3] = Math.max(box[3], v + 1);
                            }
                        }
                    }
                }
            }
            if (unoccluded == 0) {
                continue;
            }
            // An upright box whose projection is about the ellipse's: depth z, size from the radii.
            double z = 3 + 5 * rnd.nextDouble();
            double yaw = Math.PI * (2 * rnd.nextDouble() - 1);
            double c = Math.cos(yaw);
            double s = Math.sin(yaw);
            double[][] r = {{c, 0, -s}, {0, -1, 0}, {-s, 0, -c}}; // rotY(yaw) rotX(pi)
            double[] t = {(e[0] - cal.cx()) * z / f, (e[1] - cal.cy()) * z / f, z};
            double hx = e[2] * z / f * 0.7;
            double hy = e[3] * z / f;
            double[] lo = {-hx, -hy, -hx};
            double[] hi = {hx, hy, hx};
            double[] scale = {1, 1, 1};
            double[][] corners = new double[8][];
            double[] proj = {Double.MAX_VALUE, Double.MAX_VALUE, -Double.MAX_VALUE, -Double.MAX_VALUE};
            for (int k = 0; k < 8; k++) {
                double[] p = {(k & 1) != 0 ? hi[0] : lo[0], (k & 2) != 0 ? hi[1] : lo[1], (k & 4) != 0 ? hi[2] : lo[2]};
                corners[k] = new double[3];
                for (int a = 0; a < 3; a++) {
                    corners[k][a] = r[a][0] * p[0] + r[a][1] * p[1] + r[a][2] * p[2] + t[a];
                }
                double u = f * corners[k][0] / corners[k][2] + cal.cx();
                double v = f * corners[k][1] / corners[k][2] + cal.cy();
                proj = new double[] {Math.min(proj[0], u), Math.min(proj[1], v), Math.max(proj[2], u), Math.max(proj[3], v)};
            }
            Box2d unclipped = new Box2d(proj[0], proj[1], proj[2], proj[3]);
            List<LandmarkAnnotation> landmarks = new ArrayList<>();
            for (int k = 0; k < KEYPOINTS; k++) {
                double u = e[0] + e[2] * (rnd.nextDouble() - 0.5);
                double v = e[1] + e[3] * (rnd.nextDouble() - 0.5);
                boolean in = u >= 0 && v >= 0 && u < w && v < h;
                LandmarkVisibility vis = !in ? LandmarkVisibility.OUT_OF_FRAME
                        : pass[(int) v * w + (int) u] == id ? LandmarkVisibility.VISIBLE : LandmarkVisibility.OCCLUDED;
                landmarks.add(new LandmarkAnnotation("kp" + k, new double[] {(u - cal.cx()) * z / f, (v - cal.cy()) * z / f, z},
                        new double[] {u, v}, vis));
            }
            annotations.add(new ObjectAnnotation(id, "object_" + id, classes.get(cls - 1), cls, r, t, scale, lo, hi,
                    corners, visible == 0 ? null : new Box2d(box[0], box[1], box[2], box[3]), unclipped.clip(w, h),
                    unclipped, visible, unoccluded, (double) visible / unoccluded, landmarks));
            masks.add(new RegionMask(x0, y0, rw, rh, bits));
        }
        SceneLabels labels = new SceneLabels(classes, instanceClass, instanceNames, List.of("background", "paint"));
        return new FrameLabels(index, w, h, cal, labels, pass, new FrameObjects(annotations, masks), schemas);
    }

    private static boolean inside(double[] e, int u, int v) {
        double dx = (u + 0.5 - e[0]) / e[2];
        double dy = (v + 0.5 - e[1]) / e[3];
        return dx * dx + dy * dy <= 1;
    }

    private static void paint(int[] pass, int w, int h, double[] e, int id) {
        int y0 = Math.max(0, (int) Math.floor(e[1] - e[3]));
        int y1 = Math.min(h, (int) Math.ceil(e[1] + e[3]) + 1);
        int x0 = Math.max(0, (int) Math.floor(e[0] - e[2]));
        int x1 = Math.min(w, (int) Math.ceil(e[0] + e[2]) + 1);
        for (int v = y0; v < y1; v++) {
            for (int u = x0; u < x1; u++) {
                if (inside(e, u, v)) {
                    pass[v * w + u] = id;
                }
            }
        }
    }

    /**
     * {@code WriterBenchmark [width height objects frames [jobDir]]}: defaults 1920 1080 10 30, in a
     * temporary directory. Prints all formats together, then each alone.
     */
    public static void main(String[] args) throws IOException {
        int width = args.length > 0 ? Integer.parseInt(args[0]) : 1920;
        int height = args.length > 1 ? Integer.parseInt(args[1]) : 1080;
        int objects = args.length > 2 ? Integer.parseInt(args[2]) : 10;
        int frames = args.length > 3 ? Integer.parseInt(args[3]) : 30;
        Path base = args.length > 4 ? Path.of(args[4]) : Files.createTempDirectory("photonfarm-writer-bench");
        PrintWriter out = new PrintWriter(System.out, true, StandardCharsets.UTF_8);
        Runtime rt = Runtime.getRuntime();
        out.printf("annotation writers: %dx%d, %d objects, %d frames; %d cores, Java %s, writing under %s%n", width, height,
                objects, frames, rt.availableProcessors(), System.getProperty("java.version"), base);
        try {
            List<List<AnnotationFormat>> cases = new ArrayList<>();
            cases.add(List.of(AnnotationFormat.values()));
            for (AnnotationFormat f : AnnotationFormat.values()) {
                cases.add(List.of(f));
            }
            for (List<AnnotationFormat> formats : cases) {
                Path job = Files.createTempDirectory(base, "job");
                Result r = run(width, height, objects, frames, formats, job);
                out.printf("%-22s %8.1f frames/s  %7.1f ms/frame  %8.1f KB/frame  finishJob %6.2f s%n",
                        formats.stream().map(AnnotationFormat::wireName).toList(), r.framesPerSecond(),
                        1000 / r.framesPerSecond(), r.bytesPerFrame() / 1000.0, r.finishSeconds());
                deleteTree(job);
            }
        } finally {
            if (args.length <= 4) {
                deleteTree(base);
            }
        }
    }

    private static void deleteTree(Path dir) throws IOException {
        if (!Files.exists(dir)) {
            return;
        }
        try (Stream<Path> s = Files.walk(dir)) {
            for (Path p : s.sorted(Comparator.reverseOrder()).toList()) {
                Files.delete(p);
            }
        }
    }
}
