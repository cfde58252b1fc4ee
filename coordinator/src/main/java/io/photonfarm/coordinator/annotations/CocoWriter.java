package io.photonfarm.coordinator.annotations;

import io.photonfarm.api.job.AnnotationFormat;
import com.fasterxml.jackson.core.JsonGenerator;
import com.fasterxml.jackson.databind.ObjectMapper;
import io.photonfarm.labels.Box2d;
import io.photonfarm.labels.ObjectAnnotation;
import io.photonfarm.labels.SceneLabels;
import io.photonfarm.scene.Landmarks;
import java.io.IOException;
import java.io.InputStream;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.TreeMap;
import java.util.function.Predicate;

/**
 * COCO: {@code annotations/coco_instances.json} (every class; boxes and segmentation) and
 * {@code annotations/coco_keypoints.json} (the classes with keypoints; the same annotations with
 * keypoints, under the same ids), from each frame's {@code coco.json}.
 *
 * <ul>
 *   <li>image id = frame index + 1 (COCO ids are positive), with the frame index in {@code frame};
 *       {@code file_name} = {@code frames/NNNNNN/rgb.png}, relative to the job directory;</li>
 *   <li>category id = semantic class id, supercategory "object";</li>
 *   <li>one annotation per object with at least one visible pixel; ids from 1 in frame order, then
 *       instance id order; {@code segmentation} = compressed RLE of the visible mask (the instance
 *       pass), {@code area} = its pixel count, {@code bbox} = [x, y, w, h] of the tight box, iscrowd 0;</li>
 *   <li>all image coordinates continuous: pixel (u, v) covers [u, u+1) x [v, v+1), so a box's w is
 *       its number of columns and a keypoint at a pixel's centre is (u + 0.5, v + 0.5);</li>
 *   <li>keypoints [x, y, v] per keypoint of the class's schema: v = 2 visible, 1 occluded or
 *       self-occluded, 0 out of frame (x = y = 0); num_keypoints = count of v > 0; skeleton 1-based;</li>
 *   <li>our fields: instance_id, instance_name, bbox_amodal, bbox_amodal_unclipped ([x, y, w, h] or
 *       absent), visib_fract, px_count_unoccluded, pose {R_m2c row-major, t_m2c metres, scale}.</li>
 * </ul>
 */
final class CocoWriter implements DatasetWriter {
    static final String FRAME_FILE = "coco.json";
    static final String INSTANCES = "coco_instances.json";
    static final String KEYPOINTS = "coco_keypoints.json";

    private final ObjectMapper json;

    CocoWriter(ObjectMapper json) {
        this.json = json;
    }

    @Override
    public AnnotationFormat format() {
        return AnnotationFormat.COCO;
    }

    @Override
    public List<String> writeFrame(LabelledFrame f, Path frameDir) throws IOException {
        CocoModel.Image image = new CocoModel.Image(f.frame() + 1, f.frame(),
                "frames/" + f.frameName() + "/rgb.png", f.width(), f.height());
        List<CocoModel.Annotation> anns = new ArrayList<>();
        for (int i = 0; i < f.objects().size(); i++) {
            ObjectAnnotation o = f.objects().get(i);
            if (o.visiblePixels() == 0) {
                continue; // not a COCO instance
            }
            String counts = CocoRle.compress(CocoRle.counts(f.visible(i)));
            CocoModel.Rle rle = new CocoModel.Rle(List.of(f.height(), f.width()), counts);
            List<Number> keypoints = null;
            Integer visibleKeypoints = null;
            double[] k = f.keypoints(i);
            if (k != null) {
                keypoints = new ArrayList<>(k.length);
                int n = 0;
                for (int j = 0; j < k.length; j += 3) {
                    int v = (int) k[j + 2];
                    keypoints.add(v == 0 ? (Number) 0 : (Number) k[j]);
                    keypoints.add(v == 0 ? (Number) 0 : (Number) k[j + 1]);
                    keypoints.add(v);
                    n += v > 0 ? 1 : 0;
                }
                visibleKeypoints = n;
            }
            CocoModel.Pose pose = new CocoModel.Pose(PoseMath.rowMajor(o.rotation(), 1), o.translation().clone(),
                    o.scale().clone());
            anns.add(new CocoModel.Annotation(null, image.id(), o.categoryId(), rle, o.visiblePixels(),
                    xywh(f.tightBox(i)), 0, keypoints, visibleKeypoints, o.instanceId(), o.name(), xywh(o.amodalBox()),
                    xywh(o.amodalBoxUnclipped()), visibFract(o), o.unoccludedPixels(), pose));
        }
        CocoModel.Frame frame = new CocoModel.Frame(image, categories(f), anns);
        AnnotationFiles.write(frameDir.resolve(FRAME_FILE), json.writeValueAsBytes(frame));
        return List.of(FRAME_FILE);
    }

