package io.photonfarm.labels.annotate;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertNotNull;
import static org.junit.jupiter.api.Assertions.assertNull;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;

import io.photonfarm.api.work.CameraPose;
import io.photonfarm.api.work.Vec3;
import io.photonfarm.labels.Box2d;
import io.photonfarm.labels.FrameObjects;
import io.photonfarm.labels.ObjectAnnotation;
import io.photonfarm.labels.PinholeCalibration;
import io.photonfarm.labels.RegionMask;
import io.photonfarm.labels.SceneLabels;
import io.photonfarm.labels.raycast.SceneRaycaster;
import io.photonfarm.scene.Instance;
import io.photonfarm.scene.Scene;
import io.photonfarm.scene.builtin.LabelTestScenes;
import java.util.List;
import org.joml.Matrix4d;
import org.joml.Vector3d;
import org.junit.jupiter.api.Test;

class FrameAnnotatorTest {
    /** Not square, so that a u/v mix-up shows. */
    private static final int W = 96;
    private static final int H = 80;

    private final Scene scene = LabelTestScenes.planeAndSphere();
    private final SceneLabels labels = SceneLabels.of(scene);
    private final PinholeCalibration cal = PinholeCalibration.of(scene.camera().orElseThrow(), W, H);
    private final SceneRaycaster rc = new SceneRaycaster(scene);
    private final int[] pass = RayCastFrames.instancePass(rc, cal, W, H);
    private final FrameObjects frame = new FrameAnnotator().annotate(scene, labels, cal, W, H, pass);

    private ObjectAnnotation panel() {
        return frame.objects().get(0);
    }

    private ObjectAnnotation ball() {
        return frame.objects().get(1);
    }

    @Test
    void bothObjectsAreAnnotatedInInstanceIdOrderWithTheirNamesAndCategories() {
        assertEquals(2, frame.objects().size());
        assertEquals(1, panel().instanceId());
        assertEquals("panel", panel().name());
        assertEquals("panel", panel().category());
        assertEquals(labels.classOf(1), panel().categoryId());
        assertEquals(2, ball().instanceId());
        assertEquals("ball", ball().name());
        assertEquals("ball", ball().category());
        assertEquals(labels.classOf(2), ball().categoryId());
        assertEquals(List.of(), ball().landmarks());
    }

    @Test
    void visiblePixelsAndTheTightBoxComeFromTheInstancePass() {
        for (ObjectAnnotation o : frame.objects()) {
            int count = 0;
            int u0 = W;
            int v0 = H;
            int u1 = -1;
            int v1 = -1;
            for (int v = 0; v < H; v++) {
                for (int u = 0; u < W; u++) {
                    if (pass[v * W + u] == o.instanceId()) {
                        count++;
                        u0 = Math.min(u0, u);
                        v0 = Math.min(v0, v);
                        u1 = Math.max(u1, u);
                        v1 = Math.max(v1, v);
                    }
                }
            }
            assertTrue(count > 100, o.name() + " is well in view: " + count);
            assertEquals(count, o.visiblePixels(), o.name());
            assertEquals(new Box2d(u0, v0, u1 + 1, v1 + 1), o.tightBox(), o.name());
        }
    }

    @Test
    void theUnoccludedBallIsFullyVisibleAndThePanelBehindItIsNot() {
        assertEquals(ball().unoccludedPixels(), ball().visiblePixels());
        assertEquals(1.0, ball().visibility());
        assertTrue(panel().unoccludedPixels() > panel().visiblePixels() + 100, "the ball hides part of the panel");
        assertEquals((double) panel().visiblePixels() / panel().unoccludedPixels(), panel().visibility(), 1e-15);
        assertTrue(panel().visibility() > 0.3 && panel().visibility() < 0.95, "visibility " + panel().visibility());
    }

    @Test
    void theUnoccludedSilhouetteIsTheRayCastAloneMaskExceptOnEdges() {
        for (int k = 0; k < 2; k++) {
            ObjectAnnotation o = frame.objects().get(k);
            assertSilhouetteMatchesRayCast(scene, rc, cal, W, H, o, frame.amodalMasks().get(k));
        }
    }

