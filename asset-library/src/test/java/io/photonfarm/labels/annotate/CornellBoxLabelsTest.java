package io.photonfarm.labels.annotate;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

import io.photonfarm.labels.FrameObjects;
import io.photonfarm.labels.LandmarkAnnotation;
import io.photonfarm.labels.LandmarkVisibility;
import io.photonfarm.labels.ObjectAnnotation;
import io.photonfarm.labels.PinholeCalibration;
import io.photonfarm.labels.SceneLabels;
import io.photonfarm.labels.raycast.SceneRaycaster;
import io.photonfarm.scene.Landmarks;
import io.photonfarm.scene.Scene;
import io.photonfarm.scene.builtin.BuiltinScenes;
import java.util.List;
import org.junit.jupiter.api.Test;

class CornellBoxLabelsTest {
    private static final int SIZE = 64;

    private final Scene scene = BuiltinScenes.cornellBox();
    private final SceneLabels labels = SceneLabels.of(scene);
    private final PinholeCalibration cal = PinholeCalibration.of(scene.camera().orElseThrow(), SIZE, SIZE);
    private final SceneRaycaster rc = new SceneRaycaster(scene);
    private final FrameObjects frame = new FrameAnnotator().annotate(rc, labels, cal, SIZE, SIZE,
            RayCastFrames.instancePass(rc, cal, SIZE, SIZE));

    @Test
    void bothBlocksAreAnnotatedBoxesAndTheRoomAndLightAreNot() {
        assertEquals(List.of("box"), labels.classes());
        assertEquals(2, frame.objects().size());
        ObjectAnnotation shortBlock = frame.objects().get(0);
        ObjectAnnotation tallBlock = frame.objects().get(1);
        assertEquals(3, shortBlock.instanceId());
        assertEquals("short_block", shortBlock.name());
        assertEquals(4, tallBlock.instanceId());
        assertEquals("tall_block", tallBlock.name());
        for (ObjectAnnotation o : frame.objects()) {
            assertEquals("box", o.category());
            assertEquals(1, o.categoryId());
            assertTrue(o.visiblePixels() > 50, o.name() + " " + o.visiblePixels());
        }
        assertEquals(1.0, shortBlock.visibility(), "nothing stands in front of the short block");
        assertTrue(tallBlock.visibility() > 0.8 && tallBlock.visibility() < 1, "the short block hides a corner of the tall one: "
                + tallBlock.visibility());
    }

    @Test
    void eachBlockHasNineLandmarksAndTheTwelveEdgesOfItsBox() {
        for (ObjectAnnotation o : frame.objects()) {
            Landmarks declared = scene.meshes().get(scene.instances().get(o.instanceId() - 1).mesh()).landmarks();
            assertEquals(9, o.landmarks().size(), o.name());
            assertEquals(12, declared.skeleton().size(), o.name());
            assertEquals(List.of("corner_000", "corner_100", "corner_010", "corner_110", "corner_001", "corner_101",
                    "corner_011", "corner_111", "top_centre"), o.landmarks().stream().map(LandmarkAnnotation::name).toList());
            LandmarkAnnotationTest.assertProjections(scene, scene.instances().get(o.instanceId() - 1), cal, o);
            for (LandmarkAnnotation l : o.landmarks()) {
                assertTrue(l.visibility() != LandmarkVisibility.OUT_OF_FRAME, o.name() + " " + l.name() + " is in the image");
                assertTrue(l.visibility() != LandmarkVisibility.OCCLUDED || o.name().equals("tall_block"),
                        "nothing stands in front of the short block: " + l.name());
            }
        }
    }

    @Test
    void theCameraSeesTheShortBlocksTopButOnlyTheSidesOfTheTallOne() {
        // The camera is 0.273 m high: above the short block's top (0.165 m), below the tall one's (0.33 m).
        LandmarkAnnotation shortTop = frame.objects().get(0).landmarks().get(8);
        LandmarkAnnotation tallTop = frame.objects().get(1).landmarks().get(8);
        assertEquals(LandmarkVisibility.VISIBLE, shortTop.visibility());
        assertEquals(LandmarkVisibility.SELF_OCCLUDED, tallTop.visibility());
    }
}
