package io.photonfarm.coordinator.annotations;

import io.photonfarm.api.job.AnnotationFormat;
import com.fasterxml.jackson.core.JsonGenerator;
import com.fasterxml.jackson.databind.ObjectMapper;
import io.photonfarm.labels.Box2d;
import io.photonfarm.labels.ObjectAnnotation;
import io.photonfarm.labels.PinholeCalibration;
import java.io.IOException;
import java.io.InputStream;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.TreeMap;

/**
 * BOP (bop_toolkit conventions), the whole job as scene 0: {@code annotations/bop/000000/} with
 * scene_camera.json, scene_gt.json, scene_gt_info.json (keys: image id = frame index),
 * {@code mask/NNNNNN_KKKKKK.png} (unoccluded silhouette) and {@code mask_visib/NNNNNN_KKKKKK.png}
 * (visible pixels), 8-bit 0/255, KKKKKK = the object's index in the frame's scene_gt list (every
 * annotated object of the frame, visible or not, in instance id order).
 *
 * <ul>
 *   <li>obj_id = the semantic class id: every instance of a class is taken as one BOP object model.
 *       Our extra {@code instance_id} tells instances apart;</li>
 *   <li>poses: cam_R_m2c is the pure rotation (row-major), cam_t_m2c millimetres, model frame = the
 *       mesh's object space in millimetres. A scaled instance carries {@code scale} (per object axis):
 *       X_cam = R (scale * X_model) + t, so the model must be scaled by it first;</li>
 *   <li>cam_K in continuous pixel coordinates (pixel (u, v) covers [u, u+1) x [v, v+1)); tools that take
 *       pixel centres at integer coordinates subtract 0.5 from cx and cy. BOP has no distortion field: a
 *       job with a lens distortion writes distorted images whose cam_K is the undistorted pinhole's, and
 *       the coefficients are in meta.json (conventions.json says so);</li>
 *   <li>bbox_obj [x, y, w, h] = the whole object's projection, unclipped, continuous, [-1, -1, -1, -1]
 *       when part of it is behind the camera; bbox_visib = the tight box of the visible pixels
 *       (continuous: w is the number of columns, one more than bop_toolkit's max - min),
 *       [-1, -1, -1, -1] when none is visible;</li>
 *   <li>px_count_all = unoccluded silhouette pixels in the image, px_count_valid = px_count_all (every
 *       rendered pixel has depth), px_count_visib = visible pixels, visib_fract = visib / all;</li>
 *   <li>no BOP depth images: depth_scale is 1 and the frame's float depth pass (metres) is the depth;</li>
 *   <li>{@code annotations/bop/models/models_info.json} (bop_toolkit's place, next to camera.json): per obj_id
 *       the diameter (largest distance between two mesh vertices), min_x/y/z and size_x/y/z of the vertices,
 *       all millimetres in the model frame above (before {@code scale}), and the symmetries:
 *       symmetries_discrete = every non-identity transform of the group the declared discrete symmetries
 *       generate (bop_toolkit composes none), 4x4 row-major with translation in mm; symmetries_continuous =
 *       {axis, offset}, offset a point of the axis in mm. A class without one model (its instances place
 *       different meshes) or whose obj_id means different models in different frames has no entry.
 *       No model files (.ply) are written.</li>
 * </ul>
 */
final class BopWriter implements DatasetWriter {
    static final String FRAME_FILE = "bop.json";
    static final String MASK_PREFIX = "bop_mask_";
    static final String MASK_VISIB_PREFIX = "bop_mask_visib_";
    static final String SCENE = "bop/000000";
    /** Where bop_toolkit looks for it: {@code <dataset>/models/models_info.json}, the dataset being {@code bop/}. */
    static final String MODELS_INFO = "bop/models/models_info.json";

    private final ObjectMapper json;

    BopWriter(ObjectMapper json) {
        this.json = json;
    }

    @Override
    public AnnotationFormat format() {
        return AnnotationFormat.BOP;
    }

    static String index6(int k) {
        String digits = Integer.toString(k);
        return "000000".substring(Math.min(6, digits.length())) + digits;
    }