    /** Compares an object's mask with per-pixel closestOnInstance; a disagreement must sit on a projected edge. */
    static void assertSilhouetteMatchesRayCast(Scene scene, SceneRaycaster rc, PinholeCalibration cal, int w, int h,
            ObjectAnnotation o, RegionMask mask) {
        int instance = o.instanceId() - 1;
        boolean[] alone = RayCastFrames.aloneMask(rc, instance, cal, w, h);
        Instance in = scene.instances().get(instance);
        CameraMesh cam = CameraMesh.of(scene.meshes().get(in.mesh()), ObjectPose.of(cal, in.objectToWorld()));
        int count = 0;
        int disagreements = 0;
        for (int v = 0; v < h; v++) {
            for (int u = 0; u < w; u++) {
                boolean expected = alone[v * w + u];
                count += expected ? 1 : 0;
                if (mask.get(u, v) != expected) {
                    disagreements++;
                    double d = RayCastFrames.distanceToEdges(cam, cal, u, v);
                    assertTrue(d < 1e-6, o.name() + " pixel (" + u + ", " + v + "): mask " + mask.get(u, v)
                            + ", ray cast " + expected + ", " + d + " px from the nearest edge");
                }
            }
        }
        assertTrue(disagreements <= Math.max(2, count / 1000), o.name() + ": " + disagreements + " disagreements");
        assertEquals(mask.count(), o.unoccludedPixels());
        assertTightRectangle(mask);
    }

    /** The mask's rectangle is the bounding rectangle of its set pixels. */
    private static void assertTightRectangle(RegionMask mask) {
        boolean left = false;
        boolean right = false;
        boolean top = false;
        boolean bottom = false;
        for (int j = 0; j < mask.height(); j++) {
            left |= mask.get(mask.x(), mask.y() + j);
            right |= mask.get(mask.x() + mask.width() - 1, mask.y() + j);
        }
        for (int i = 0; i < mask.width(); i++) {
            top |= mask.get(mask.x() + i, mask.y());
            bottom |= mask.get(mask.x() + i, mask.y() + mask.height() - 1);
        }
        assertTrue(left && right && top && bottom, "mask rectangle " + mask + " is not tight");
    }

    @Test
    void theAmodalBoxesHoldTheSilhouetteAndAreTheSameWhenTheObjectIsInsideTheImage() {
        for (int k = 0; k < 2; k++) {
            ObjectAnnotation o = frame.objects().get(k);
            RegionMask mask = frame.amodalMasks().get(k);
            Box2d box = o.amodalBox();
            assertNotNull(box);
            assertEquals(o.amodalBoxUnclipped(), box, o.name() + " is wholly in view");
            for (int v = 0; v < H; v++) {
                for (int u = 0; u < W; u++) {
                    if (mask.get(u, v)) {
                        assertTrue(u + 0.5 >= box.xMin() && u + 0.5 <= box.xMax() && v + 0.5 >= box.yMin()
                                && v + 0.5 <= box.yMax(), o.name() + " pixel (" + u + ", " + v + ") outside " + box);
                    }
                }
            }
            Box2d tight = o.tightBox();
            assertTrue(tight.xMin() >= box.xMin() - 0.5 && tight.xMax() <= box.xMax() + 0.5
                    && tight.yMin() >= box.yMin() - 0.5 && tight.yMax() <= box.yMax() + 0.5, tight + " in " + box);
        }
    }

    @Test
    void theBallsBoxIsTheProjectedSphereInClosedForm() {
        double[] c = camera(LabelTestScenes.ballCentre());
        double r = LabelTestScenes.BALL_RADIUS;
        double[] us = tangents(c[0], c[2], r);
        double[] vs = tangents(c[1], c[2], r);
        Box2d sphere = new Box2d(cal.fx() * us[0] + cal.cx(), cal.fy() * vs[0] + cal.cy(),
                cal.fx() * us[1] + cal.cx(), cal.fy() * vs[1] + cal.cy());
        Box2d box = ball().amodalBoxUnclipped();
        // The icosphere's vertices lie on the sphere, so its projection is inside, by less than the facets' sag.
        assertTrue(box.xMin() >= sphere.xMin() - 1e-9 && box.xMax() <= sphere.xMax() + 1e-9
                && box.yMin() >= sphere.yMin() - 1e-9 && box.yMax() <= sphere.yMax() + 1e-9, box + " in " + sphere);
        assertEquals(sphere.xMin(), box.xMin(), 0.05);
        assertEquals(sphere.xMax(), box.xMax(), 0.05);
        assertEquals(sphere.yMin(), box.yMin(), 0.05);
        assertEquals(sphere.yMax(), box.yMax(), 0.05);
        // The tight box holds the pixels whose centres are inside: within a pixel of the sphere's box.
        Box2d tight = ball().tightBox();
        assertEquals(sphere.xMin(), tight.xMin(), 1.0);
        assertEquals(sphere.xMax(), tight.xMax(), 1.0);
        assertEquals(sphere.yMin(), tight.yMin(), 1.0);
        assertEquals(sphere.yMax(), tight.yMax(), 1.0);
    }

