package io.photonfarm.sensor;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

import io.photonfarm.api.camera.CameraModel;
import io.photonfarm.api.camera.ExposureStage;
import io.photonfarm.api.camera.IspStage;
import io.photonfarm.api.camera.OpticsStage;
import io.photonfarm.api.camera.OutputStage;
import io.photonfarm.api.camera.SensorProfile;
import io.photonfarm.api.camera.SensorStage;
import io.photonfarm.api.job.JobSpecException.Violation;
import java.util.ArrayList;
import java.util.List;
import java.util.Set;
import java.util.stream.Collectors;
import org.junit.jupiter.api.Test;

class SensorProfileValidationTest {
    private static List<Violation> check(SensorProfile profile) {
        List<Violation> bad = new ArrayList<>();
        new CameraModel(null, profile, null, List.of(), null).check("camera", bad);
        return bad;
    }

    private static final SensorStage GOOD_SENSOR = new SensorStage("RGGB", 12, 64, 0.2, 1.0, null, null, null, null, null, null, null);

    @Test
    void aBadBitDepthIsNamedWithItsFieldPathValueAndLimit() {
        SensorStage sensor = new SensorStage("RGGB", 20, null, 0.2, 1.0, null, null, null, null, null, null, null);
        List<Violation> bad = check(new SensorProfile(1, null, null, null, null, sensor, null, null));
        assertEquals(List.of(new Violation("camera.sensor.sensor.bitDepth", "20", "8..16")), bad);
    }

    @Test
    void everyStageNamesEachOfItsBadFields() {
        SensorProfile profile = new SensorProfile(2, "Not A Name", null,
                new OpticsStage(200.0, List.of(-3.0), 0.5, null),
                new ExposureStage("sometimes", -1.0, null, null, null, null, null, 0.0, 10.0),
                new SensorStage("RGBW", 12, 5000, null, -1.0, 2.0, null, 0.9, null, null, 0.0, List.of(1.0, 0.0, 0.0)),
                new IspStage("tungsten", List.of(2.0, 1.0, 1.5), "nearest", List.of(1.0), 5.0, "filmic", null, 9.0, 0.1, 0),
                new OutputStage(true, null));
        Set<String> fields = check(profile).stream().map(Violation::field).collect(Collectors.toSet());
        for (String expected : List.of("version", "preset", "optics.cos4FieldOfView", "optics.vignetting[0]", "optics.lateralChromaticRed",
                "exposure.mode", "exposure.exposureTime", "exposure.electronsPerRadianceSecond", "exposure.fullWellElectrons",
                "sensor.cfa", "sensor.blackLevel", "sensor.a", "sensor.b", "sensor.rowNoiseShare", "sensor.prnu", "sensor.baseIso",
                "sensor.colorResponse", "isp.whiteBalance", "isp.whiteBalanceGains", "isp.demosaic", "isp.ccm", "isp.gamma",
                "isp.toneCurve", "isp.sharpen", "isp.sharpenRadius", "isp.jpegQuality")) {
            assertTrue(fields.contains("camera.sensor." + expected), "camera.sensor." + expected + " in " + fields);
        }
    }

    @Test
    void fieldsOfTheOtherExposureModeAreRejectedNotIgnored() {
        ExposureStage autoWithTime = new ExposureStage("auto", 0.01, null, null, 0.1, 0.01, null, null, null);
        List<Violation> bad = check(new SensorProfile(null, null, null, null, autoWithTime, GOOD_SENSOR, null, null));
        Set<String> fields = bad.stream().map(Violation::field).collect(Collectors.toSet());
        assertEquals(Set.of("camera.sensor.exposure.exposureTime", "camera.sensor.exposure.maxExposureTime"), fields);
    }

    @Test
    void rulesAcrossStagesWaitForThePresetToBeApplied() {
        SensorProfile rawOnly = new SensorProfile(null, "phone-daylight", null, null, null, null, null, new OutputStage(true, null));
        assertEquals(List.of(), check(rawOnly), "the preset has a sensor, which only resolution can see");
        SensorProfile noPreset = new SensorProfile(null, null, null, null, null, null, null, new OutputStage(true, null));
        assertEquals("camera.sensor.outputs.raw", check(noPreset).get(0).field());
    }

    @Test
    void aSingularColourResponseAndAVignettingThatGoesNegativeAreRejected() {
        SensorStage singular = new SensorStage("RGGB", 12, 64, 0.2, 1.0, null, null, null, null, null, null,
                List.of(1.0, 1.0, 0.0, 1.0, 1.0, 0.0, 0.0, 0.0, 1.0));
        OpticsStage dark = new OpticsStage(null, List.of(-1.5), null, null);
        List<Violation> bad = check(new SensorProfile(null, null, null, dark, null, singular, null, null));
        Set<String> fields = bad.stream().map(Violation::field).collect(Collectors.toSet());
        assertEquals(Set.of("camera.sensor.sensor.colorResponse", "camera.sensor.optics.vignetting"), fields, bad.toString());
    }

    @Test
    void aCompleteProfileHasNoViolations() {
        SensorProfile good = new SensorProfile(1, null, "ok", new OpticsStage(70.0, List.of(-0.2, 0.05), 0.001, -0.001),
                new ExposureStage("manual", 0.02, 400.0, null, null, null, null, 1e5, 8000.0), GOOD_SENSOR,
                new IspStage("gains", List.of(2.0, 1.0, 1.6), "bilinear", null, 2.2, "s-curve", 0.4, 1.0, 1.5, 80),
                new OutputStage(true, true));
        assertEquals(List.of(), check(good));
    }
}