    @Override
    public List<String> writeFrame(LabelledFrame f, Path frameDir) throws IOException {
        PinholeCalibration c = f.input().calibration();
        BopModel.Camera camera = new BopModel.Camera(PoseMath.rowMajor(c.k(), 1), 1.0,
                PoseMath.rowMajor(c.rotation(), 1), PoseMath.scaled(c.translation(), 1000));
        List<BopModel.Gt> gt = new ArrayList<>();
        List<BopModel.GtInfo> info = new ArrayList<>();
        List<String> files = new ArrayList<>();
        for (int i = 0; i < f.objects().size(); i++) {
            ObjectAnnotation o = f.objects().get(i);
            gt.add(new BopModel.Gt(PoseMath.rowMajor(o.rotation(), 1), PoseMath.scaled(o.translation(), 1000),
                    o.categoryId(), o.instanceId(), o.scale().clone()));
            Box2d all = o.amodalBoxUnclipped();
            Box2d vis = f.tightBox(i);
            info.add(new BopModel.GtInfo(
                    all == null ? new double[] {-1, -1, -1, -1} : CocoWriter.xywh(all),
                    vis == null ? new int[] {-1, -1, -1, -1}
                            : new int[] {(int) vis.xMin(), (int) vis.yMin(), (int) vis.width(), (int) vis.height()},
                    f.amodal(i).count(), f.amodal(i).count(), f.visible(i).count(), CocoWriter.visibFract(o)));
            String mask = MASK_PREFIX + index6(i) + ".png";
            String maskVisib = MASK_VISIB_PREFIX + index6(i) + ".png";
            AnnotationFiles.write(frameDir.resolve(mask), MaskPng.encode(f.amodal(i)));
            AnnotationFiles.write(frameDir.resolve(maskVisib), MaskPng.encode(f.visible(i)));
            files.add(mask);
            files.add(maskVisib);
        }
        BopModel.Frame frame = new BopModel.Frame(f.frame(), f.width(), f.height(), camera, gt, info,
                BopModelsInfo.ofFrame(f.input()));
        AnnotationFiles.write(frameDir.resolve(FRAME_FILE), json.writeValueAsBytes(frame));
        files.add(FRAME_FILE);
        return files;
    }

    @Override
    public FormatReport finishJob(List<WrittenFrame> frames, Path annotationsDir) throws IOException {
        WrittenFrame.Split split = WrittenFrame.byFile(frames, FRAME_FILE);
        List<WrittenFrame> have = split.with();
        Path scene = annotationsDir.resolve(SCENE);
        Map<String, Path> masks = new TreeMap<>();
        Map<String, Path> masksVisib = new TreeMap<>();
        BopModel.DatasetCamera[] shared = new BopModel.DatasetCamera[1];
        boolean[] same = {true};
        BopModelsInfo models = new BopModelsInfo(json);
        writeSceneFile(have, scene.resolve("scene_camera.json"), (w, frame) -> {
            models.add(frame.models());
            BopModel.Camera c = frame.camera();
            BopModel.DatasetCamera dc = new BopModel.DatasetCamera(c.camK()[2], c.camK()[5], c.depthScale(),
                    c.camK()[0], c.camK()[4], frame.height(), frame.width());
            if (shared[0] == null) {
                shared[0] = dc;
            } else if (!shared[0].equals(dc)) {
                same[0] = false;
            }
            for (int k = 0; k < frame.gt().size(); k++) {
                String name = w.name() + "_" + index6(k) + ".png";
                masks.put(name, existing(w.dir().resolve(MASK_PREFIX + index6(k) + ".png")));
                masksVisib.put(name, existing(w.dir().resolve(MASK_VISIB_PREFIX + index6(k) + ".png")));
            }
            return c;
        });
        writeSceneFile(have, scene.resolve("scene_gt.json"), (w, frame) -> frame.gt());
        writeSceneFile(have, scene.resolve("scene_gt_info.json"), (w, frame) -> frame.gtInfo());
        AnnotationFiles.mirror(scene.resolve("mask"), masks);
        AnnotationFiles.mirror(scene.resolve("mask_visib"), masksVisib);
        List<String> files = new ArrayList<>(List.of("annotations/" + SCENE + "/scene_camera.json",
                "annotations/" + SCENE + "/scene_gt.json", "annotations/" + SCENE + "/scene_gt_info.json",
                "annotations/" + SCENE + "/mask/", "annotations/" + SCENE + "/mask_visib/"));
        Path cameraJson = annotationsDir.resolve("bop/camera.json");
        if (shared[0] != null && same[0]) {
            AnnotationFiles.writeDurably(cameraJson, json.writeValueAsBytes(shared[0]));
            files.add("annotations/bop/camera.json");
        } else {
            Files.deleteIfExists(cameraJson);
        }
        Path modelsInfo = annotationsDir.resolve(MODELS_INFO);
        Map<String, BopModel.ModelInfo> entries = models.entries();
        if (!entries.isEmpty()) {
            AnnotationFiles.writeDurably(modelsInfo, json.writeValueAsBytes(entries));
            files.add("annotations/" + MODELS_INFO);
        } else {
            Files.deleteIfExists(modelsInfo);
        }
        return new FormatReport(format(), have.size(), split.without(), files);
    }