    /**
     * The two values of a = X/Z of the planes through the camera centre, containing the other image
     * axis, that touch a sphere at (x, z) of radius r: {@code (x z -+ r sqrt(x^2 + z^2 - r^2)) / (z^2 - r^2)}, sorted.
     */
    private static double[] tangents(double x, double z, double r) {
        double root = r * Math.sqrt(x * x + z * z - r * r);
        double den = z * z - r * r;
        return new double[] {(x * z - root) / den, (x * z + root) / den};
    }

    @Test
    void thePoseReprojectsTheBoxCornersAsTheWorldTransformDoes() {
        for (ObjectAnnotation o : frame.objects()) {
            double[][] rot = o.rotation();
            assertRotation(rot);
            Matrix4d toWorld = new Matrix4d(scene.instances().get(o.instanceId() - 1).objectToWorld());
            for (int k = 0; k < 8; k++) {
                double[] x = {(k & 1) == 0 ? o.boundsMin()[0] : o.boundsMax()[0],
                        (k & 2) == 0 ? o.boundsMin()[1] : o.boundsMax()[1], (k & 4) == 0 ? o.boundsMin()[2] : o.boundsMax()[2]};
                double[] pc = new double[3];
                for (int i = 0; i < 3; i++) {
                    pc[i] = rot[i][0] * o.scale()[0] * x[0] + rot[i][1] * o.scale()[1] * x[1]
                            + rot[i][2] * o.scale()[2] * x[2] + o.translation()[i];
                    assertEquals(pc[i], o.box3d()[k][i], 1e-9, o.name() + " corner " + k);
                }
                double[] uv = {cal.fx() * pc[0] / pc[2] + cal.cx(), cal.fy() * pc[1] / pc[2] + cal.cy()};
                Vector3d world = toWorld.transformPosition(new Vector3d(x[0], x[1], x[2]));
                double[] expected = cal.project(new Vec3(world.x, world.y, world.z));
                assertEquals(expected[0], uv[0], 1e-6, o.name() + " corner " + k + " u");
                assertEquals(expected[1], uv[1], 1e-6, o.name() + " corner " + k + " v");
            }
        }
    }

    @Test
    void theBallsScaleIsFactoredOutOfItsRotation() {
        for (int i = 0; i < 3; i++) {
            assertEquals(LabelTestScenes.BALL_RADIUS, ball().scale()[i], 1e-6);
            assertEquals(1.0, panel().scale()[i], 1e-6);
        }
        double[] t = camera(LabelTestScenes.ballCentre());
        for (int i = 0; i < 3; i++) {
            assertEquals(t[i], ball().translation()[i], 1e-6);
        }
        assertEquals(-1.0, ball().boundsMin()[0], 1e-6);
        assertEquals(1.0, ball().boundsMax()[1], 1e-6);
    }

    static void assertRotation(double[][] r) {
        for (int i = 0; i < 3; i++) {
            for (int j = 0; j < 3; j++) {
                double dot = r[0][i] * r[0][j] + r[1][i] * r[1][j] + r[2][i] * r[2][j];
                assertEquals(i == j ? 1.0 : 0.0, dot, 1e-6, "R^T R at " + i + ", " + j);
            }
        }
        double det = r[0][0] * (r[1][1] * r[2][2] - r[1][2] * r[2][1]) - r[0][1] * (r[1][0] * r[2][2] - r[1][2] * r[2][0])
                + r[0][2] * (r[1][0] * r[2][1] - r[1][1] * r[2][0]);
        assertEquals(1.0, det, 1e-6);
    }

