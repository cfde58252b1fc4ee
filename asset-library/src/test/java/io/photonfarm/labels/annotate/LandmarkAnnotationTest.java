package io.photonfarm.labels.annotate;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertNotNull;
import static org.junit.jupiter.api.Assertions.assertNull;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;

import io.photonfarm.api.work.Vec3;
import io.photonfarm.labels.FrameObjects;
import io.photonfarm.labels.LandmarkAnnotation;
import io.photonfarm.labels.LandmarkVisibility;
import io.photonfarm.labels.ObjectAnnotation;
import io.photonfarm.labels.PinholeCalibration;
import io.photonfarm.labels.SceneLabels;
import io.photonfarm.labels.raycast.SceneRaycaster;
import io.photonfarm.scene.Instance;
import io.photonfarm.scene.Landmark;
import io.photonfarm.scene.Scene;
import io.photonfarm.scene.builtin.LabelTestScenes;
import java.util.LinkedHashMap;
import java.util.Map;
import org.joml.Matrix4d;
import org.joml.Vector3d;
import org.junit.jupiter.api.Test;

class LandmarkAnnotationTest {
    private static final int SIZE = 64;

    private final Scene scene = LabelTestScenes.landmarks();
    private final SceneLabels labels = SceneLabels.of(scene);
    private final PinholeCalibration cal = PinholeCalibration.of(scene.camera().orElseThrow(), SIZE, SIZE);
    private final int[] pass = RayCastFrames.instancePass(new SceneRaycaster(scene), cal, SIZE, SIZE);

    private ObjectAnnotation crate(FrameAnnotator annotator) {
        FrameObjects frame = annotator.annotate(scene, labels, cal, SIZE, SIZE, pass);
        ObjectAnnotation crate = frame.objects().get(0);
        assertEquals("crate", crate.name());
        return crate;
    }

    private static Map<String, LandmarkVisibility> states(ObjectAnnotation o) {
        Map<String, LandmarkVisibility> m = new LinkedHashMap<>();
        for (LandmarkAnnotation l : o.landmarks()) {
            m.put(l.name(), l.visibility());
        }
        return m;
    }

    @Test
    void eachLandmarkGetsTheStateItsPlacementCallsFor() {
        Map<String, LandmarkVisibility> expected = new LinkedHashMap<>();
        expected.put("front_centre", LandmarkVisibility.VISIBLE);
        expected.put("back_centre", LandmarkVisibility.SELF_OCCLUDED);
        expected.put("front_top_left", LandmarkVisibility.OCCLUDED);
        expected.put("off_image", LandmarkVisibility.OUT_OF_FRAME);
        expected.put("behind_camera", LandmarkVisibility.OUT_OF_FRAME);
        assertEquals(expected, states(crate(new FrameAnnotator())));
    }

    @Test
    void theOccluderReallyHidesItsLandmarkInTheInstancePass() {
        LandmarkAnnotation corner = crate(new FrameAnnotator()).landmarks().get(2);
        int u = (int) Math.floor(corner.pixel()[0]);
        int v = (int) Math.floor(corner.pixel()[1]);
        assertEquals(2, pass[v * SIZE + u], "the occluder's id at the corner's pixel");
    }

    @Test
    void landmarkPixelsAndCameraPointsAreTheCalibrationsProjectionOfTheWorldPoint() {
        ObjectAnnotation crate = crate(new FrameAnnotator());
        Instance in = scene.instances().get(0);
        assertProjections(scene, in, cal, crate);
        LandmarkAnnotation offImage = crate.landmarks().get(3);
        assertNotNull(offImage.pixel());
        assertTrue(offImage.pixel()[0] >= SIZE, "off_image projects right of the image: " + offImage.pixel()[0]);
        LandmarkAnnotation behind = crate.landmarks().get(4);
        assertNull(behind.pixel());
        assertTrue(behind.camera()[2] < 0);
    }

    /** Each landmark's camera point is K[R|t] of its world point, independently computed (1e-9 m, 1e-3 px). */
    static void assertProjections(Scene scene, Instance in, PinholeCalibration cal, ObjectAnnotation o) {
        Matrix4d toWorld = new Matrix4d(in.objectToWorld());
        var points = scene.meshes().get(in.mesh()).landmarks().points();
        assertEquals(points.size(), o.landmarks().size());
        for (int i = 0; i < points.size(); i++) {
            Landmark lm = points.get(i);
            LandmarkAnnotation a = o.landmarks().get(i);
            assertEquals(lm.name(), a.name());
            Vector3d w = toWorld.transformPosition(new Vector3d(lm.position().x(), lm.position().y(), lm.position().z()));
            Vec3 c = cal.toCamera(new Vec3(w.x, w.y, w.z));
            assertEquals(c.x(), a.camera()[0], 1e-9, lm.name());
            assertEquals(c.y(), a.camera()[1], 1e-9, lm.name());
            assertEquals(c.z(), a.camera()[2], 1e-9, lm.name());
            if (c.z() > 0) {
                double[] uv = cal.project(new Vec3(w.x, w.y, w.z));
                assertEquals(uv[0], a.pixel()[0], 1e-3, lm.name());
                assertEquals(uv[1], a.pixel()[1], 1e-3, lm.name());
            }
        }
    }

    @Test
    void theToleranceIsTheAnnotatorsAndAWideOneLetsTheFarSideThrough() {
        assertEquals(LandmarkTolerance.DEFAULT, new FrameAnnotator().landmarkTolerance());
        assertEquals(1e-4, LandmarkTolerance.DEFAULT.at(0.5));
        assertEquals(2e-4, LandmarkTolerance.DEFAULT.at(2.0), 1e-18);
        LandmarkTolerance wide = new LandmarkTolerance(0, 1.5);
        FrameAnnotator lenient = new FrameAnnotator(wide);
        assertEquals(wide, lenient.landmarkTolerance());
        assertEquals(LandmarkVisibility.VISIBLE, states(crate(lenient)).get("back_centre"),
                "the front face is 1 m before the back centre, inside a 1.5 m tolerance");
        assertTrue(LandmarkTolerance.DEFAULT.describe().contains("1.0E-4"), LandmarkTolerance.DEFAULT.describe());
        assertThrows(IllegalArgumentException.class, () -> new LandmarkTolerance(-1, 0));
    }
}
