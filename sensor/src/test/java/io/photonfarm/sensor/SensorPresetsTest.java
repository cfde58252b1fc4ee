package io.photonfarm.sensor;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertNotNull;
import static org.junit.jupiter.api.Assertions.assertNull;
import static org.junit.jupiter.api.Assertions.assertSame;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;

import com.fasterxml.jackson.databind.DeserializationFeature;
import com.fasterxml.jackson.databind.ObjectMapper;
import io.photonfarm.api.camera.IspStage;
import io.photonfarm.api.camera.SensorProfile;
import io.photonfarm.api.job.JobSpecException;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import org.junit.jupiter.api.Test;

class SensorPresetsTest {
    private final ObjectMapper json = new ObjectMapper().enable(DeserializationFeature.FAIL_ON_UNKNOWN_PROPERTIES);

    @Test
    void everyPresetResolvesValidatesAndProcessesAFrame() {
        assertTrue(SensorPresets.names().containsAll(List.of("phone-daylight", "phone-lowlight", "industrial-mono-12bit", "webcam-jpeg")));
        for (String name : SensorPresets.names()) {
            SensorProfile resolved = SensorPresets.resolve(SensorProfile.ofPreset(name));
            List<JobSpecException.Violation> bad = new ArrayList<>();
            resolved.checkResolved("camera.sensor", bad);
            assertEquals(List.of(), bad, name);
            assertEquals(name, resolved.preset());
            assertEquals(SensorProfile.CURRENT_VERSION, resolved.version());
            assertNotNull(resolved.sensor(), name);
            SensorFrame frame = new SensorPipeline(resolved).process(TestScenes.scene(40, 30, 1), 5, 0);
            int channels = "none".equals(resolved.sensor().cfa()) ? 1 : 3;
            assertEquals(channels, frame.display().channels(), name);
            assertEquals(resolved.isp().jpegQuality() == null ? "rgb.png" : "rgb.jpg", frame.image().fileName(), name);
        }
    }

    @Test
    void imagesOfOneOrTwoPixelsAcrossPassThroughEveryPreset() {
        for (String name : SensorPresets.names()) {
            SensorPipeline pipeline = new SensorPipeline(SensorProfile.ofPreset(name));
            for (int[] size : new int[][] {{1, 1}, {2, 3}, {3, 2}}) {
                SensorFrame frame = pipeline.process(TestScenes.flat(size[0], size[1], 0.3, 0.3, 0.3), 1, 0);
                assertEquals(size[0], frame.display().width(), name);
                assertEquals(size[1], frame.display().height(), name);
            }
        }
    }

    @Test
    void aProfilesOwnStageReplacesThePresetsWholeStageAndKeepsTheRest() {
        IspStage ownIsp = new IspStage(IspStage.WB_NONE, null, IspStage.BILINEAR, null, null, null, null, null, null, null);
        SensorProfile own = new SensorProfile(null, "phone-daylight", "mine", null, null, null, ownIsp, null);
        SensorProfile resolved = SensorPresets.resolve(own);
        SensorProfile preset = SensorPresets.get("phone-daylight").orElseThrow();
        assertSame(ownIsp, resolved.isp());
        assertNull(resolved.isp().jpegQuality(), "the preset's JPEG quality does not leak into the replaced stage");
        assertEquals(preset.sensor(), resolved.sensor());
        assertEquals(preset.exposure(), resolved.exposure());
        assertEquals(preset.optics(), resolved.optics());
        assertEquals("mine", resolved.name());
    }

    @Test
    void resolvingIsIdempotentSoAPipelineMayBeGivenEitherForm() {
        SensorProfile once = SensorPresets.resolve(SensorProfile.ofPreset("webcam-jpeg"));
        assertEquals(once, SensorPresets.resolve(once));
        SensorFrame fromResolved = new SensorPipeline(once).process(TestScenes.scene(32, 24, 1), 1, 0);
        SensorFrame fromPresetName = new SensorPipeline(SensorProfile.ofPreset("webcam-jpeg")).process(TestScenes.scene(32, 24, 1), 1, 0);
        org.junit.jupiter.api.Assertions.assertArrayEquals(fromResolved.image().bytes(), fromPresetName.image().bytes());
    }

    @Test
    void anUnknownPresetIsRejectedByNameAndField() {
        IllegalArgumentException e = assertThrows(IllegalArgumentException.class,
                () -> SensorPresets.resolve(SensorProfile.ofPreset("phone-moonlight"), "camera.sensor"));
        assertTrue(e.getMessage().contains("camera.sensor.preset = phone-moonlight"), e.getMessage());
        assertTrue(e.getMessage().contains("phone-daylight"), "the message lists the presets: " + e.getMessage());
    }

    @Test
    void aResolvedProfileIsCheckedAcrossStages() {
        SensorProfile rawWithoutSensor = new SensorProfile(null, null, null, null, null, null, null,
                new io.photonfarm.api.camera.OutputStage(true, null));
        JobSpecException e = assertThrows(JobSpecException.class, () -> SensorPresets.resolve(rawWithoutSensor, "camera.sensor"));
        assertEquals("camera.sensor.outputs.raw", e.violations().get(0).field());
    }

    @Test
    void presetsSurviveAJsonRoundTripUnchangedAndStayShort() throws Exception {
        for (String name : SensorPresets.names()) {
            SensorProfile preset = SensorPresets.get(name).orElseThrow();
            String text = json.writeValueAsString(preset);
            assertEquals(preset, json.readValue(text, SensorProfile.class), name);
            assertTrue(!text.contains("null"), "absent fields are left out: " + text);
        }
        assertEquals("{\"version\":1,\"preset\":\"webcam-jpeg\"}", json.writeValueAsString(SensorProfile.ofPreset("webcam-jpeg")));
    }

    @Test
    void frameParametersSerialiseAsJsonWithEveryStageAndPerFrameChoice() throws Exception {
        SensorFrame frame = new SensorPipeline(SensorPresets.resolve(SensorProfile.ofPreset("webcam-jpeg")))
                .process(TestScenes.scene(40, 30, 1), 5, 2);
        @SuppressWarnings("unchecked")
        Map<String, Object> back = json.readValue(json.writeValueAsString(frame.parameters()), Map.class);
        assertEquals(List.of("profile", "random", "size", "optics", "exposure", "sensor", "isp", "outputs"), List.copyOf(back.keySet()));
        Map<?, ?> exposure = (Map<?, ?>) back.get("exposure");
        Map<?, ?> sensor = (Map<?, ?>) back.get("sensor");
        Map<?, ?> isp = (Map<?, ?>) back.get("isp");
        assertEquals("auto", exposure.get("mode"));
        assertTrue(((Number) exposure.get("exposureTime")).doubleValue() > 0);
        assertEquals("RGGB", sensor.get("cfa"));
        assertEquals(10, sensor.get("bitDepth"));
        assertEquals(64, sensor.get("blackLevel"));
        assertEquals(0.213, ((Number) sensor.get("a")).doubleValue());
        assertTrue(((Map<?, ?>) sensor.get("noiseModel")).containsKey("b"));
        assertEquals(3, ((List<?>) isp.get("whiteBalanceGains")).size());
        assertEquals(45, isp.get("jpegQuality"));
        assertEquals(2, ((Map<?, ?>) back.get("random")).get("frame"));
    }
}
