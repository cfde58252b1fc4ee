package io.photonfarm.labels.annotate;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertNotNull;
import static org.junit.jupiter.api.Assertions.assertNull;
import static org.junit.jupiter.api.Assertions.assertTrue;

import io.photonfarm.api.camera.LensDistortion;
import io.photonfarm.labels.Box2d;
import io.photonfarm.labels.FrameObjects;
import io.photonfarm.labels.LandmarkAnnotation;
import io.photonfarm.labels.LandmarkVisibility;
import io.photonfarm.labels.ObjectAnnotation;
import io.photonfarm.labels.PinholeCalibration;
import io.photonfarm.labels.RegionMask;
import io.photonfarm.labels.SceneLabels;
import io.photonfarm.labels.raycast.Ray;
import io.photonfarm.labels.raycast.SceneRaycaster;
import io.photonfarm.scene.Scene;
import io.photonfarm.scene.builtin.LabelTestScenes;
import io.photonfarm.scene.camera.OpenCvLens;
import java.util.List;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.MethodSource;

/**
 * Annotations of frames seen through distorting lenses, against per-pixel ray casts through the
 * calibration's distorted rays and against OpenCV's equations written out in the test.
 */
class DistortedAnnotationTest {
    static final int W = 96;
    static final int H = 80;

    static List<LensDistortion> lenses() {
        return List.of(LensDistortion.brownConrady(-0.3, 0.08, 0.002, -0.001, 0.01),
                LensDistortion.brownConrady(0.25, 0.05, 0, 0, 0),
                LensDistortion.kannalaBrandt(0.1, -0.03, 0.005, -0.0005));
    }

    private static PinholeCalibration calibration(Scene scene, LensDistortion lens) {
        return PinholeCalibration.of(scene.camera().orElseThrow().withLens(lens), W, H);
    }

    @ParameterizedTest
    @MethodSource("lenses")
    void theUnoccludedSilhouetteIsTheRayCastAloneMaskExceptOnEdges(LensDistortion lens) {
        Scene scene = LabelTestScenes.planeAndSphere();
        SceneRaycaster rc = new SceneRaycaster(scene);
        PinholeCalibration cal = calibration(scene, lens);
        int[] pass = RayCastFrames.instancePass(rc, cal, W, H);
        FrameObjects frame = new FrameAnnotator().annotate(rc, SceneLabels.of(scene), cal, W, H, pass);
        assertEquals(2, frame.objects().size());
        PinholeCalibration pinhole = PinholeCalibration.of(scene.camera().orElseThrow(), W, H);
        int[] undistorted = RayCastFrames.instancePass(rc, pinhole, W, H);
        int moved = 0;
        for (int p = 0; p < W * H; p++) {
            moved += pass[p] != undistorted[p] ? 1 : 0;
        }
        assertTrue(moved > W * H / 200, lens.model() + " moves only " + moved + " pixels: the test would not see a pinhole");
        for (int k = 0; k < 2; k++) {
            ObjectAnnotation o = frame.objects().get(k);
            RegionMask mask = frame.amodalMasks().get(k);
            int instance = o.instanceId() - 1;
            boolean[] alone = RayCastFrames.aloneMask(rc, instance, cal, W, H);
            int count = 0;
            int onEdge = 0;
            for (int v = 0; v < H; v++) {
                for (int u = 0; u < W; u++) {
                    boolean expected = alone[v * W + u];
                    count += expected ? 1 : 0;
                    if (mask.get(u, v) != expected) {
                        assertTrue(onEdge(rc, cal, instance, u, v), o.name() + " pixel (" + u + ", " + v + "): mask "
                                + mask.get(u, v) + ", ray cast " + expected + ", and its centre is not on an edge");
                        onEdge++;
                    }
                }
            }
            assertTrue(onEdge <= Math.max(2, count / 1000), o.name() + ": " + onEdge + " disagreements");
            assertEquals(mask.count(), o.unoccludedPixels());
            assertEquals(count, mask.count(), 2.0, o.name());
        }
    }

    /** Whether rays 1e-6 px to either side of pixel (u, v)'s centre disagree about meeting the lone instance. */
    private static boolean onEdge(SceneRaycaster rc, PinholeCalibration cal, int instance, int u, int v) {
        boolean[] seen = new boolean[2];
        for (double[] d : new double[][] {{1e-6, 0}, {-1e-6, 0}, {0, 1e-6}, {0, -1e-6}}) {
            Ray ray = Ray.of(cal.cameraCentre(), cal.worldDirection(u + 0.5 + d[0], v + 0.5 + d[1]));
            seen[rc.closestOnInstance(instance, ray) != null ? 1 : 0] = true;
        }
        return seen[0] && seen[1];
    }