    @Test
    void anObjectPartlyBehindTheCameraHasOnlyAClippedBoxAndAnExactSilhouette() {
        // A wide camera 0.3 m in front of the panel's centre, looking along the panel: half of it is behind.
        Vector3d centre = new Vector3d(0, 0, -0.8);
        Vector3d normal = new Vector3d(Math.sin(Math.toRadians(30)), 0, Math.cos(Math.toRadians(30)));
        Vector3d along = new Vector3d(Math.cos(Math.toRadians(30)), 0, -Math.sin(Math.toRadians(30)));
        Vector3d eye = new Vector3d(centre).fma(0.3, normal);
        Vector3d look = new Vector3d(centre).fma(0.8, along).fma(0.1, normal);
        int w = 64;
        int h = 48;
        PinholeCalibration near = PinholeCalibration.of(new CameraPose(new Vec3(eye.x, eye.y, eye.z),
                new Vec3(look.x, look.y, look.z), new Vec3(0, 1, 0), 100, 0, 0), w, h);
        int[] nearPass = RayCastFrames.instancePass(rc, near, w, h);
        FrameObjects objects = new FrameAnnotator().annotate(rc, labels, near, w, h, nearPass);
        ObjectAnnotation p = objects.objects().get(0);
        assertEquals("panel", p.name());
        assertNull(p.amodalBoxUnclipped(), "part of the panel is behind the camera");
        assertNotNull(p.amodalBox());
        assertTrue(p.box3d()[0][2] < 0 || p.box3d()[1][2] < 0, "a corner of the 3D box is behind the camera");
        assertSilhouetteMatchesRayCast(scene, rc, near, w, h, p, objects.amodalMasks().get(0));
        assertTrue(p.unoccludedPixels() > w * h / 4, "the panel fills much of the view: " + p.unoccludedPixels());
    }

    @Test
    void objectsOutOfViewAreLeftOut() {
        CameraPose away = new CameraPose(new Vec3(0, 0.4, 3.2), new Vec3(0, 0.4, 10), new Vec3(0, 1, 0), 45, 0, 0);
        PinholeCalibration back = PinholeCalibration.of(away, W, H);
        FrameObjects none = new FrameAnnotator().annotate(scene, labels, back, W, H, new int[W * H]);
        assertEquals(List.of(), none.objects());
        assertEquals(List.of(), none.amodalMasks());
    }

    @Test
    void aPassOfTheWrongSizeOrWithUnknownIdsIsRefused() {
        FrameAnnotator annotator = new FrameAnnotator();
        IllegalArgumentException size = assertThrows(IllegalArgumentException.class,
                () -> annotator.annotate(scene, labels, cal, W, H, new int[W * H - 1]));
        assertTrue(size.getMessage().contains("96x80"), size.getMessage());
        int[] bad = pass.clone();
        bad[5 * W + 7] = 3;
        IllegalArgumentException id = assertThrows(IllegalArgumentException.class,
                () -> annotator.annotate(scene, labels, cal, W, H, bad));
        assertTrue(id.getMessage().contains("(7, 5)") && id.getMessage().contains("3"), id.getMessage());
    }

    @Test
    void visiblePixelsTheRasteriserMissesStillCountAsUnoccluded() {
        // A renderer in single precision can disagree at an edge; forge a visible ball pixel far from it.
        int[] forged = pass.clone();
        forged[0] = 2;
        FrameObjects objects = new FrameAnnotator().annotate(scene, labels, cal, W, H, forged);
        ObjectAnnotation b = objects.objects().get(1);
        assertTrue(objects.amodalMasks().get(1).get(0, 0));
        assertEquals(ball().unoccludedPixels() + 1, b.unoccludedPixels());
        assertEquals(1.0, b.visibility());
    }

    private double[] camera(org.joml.Vector3fc world) {
        Vec3 c = cal.toCamera(vec(world));
        return new double[] {c.x(), c.y(), c.z()};
    }

    private static Vec3 vec(org.joml.Vector3fc v) {
        return new Vec3(v.x(), v.y(), v.z());
    }
}
