package io.photonfarm.node.work;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

import io.photonfarm.api.job.JobId;
import io.photonfarm.api.work.CameraPose;
import io.photonfarm.api.work.FrameSpec;
import io.photonfarm.api.work.Vec3;
import io.photonfarm.node.render.FrameSettings;
import org.joml.Vector3f;
import org.junit.jupiter.api.Test;

class FrameSpecConversionTest {
    private final CameraPose pose = new CameraPose(new Vec3(0.278, 0.273, -0.8), new Vec3(0.278, 0.273, 0),
            new Vec3(0, 1, 0), 39.3077, 0.01, 0.75);
    private final FrameSpec frame = new FrameSpec(new JobId("job-1"), 7, "builtin:cornell-box", "ab".repeat(32),
            64, 48, 0x1234_5678_9abc_def0L, 5, pose);

    @Test
    void settingsCarryTheFrameSizeIndexFoldedSeedAndBounces() {
        FrameSettings s = FrameSpecConversion.settings(frame);
        assertEquals(64, s.width());
        assertEquals(48, s.height());
        assertEquals(7, s.frameIndex());
        assertEquals(frame.samplerSeed(), s.seed());
        assertEquals(5, s.maxBounces());
    }

    @Test
    void nextEventEstimationIsOnAndRussianRouletteStartsWhereTheRendererDefaultSays() {
        FrameSettings s = FrameSpecConversion.settings(frame);
        assertTrue(s.nee());
        assertEquals(FrameSettings.of(1, 1, 0, 1, true, s.camera()).rrStartBounce(), s.rrStartBounce());
        assertEquals(3, s.rrStartBounce());
    }

    @Test
    void theCameraIsThePoseRoundedToFloats() {
        var c = FrameSpecConversion.camera(pose);
        assertEquals(new Vector3f(0.278f, 0.273f, -0.8f), c.position());
        assertEquals(new Vector3f(0.278f, 0.273f, 0f), c.lookAt());
        assertEquals(new Vector3f(0, 1, 0), c.up());
        assertEquals(39.3077f, c.vfovDeg());
        assertEquals(0.01f, c.aperture());
        assertEquals(0.75f, c.focusDistance());
    }
}