    static double visibFract(ObjectAnnotation o) {
        return o.unoccludedPixels() == 0 ? 0 : (double) o.visiblePixels() / o.unoccludedPixels();
    }

    private static List<CocoModel.Category> categories(LabelledFrame f) {
        SceneLabels labels = f.input().labels();
        List<CocoModel.Category> out = new ArrayList<>();
        for (int k = 0; k < labels.classes().size(); k++) {
            String name = labels.classes().get(k);
            KeypointSchema s = f.input().keypoints().get(name);
            List<String> names = null;
            List<List<Integer>> skeleton = null;
            if (s != null && !s.names().isEmpty()) {
                names = s.names();
                skeleton = new ArrayList<>();
                for (Landmarks.Bone b : s.skeleton()) {
                    skeleton.add(List.of(b.from() + 1, b.to() + 1));
                }
            }
            out.add(new CocoModel.Category(k + 1, name, "object", names, skeleton));
        }
        return out;
    }

    /** [x, y, w, h] of a box, or null. */
    static double[] xywh(Box2d b) {
        return b == null ? null : new double[] {b.xMin(), b.yMin(), b.width(), b.height()};
    }

    @Override
    public FormatReport finishJob(List<WrittenFrame> frames, Path annotationsDir) throws IOException {
        WrittenFrame.Split split = WrittenFrame.byFile(frames, FRAME_FILE);
        List<WrittenFrame> have = split.with();
        boolean anyKeypoints = writeJobFile(have, annotationsDir.resolve(INSTANCES), a -> true, false);
        List<String> files = new ArrayList<>(List.of("annotations/" + INSTANCES));
        Path keypointsFile = annotationsDir.resolve(KEYPOINTS);
        if (anyKeypoints) {
            writeJobFile(have, keypointsFile, a -> a.keypoints() != null, true);
            files.add("annotations/" + KEYPOINTS);
        } else {
            Files.deleteIfExists(keypointsFile);
        }
        return new FormatReport(format(), have.size(), split.without(), files);
    }

