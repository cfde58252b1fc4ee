package io.photonfarm.sensor;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

import io.photonfarm.api.camera.ExposureStage;
import io.photonfarm.api.camera.OutputStage;
import io.photonfarm.api.camera.SensorStage;
import io.photonfarm.image.FloatImage;
import java.util.Arrays;
import java.util.Map;
import org.junit.jupiter.api.Test;

class ExposureTest {
    private static final int BLACK = 128;
    private static final double FULL_SCALE = 4095 - BLACK;
    private static final SensorStage SENSOR = new SensorStage("RGGB", 12, BLACK, 0.5, 2.0, null, null, null, null, null, 100.0, null);

    private static SensorFrame autoExposed(FloatImage scene) {
        ExposureStage auto = new ExposureStage("auto", null, null, 0.2, 1e-4, 1.0 / 30, 3200.0, 1e6, null);
        return new SensorPipeline(TestScenes.profile(auto, SENSOR, null, new OutputStage(true, true))).process(scene, 8, 0);
    }

    private static double rawMeanFraction(SensorFrame frame) {
        return Arrays.stream(ImageCodec.decodeRaw(frame.raw().bytes())).mapToDouble(v -> (v - BLACK) / FULL_SCALE).average().orElseThrow();
    }

    @Test
    void autoExposureBringsTheRawMeanToItsTargetInBrightAndDimScenes() {
        SensorFrame bright = autoExposed(TestScenes.scene(128, 96, 1));
        SensorFrame dim = autoExposed(TestScenes.scene(128, 96, 0.01));
        assertEquals(0.2, rawMeanFraction(bright), 0.004);
        assertEquals(0.2, rawMeanFraction(dim), 0.004);
        Map<?, ?> brightExposure = (Map<?, ?>) bright.parameters().get("exposure");
        Map<?, ?> dimExposure = (Map<?, ?>) dim.parameters().get("exposure");
        double brightTime = (Double) brightExposure.get("exposureTime");
        assertTrue(brightTime > 1e-4 && brightTime < 1.0 / 30, "a bright scene needs no gain: " + brightExposure);
        assertEquals(100.0, (Double) brightExposure.get("iso"), 1e-9);
        // A hundred times darker: the longest exposure, and the rest from gain.
        assertEquals(1.0 / 30, (Double) dimExposure.get("exposureTime"), 1e-12);
        assertEquals(100 * brightTime * 100 * 30, (Double) dimExposure.get("iso"), 1e-6 * (Double) dimExposure.get("iso"));
    }

    @Test
    void manualExposureGivesTheSignalItsDocumentedUnits() {
        // 0.5 radiance × 1e5 e⁻/(radiance·s) × 0.01 s = 500 e⁻; × 0.5 DN/e⁻ × gain 2 (ISO 200 over base 100) = 500 DN.
        ExposureStage manual = new ExposureStage("manual", 0.01, 200.0, null, null, null, null, 1e5, null);
        SensorFrame frame = new SensorPipeline(TestScenes.profile(manual, SENSOR, null, new OutputStage(true, true)))
                .process(TestScenes.flat(128, 128, 0.5, 0.5, 0.5), 1, 0);
        // Per pixel var = 1 × 500 + 8 DN²: the mean of 16384 pixels is within 1 DN (5.6 standard errors).
        assertEquals(500 / FULL_SCALE, rawMeanFraction(frame), 1 / FULL_SCALE);
        assertEquals(500 / FULL_SCALE, frame.linear().get(10, 10, 1), 1e-6, "the clean image is the expected signal");
        Map<?, ?> noise = (Map<?, ?>) ((Map<?, ?>) frame.parameters().get("sensor")).get("noiseModel");
        assertEquals(1.0, (Double) noise.get("a"), 1e-12, "a at gain 2");
        assertEquals(8.0, (Double) noise.get("b"), 1e-12, "b at gain 2");
    }

    @Test
    void theFullWellClipsTheCleanImageAndTheRaw() {
        ExposureStage manual = new ExposureStage("manual", 0.01, 100.0, null, null, null, null, 1e6, 1000.0);
        SensorFrame frame = new SensorPipeline(TestScenes.profile(manual, SENSOR, null, new OutputStage(true, true)))
                .process(TestScenes.flat(16, 16, 0.5, 0.5, 0.5), 1, 0);
        // 5000 expected electrons, 1000 held: 500 DN.
        assertEquals(500 / FULL_SCALE, frame.linear().get(3, 3, 0), 1e-6);
        assertEquals(500 / FULL_SCALE, rawMeanFraction(frame), 0.3 / FULL_SCALE);
    }
}