    @ParameterizedTest
    @MethodSource("lenses")
    void theAmodalBoxesHugTheDistortedSilhouette(LensDistortion lens) {
        Scene scene = LabelTestScenes.planeAndSphere();
        SceneRaycaster rc = new SceneRaycaster(scene);
        PinholeCalibration cal = calibration(scene, lens);
        int[] pass = RayCastFrames.instancePass(rc, cal, W, H);
        FrameObjects frame = new FrameAnnotator().annotate(rc, SceneLabels.of(scene), cal, W, H, pass);
        for (int k = 0; k < 2; k++) {
            ObjectAnnotation o = frame.objects().get(k);
            RegionMask mask = frame.amodalMasks().get(k);
            Box2d box = o.amodalBox();
            assertNotNull(box);
            assertEquals(o.amodalBoxUnclipped(), box, o.name() + " is wholly in view");
            // Every silhouette centre is inside, and the silhouette's outermost centres are within a pixel of each side.
            double[] extreme = {Double.POSITIVE_INFINITY, Double.POSITIVE_INFINITY, Double.NEGATIVE_INFINITY, Double.NEGATIVE_INFINITY};
            for (int v = 0; v < H; v++) {
                for (int u = 0; u < W; u++) {
                    if (mask.get(u, v)) {
                        assertTrue(u + 0.5 >= box.xMin() && u + 0.5 <= box.xMax() && v + 0.5 >= box.yMin()
                                && v + 0.5 <= box.yMax(), o.name() + " pixel (" + u + ", " + v + ") outside " + box);
                        extreme[0] = Math.min(extreme[0], u + 0.5);
                        extreme[1] = Math.min(extreme[1], v + 0.5);
                        extreme[2] = Math.max(extreme[2], u + 0.5);
                        extreme[3] = Math.max(extreme[3], v + 0.5);
                    }
                }
            }
            assertTrue(extreme[0] - box.xMin() < 1 && extreme[1] - box.yMin() < 1 && box.xMax() - extreme[2] < 1
                    && box.yMax() - extreme[3] < 1, o.name() + ": box " + box + " is loose around the silhouette");
        }
    }

    @ParameterizedTest
    @MethodSource("lenses")
    void landmarksAreOpenCvsDistortionOfTheirPinholeProjection(LensDistortion lens) {
        Scene scene = LabelTestScenes.landmarks();
        SceneRaycaster rc = new SceneRaycaster(scene);
        PinholeCalibration cal = calibration(scene, lens);
        int[] pass = RayCastFrames.instancePass(rc, cal, W, H);
        FrameObjects frame = new FrameAnnotator().annotate(rc, SceneLabels.of(scene), cal, W, H, pass);
        ObjectAnnotation crate = frame.objects().get(0);
        int checked = 0;
        for (LandmarkAnnotation lm : crate.landmarks()) {
            double[] c = lm.camera();
            if (!(c[2] > 0)) {
                assertNull(lm.pixel(), lm.name());
                assertEquals(LandmarkVisibility.OUT_OF_FRAME, lm.visibility(), lm.name());
                continue;
            }
            double[] expected = OpenCvLens.project(lens.model(), lens.opencvCoefficients(), cal.fx(), cal.fy(), cal.cx(),
                    cal.cy(), c);
            boolean inImage = expected[0] >= 0 && expected[0] < W && expected[1] >= 0 && expected[1] < H;
            if (lm.pixel() == null) {
                assertTrue(!inImage, lm.name() + " has no pixel though OpenCV puts it in the image");
                continue;
            }
            assertEquals(expected[0], lm.pixel()[0], 1e-9, lm.name() + " u");
            assertEquals(expected[1], lm.pixel()[1], 1e-9, lm.name() + " v");
            assertEquals(inImage, lm.visibility() != LandmarkVisibility.OUT_OF_FRAME, lm.name());
            checked++;
        }
        assertTrue(checked >= 4, "landmarks checked: " + checked);
        assertEquals(LandmarkVisibility.VISIBLE, visibility(crate, "front_centre"));
        assertEquals(LandmarkVisibility.SELF_OCCLUDED, visibility(crate, "back_centre"));
        assertEquals(LandmarkVisibility.OCCLUDED, visibility(crate, "front_top_left"));
    }

    private static LandmarkVisibility visibility(ObjectAnnotation o, String name) {
        return o.landmarks().stream().filter(l -> l.name().equals(name)).findFirst().orElseThrow().visibility();
    }
}