    private static Path existing(Path p) throws IOException {
        if (!Files.isRegularFile(p)) {
            throw new IOException("finishing BOP: " + p + " is missing though its frame's bop.json lists the object");
        }
        return p;
    }

    @FunctionalInterface
    private interface Entry {
        Object of(WrittenFrame w, BopModel.Frame frame) throws IOException;
    }

    /** Streams a scene file: an object keyed by image id (frame index), in frame order. */
    private void writeSceneFile(List<WrittenFrame> frames, Path target, Entry entry) throws IOException {
        AnnotationFiles.writeDurably(target, out -> {
            JsonGenerator gen = json.getFactory().createGenerator(out);
            gen.disable(JsonGenerator.Feature.AUTO_CLOSE_TARGET);
            gen.writeStartObject();
            for (WrittenFrame w : frames) {
                BopModel.Frame frame;
                try (InputStream in = Files.newInputStream(w.dir().resolve(FRAME_FILE))) {
                    frame = json.readValue(in, BopModel.Frame.class);
                }
                gen.writeFieldName(Integer.toString(frame.imId()));
                json.writeValue(gen, entry.of(w, frame));
            }
            gen.writeEndObject();
            gen.close();
        });
    }

    @Override
    public Map<String, String> conventions() {
        Map<String, String> c = new LinkedHashMap<>();
        c.put("files", "annotations/bop/000000/{scene_camera,scene_gt,scene_gt_info}.json, mask/NNNNNN_KKKKKK.png, "
                + "mask_visib/NNNNNN_KKKKKK.png; annotations/bop/camera.json when all frames share intrinsics and size; "
                + "annotations/bop/models/models_info.json when some class has one model. "
                + "Per frame: frames/NNNNNN/bop.json, bop_mask_KKKKKK.png, bop_mask_visib_KKKKKK.png");
        c.put("scene_and_image_ids", "one BOP scene (000000) per job; image id = frame index");
        c.put("obj_id", "the semantic class id; every instance of a class is one BOP object; instance_id (ours) is "
                + "the instance pass id");
        c.put("object_index", "KKKKKK = index in the frame's scene_gt list: every annotated object whose unoccluded "
                + "silhouette covers a pixel centre, visible or not, in instance id order");
        c.put("pose", "cam_R_m2c row-major pure rotation, cam_t_m2c millimetres; model frame = the mesh's object "
                + "space in millimetres; scaled instances: X_cam = R (scale * X_model) + t with scale (ours) per "
                + "object axis, so scale the model first");
        c.put("camera", "cam_K row-major in continuous pixel coordinates (OpenCV integer-centre tools: cx - 0.5, "
                + "cy - 0.5); cam_R_w2c row-major, cam_t_w2c millimetres, world right-handed y up. BOP has no "
                + "distortion field: with a lens distortion (meta.json intrinsics.distortion) the images are "
                + "distorted and cam_K is the undistorted pinhole's; undistort before using BOP tools that assume a pinhole");
        c.put("boxes", "bbox_obj = the whole projection unclipped, bbox_visib = tight box of visible pixels, both "
                + "[x, y, w, h] continuous (w = columns, bop_toolkit's max - min + 1 for pixel boxes); [-1, -1, -1, -1] "
                + "when undefined (behind the camera; not visible)");
        c.put("counts", "px_count_all = unoccluded silhouette pixels in the image; px_count_valid = px_count_all; "
                + "px_count_visib = visible pixels; visib_fract = px_count_visib / px_count_all");
        c.put("masks", "8-bit greyscale PNG, 255 = set, 0 = not: mask = unoccluded silhouette, mask_visib = visible "
                + "pixels (instance pass)");
        c.put("depth", "no BOP depth images; depth_scale 1; use the frame's float depth pass (metres)");
        c.put("models_info", "annotations/bop/models/models_info.json, keyed by obj_id: diameter (largest distance "
                + "between two mesh vertices), min_x/y/z, size_x/y/z, millimetres in the model frame of cam_R_m2c "
                + "(the mesh's object space before scale); symmetries_discrete: every non-identity transform of the "
                + "object's discrete symmetry group, 4x4 row-major, translation mm; symmetries_continuous: {axis, "
                + "offset}, offset = a point of the axis, mm. They are the unscaled model's: for an instance of uniform "
                + "scale s the pose (R, t) looks the same as (R R_S, t + s R t_S); a non-uniform scale may break them. A class whose "
                + "instances place different meshes has no entry; values rounded to 1e-5 mm; no .ply model files are written");
        return c;
    }
}
