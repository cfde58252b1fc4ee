package io.photonfarm.sensor;

import static org.junit.jupiter.api.Assertions.assertArrayEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;

import io.photonfarm.api.camera.OutputStage;
import io.photonfarm.api.camera.SensorProfile;
import io.photonfarm.image.FloatImage;
import java.util.concurrent.ForkJoinPool;
import org.junit.jupiter.api.Test;

class DeterminismTest {
    private static final FloatImage SCENE = TestScenes.scene(96, 72, 1);

    /** The noisiest preset, with the raw mosaic and linear image kept too. */
    private static SensorPipeline pipeline() {
        SensorProfile own = new SensorProfile(null, "phone-lowlight", null, null, null, null, null, new OutputStage(true, true));
        return new SensorPipeline(SensorPresets.resolve(own));
    }

    @Test
    void theSameFrameTwiceGivesIdenticalImageRawAndDisplay() {
        SensorFrame first = pipeline().process(SCENE, 1234, 7);
        SensorFrame second = pipeline().process(SCENE, 1234, 7);
        assertArrayEquals(first.image().bytes(), second.image().bytes());
        assertArrayEquals(first.raw().bytes(), second.raw().bytes());
        assertArrayEquals(first.display().data(), second.display().data());
        assertArrayEquals(first.linear().data(), second.linear().data());
    }

    @Test
    void anotherFrameOrJobSeedDrawsOtherNoise() {
        SensorPipeline pipeline = pipeline();
        SensorFrame frame7 = pipeline.process(SCENE, 1234, 7);
        SensorFrame frame8 = pipeline.process(SCENE, 1234, 8);
        SensorFrame otherJob = pipeline.process(SCENE, 1235, 7);
        assertFalse(java.util.Arrays.equals(frame7.raw().bytes(), frame8.raw().bytes()));
        assertFalse(java.util.Arrays.equals(frame7.raw().bytes(), otherJob.raw().bytes()));
        assertFalse(java.util.Arrays.equals(frame7.image().bytes(), frame8.image().bytes()));
        // The clean image has no noise: it is the same for every frame of the same radiance.
        assertArrayEquals(frame7.linear().data(), frame8.linear().data());
    }

    @Test
    void oneThreadAndFourThreadsGiveTheSameBytes() throws Exception {
        SensorPipeline pipeline = pipeline();
        ForkJoinPool single = new ForkJoinPool(1);
        ForkJoinPool four = new ForkJoinPool(4);
        try {
            for (String preset : SensorPresets.names()) {
                SensorPipeline p = preset.equals("phone-lowlight") ? pipeline
                        : new SensorPipeline(SensorPresets.resolve(new SensorProfile(null, preset, null, null, null, null, null,
                                new OutputStage(true, false))));
                SensorFrame a = single.submit(() -> p.process(SCENE, 99, 3)).get();
                SensorFrame b = four.submit(() -> p.process(SCENE, 99, 3)).get();
                assertArrayEquals(a.image().bytes(), b.image().bytes(), preset);
                assertArrayEquals(a.raw().bytes(), b.raw().bytes(), preset);
                assertArrayEquals(a.display().data(), b.display().data(), preset);
            }
        } finally {
            single.shutdown();
            four.shutdown();
        }
    }
}
