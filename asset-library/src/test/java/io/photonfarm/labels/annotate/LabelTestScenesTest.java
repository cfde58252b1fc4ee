package io.photonfarm.labels.annotate;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertNotNull;
import static org.junit.jupiter.api.Assertions.assertTrue;

import io.photonfarm.labels.Box2d;
import io.photonfarm.labels.FrameObjects;
import io.photonfarm.labels.ObjectAnnotation;
import io.photonfarm.labels.PinholeCalibration;
import io.photonfarm.labels.SceneLabels;
import io.photonfarm.labels.raycast.SceneRaycaster;
import io.photonfarm.scene.Scene;
import io.photonfarm.scene.builtin.LabelTestScenes;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.ValueSource;

class LabelTestScenesTest {

    private static FrameObjects annotate(Scene scene, int size) {
        PinholeCalibration cal = PinholeCalibration.of(scene.camera().orElseThrow(), size, size);
        SceneRaycaster rc = new SceneRaycaster(scene);
        return new FrameAnnotator().annotate(rc, SceneLabels.of(scene), cal, size, size,
                RayCastFrames.instancePass(rc, cal, size, size));
    }

    @ParameterizedTest
    @ValueSource(ints = {64, 128})
    void thePanelAndTheBallAreWhollyInViewAtSmallSizes(int size) {
        FrameObjects frame = annotate(LabelTestScenes.planeAndSphere(), size);
        assertEquals(2, frame.objects().size());
        for (ObjectAnnotation o : frame.objects()) {
            Box2d box = o.amodalBoxUnclipped();
            assertNotNull(box, o.name());
            assertTrue(box.xMin() > 1 && box.yMin() > 1 && box.xMax() < size - 1 && box.yMax() < size - 1,
                    o.name() + " " + box + " at " + size);
            assertTrue(o.visiblePixels() > size * size / 40, o.name() + " covers some pixels: " + o.visiblePixels());
        }
        assertTrue(frame.objects().get(0).visibility() < 1, "the ball hides part of the panel at " + size);
    }

    @ParameterizedTest
    @ValueSource(ints = {64, 128})
    void theCrateAndItsOccluderAreBothSeenAtSmallSizes(int size) {
        FrameObjects frame = annotate(LabelTestScenes.landmarks(), size);
        assertEquals(2, frame.objects().size());
        assertEquals("occluder", frame.objects().get(1).name());
        assertEquals(1.0, frame.objects().get(1).visibility());
        assertTrue(frame.objects().get(0).visibility() < 1, "the occluder hides a corner of the crate");
    }
}
