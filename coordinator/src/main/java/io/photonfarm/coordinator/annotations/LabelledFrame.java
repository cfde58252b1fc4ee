package io.photonfarm.coordinator.annotations;

import io.photonfarm.coordinator.dataset.DatasetLayout;
import io.photonfarm.labels.Box2d;
import io.photonfarm.labels.LandmarkAnnotation;
import io.photonfarm.labels.LandmarkVisibility;
import io.photonfarm.labels.ObjectAnnotation;
import java.util.HashSet;
import java.util.List;
import java.util.Objects;
import java.util.Set;

/**
 * A frame's labels checked for consistency once, with each object's visible and unoccluded masks,
 * shared by all writers of the frame. The instance pass is the truth every writer's masks, counts
 * and tight boxes come from; an annotation that disagrees with it is refused rather than written,
 * so the formats can never contradict each other.
 */
final class LabelledFrame {
    private final FrameLabels in;
    private final List<ObjectAnnotation> objects;
    private final Mask.Visible[] visible;
    private final Mask.Amodal[] amodal;

    private LabelledFrame(FrameLabels in, Mask.Visible[] visible, Mask.Amodal[] amodal) {
        this.in = in;
        this.objects = in.objects().objects();
        this.visible = visible;
        this.amodal = amodal;
    }

    /**
     * Checks {@code in} and indexes its instance pass (one pass over it).
     *
     * @throws IllegalArgumentException naming the frame and object when an annotation disagrees with
     *                                  the instance pass, the class table, its keypoint schema, or is
     *                                  not a proper pose
     */
    static LabelledFrame of(FrameLabels in) {
        List<ObjectAnnotation> objects = in.objects().objects();
        int[] ids = new int[objects.size()];
        Set<Integer> seen = new HashSet<>();
        for (int i = 0; i < ids.length; i++) {
            ObjectAnnotation o = objects.get(i);
            if (o.instanceId() < 1 || !seen.add(o.instanceId())) {
                throw problem(in, o, "instance id must be >= 1 and unique in the frame");
            }
            ids[i] = o.instanceId();
        }
        PixelStats[] stats = PixelStats.of(in.instancePass(), in.width(), in.height(), ids);
        Mask.Visible[] visible = new Mask.Visible[ids.length];
        Mask.Amodal[] amodal = new Mask.Amodal[ids.length];
        for (int i = 0; i < ids.length; i++) {
            ObjectAnnotation o = objects.get(i);
            visible[i] = new Mask.Visible(in.instancePass(), in.width(), in.height(), o.instanceId(), stats[i]);
            amodal[i] = Mask.Amodal.of(in.objects().amodalMasks().get(i), in.width(), in.height());
            check(in, o, stats[i], amodal[i]);
        }
        return new LabelledFrame(in, visible, amodal);
    }

    private static void check(FrameLabels in, ObjectAnnotation o, PixelStats s, Mask.Amodal a) {
        if (o.categoryId() < 1 || o.categoryId() > in.labels().classes().size()
                || !in.labels().className(o.categoryId()).equals(o.category())) {
            throw problem(in, o, "class '" + o.category() + "' id " + o.categoryId() + " is not in the class table "
                    + in.labels().classes());
        }
        if (o.visiblePixels() != s.count()) {
            throw problem(in, o, "visiblePixels " + o.visiblePixels() + " but the instance pass holds the id in "
                    + s.count() + " pixels");
        }
        if (!Objects.equals(o.tightBox(), s.box())) {
            throw problem(in, o, "tight box " + o.tightBox() + " but the instance pass gives " + s.box());
        }
        if (o.unoccludedPixels() != a.count()) {
            throw problem(in, o, "unoccludedPixels " + o.unoccludedPixels() + " but its unoccluded mask sets "
                    + a.count() + " pixels of the image");
        }
        String rot = PoseMath.rotationProblem(o.rotation());
        if (rot != null) {
            throw problem(in, o, rot);
        }
        if (!finite(o.translation(), 3) || !finite(o.scale(), 3) || !finite(o.boundsMin(), 3)
                || !finite(o.boundsMax(), 3)) {
            throw problem(in, o, "translation, scale and bounds must be 3 finite values each");
        }
        for (double v : o.scale()) {
            if (!(v > 0)) {
                throw problem(in, o, "scale must be positive per axis, not " + v);
            }
        }
        if (o.landmarks() != null && !o.landmarks().isEmpty()) {
            KeypointSchema schema = in.keypoints().get(o.category());
            for (LandmarkAnnotation l : o.landmarks()) {
                if (schema == null || schema.indexOf(l.name()) < 0) {
                    throw problem(in, o, "landmark '" + l.name() + "' is not in the keypoint schema of class '"
                            + o.category() + "'" + (schema == null ? " (none given)" : " " + schema.names()));
                }
                if (l.visibility() != LandmarkVisibility.OUT_OF_FRAME && !inImage(l.pixel(), in.width(), in.height())) {
                    throw problem(in, o, "landmark '" + l.name() + "' is " + l.visibility()
                            + " but does not project into the image");
                }
            }
        }
    }

    private static boolean inImage(double[] p, int w, int h) {
        return p != null && p.length == 2 && p[0] >= 0 && p[0] < w && p[1] >= 0 && p[1] < h;
    }

    private static boolean finite(double[] v, int n) {
        if (v == null || v.length != n) {
            return false;
        }
        for (double d : v) {
            if (!Double.isFinite(d)) {
                return false;
            }
        }
        return true;
    }

    private static IllegalArgumentException problem(FrameLabels in, ObjectAnnotation o, String what) {
        return new IllegalArgumentException("annotating frame " + in.frame() + ", instance " + o.instanceId() + " ('"
                + o.name() + "'): " + what);
    }

    FrameLabels input() {
        return in;
    }

    int frame() {
        return in.frame();
    }

    /** The frame's 6-digit name, e.g. 000042. */
    String frameName() {
        return DatasetLayout.frameDirName(in.frame());
    }

    int width() {
        return in.width();
    }

    int height() {
        return in.height();
    }

    List<ObjectAnnotation> objects() {
        return objects;
    }

    Mask visible(int i) {
        return visible[i];
    }

    Mask amodal(int i) {
        return amodal[i];
    }

    /** The tight box of object {@code i} (null if no pixel of it is visible). */
    Box2d tightBox(int i) {
        return visible[i].stats().box();
    }

    /**
     * Object {@code i}'s keypoints in its class's schema order as COCO triples [x, y, v]: v = 2
     * visible, 1 occluded (by another object or by itself), 0 out of frame or not reported (x = y = 0).
     * Null when its class has no schema.
     */
    double[] keypoints(int i) {
        ObjectAnnotation o = objects.get(i);
        KeypointSchema schema = in.keypoints().get(o.category());
        if (schema == null || schema.names().isEmpty()) {
            return null;
        }
        double[] k = new double[3 * schema.names().size()];
        if (o.landmarks() != null) {
            for (LandmarkAnnotation l : o.landmarks()) {
                int j = schema.indexOf(l.name());
                int v = switch (l.visibility()) {
                    case VISIBLE -> 2;
                    case OCCLUDED, SELF_OCCLUDED -> 1;
                    case OUT_OF_FRAME -> 0;
                };
                if (v > 0) {
                    k[3 * j] = l.pixel()[0];
                    k[3 * j + 1] = l.pixel()[1];
                    k[3 * j + 2] = v;
                }
            }
        }
        return k;
    }

    /** The schema of object {@code i}'s class, or null. */
    KeypointSchema schema(int i) {
        return in.keypoints().get(objects.get(i).category());
    }
}