    /**
     * Streams one job-level COCO file. Annotation ids are counted over all annotations of all
     * frames in order, whichever are kept, so both files give an object the same id.
     *
     * @return whether any class has keypoints
     */
    private boolean writeJobFile(List<WrittenFrame> frames, Path target, Predicate<CocoModel.Annotation> keep,
            boolean keypoints) throws IOException {
        boolean[] anyKeypoints = new boolean[1];
        AnnotationFiles.writeDurably(target, out -> {
            JsonGenerator gen = json.getFactory().createGenerator(out);
            gen.disable(JsonGenerator.Feature.AUTO_CLOSE_TARGET);
            gen.writeStartObject();
            gen.writeObjectField("info", new CocoModel.Info(
                    "PhotonFarm synthetic dataset. Image coordinates are continuous: pixel (u, v) covers "
                            + "[u, u+1) x [v, v+1), its centre is (u + 0.5, v + 0.5), origin top-left; bbox and "
                            + "keypoints use these coordinates. See photonfarm_conventions.", "1.0", "PhotonFarm"));
            gen.writeArrayFieldStart("licenses");
            gen.writeEndArray();
            gen.writeObjectField("photonfarm_conventions", conventions());
            List<CocoModel.Image> images = new ArrayList<>();
            Map<Integer, CocoModel.Category> categories = new TreeMap<>();
            Map<Integer, Integer> categorySource = new TreeMap<>();
            long id = 0;
            gen.writeArrayFieldStart("annotations");
            for (WrittenFrame w : frames) {
                CocoModel.Frame frame = read(w);
                images.add(frame.image());
                for (CocoModel.Category c : frame.categories()) {
                    CocoModel.Category before = categories.putIfAbsent(c.id(), c);
                    categorySource.putIfAbsent(c.id(), w.frame());
                    if (before != null && !before.equals(c)) {
                        throw new IOException("writing " + target + ": class id " + c.id() + " is " + before
                                + " in frame " + categorySource.get(c.id()) + " but " + c + " in frame " + w.frame()
                                + "; class ids and keypoint lists must be stable across a job");
                    }
                    anyKeypoints[0] |= c.keypoints() != null;
                }
                for (CocoModel.Annotation a : frame.annotations()) {
                    id++;
                    if (keep.test(a)) {
                        CocoModel.Annotation out1 = a.withId(id);
                        json.writeValue(gen, keypoints ? out1 : out1.withoutKeypoints());
                    }
                }
            }
            gen.writeEndArray();
            gen.writeObjectField("images", images);
            gen.writeObjectField("categories", categories.values().stream()
                    .filter(c -> !keypoints || c.keypoints() != null).toList());
            gen.writeEndObject();
            gen.close();
        });
        return anyKeypoints[0];
    }

    private CocoModel.Frame read(WrittenFrame w) throws IOException {
        try (InputStream in = Files.newInputStream(w.dir().resolve(FRAME_FILE))) {
            return json.readValue(in, CocoModel.Frame.class);
        }
    }

    @Override
    public Map<String, String> conventions() {
        Map<String, String> c = new LinkedHashMap<>();
        c.put("files", "annotations/coco_instances.json: all classes, boxes and segmentation; "
                + "annotations/coco_keypoints.json: the classes with keypoints, the same annotations (same ids) with "
                + "keypoints; written only when a class has keypoints. Per frame: frames/NNNNNN/coco.json");
        c.put("pixel_coordinates", "continuous: pixel (u, v) covers [u, u+1) x [v, v+1), centre (u + 0.5, v + 0.5), "
                + "origin top-left, u right, v down");
        c.put("image_id", "frame index + 1; images[].frame is the frame index; file_name frames/NNNNNN/rgb.png "
                + "relative to the job directory");
        c.put("category_id", "the semantic class id (1.., stable across the job); supercategory 'object'");
        c.put("annotation_id", "1.. in frame order, then instance id order; an object has the same id in both files");
        c.put("instances", "objects with at least one visible pixel; fully occluded objects are not COCO instances");
        c.put("segmentation", "compressed COCO RLE (pycocotools rleToString) of the visible mask: "
                + "{size: [height, width], counts: string}, column-major, starting with background");
        c.put("area", "visible pixel count (pixels of the instance pass holding the object's instance id)");
        c.put("bbox", "[x, y, w, h] of the tight box of the visible pixels, continuous coordinates (w = columns)");
        c.put("keypoints", "[x, y, v] per keypoint of the class's list, continuous coordinates; v = 2 visible, "
                + "1 occluded by another object or self-occluded, 0 out of frame (x = y = 0); "
                + "num_keypoints = count of v > 0; skeleton pairs are 1-based");
        c.put("extra_fields", "instance_id (instance pass id), instance_name, bbox_amodal (whole projection clipped to "
                + "the image), bbox_amodal_unclipped (absent when part of the object is behind the camera), "
                + "visib_fract = visible / unoccluded pixels, px_count_unoccluded, pose: R_m2c row-major pure "
                + "rotation, t_m2c metres, scale per object axis; X_cam = R_m2c (scale * X_obj) + t_m2c, OpenCV frame");
        return c;
    }
}
