package io.photonfarm.launcher.labels;

import static org.junit.jupiter.api.Assertions.assertArrayEquals;
import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertNotEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import io.photonfarm.image.FloatImage;
import io.photonfarm.image.IdImages;
import io.photonfarm.image.Images;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Duration;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/**
 * A sequence whose objects move, exposed with an open shutter, rendered through the farm on a real node
 * (lavapipe in CI), next to the same sequence with the shutter closed: the labels are identical (both
 * show the scene at the middle of the exposure) while the images differ by the blur, and meta.json records
 * the motion of the camera and of every moving object.
 */
class MovingSequenceTest {
    private static final ObjectMapper JSON = new ObjectMapper();

    static String job(String id, double shutterClose) {
        String recipe = """
                {"version": 1,
                 "objects": [{"asset": "procedural:box", "count": {"min": 2, "max": 2}}],
                 "support": {"surface": "ground", "sizeX": 0.6, "sizeZ": 0.6},
                 "camera": {"distanceM": {"min": 0.9, "max": 0.9}, "elevationDeg": {"min": 35, "max": 35}},
                 "sequence": {"framesPerSequence": 3, "cameraSweepDeg": {"min": 6, "max": 6}, "shutterOpen": 0,
                              "shutterClose": %s,
                              "objectMotion": {"probability": 1, "speedM": {"min": 0.03, "max": 0.03},
                                               "spinDeg": {"min": 5, "max": 5}}}}""".formatted(shutterClose);
        return "{\"id\": \"" + id + "\", \"frames\": 3, \"width\": 48, \"height\": 48, \"spp\": 16, \"writers\": [],"
                + " \"seed\": 4, \"passes\": [\"instance\", \"depth_z\"], \"recipe\": " + recipe + "}";
    }

    @Test
    void movingObjectsBlurTheImageButNotTheLabelsAndMetaJsonRecordsTheirMotion(@TempDir Path data) throws Exception {
        try (LabelledFarm farm = new LabelledFarm(data)) {
            farm.render(job("blur", 1.0), Duration.ofMinutes(4));
            farm.render(job("sharp", 0.0), Duration.ofMinutes(4));
            int moving = 0;
            for (int k = 0; k < 3; k++) {
                Path blur = farm.jobDir("blur").resolve(String.format("frames/%06d", k));
                Path sharp = farm.jobDir("sharp").resolve(String.format("frames/%06d", k));
                JsonNode rec = JSON.readTree(blur.resolve("meta.json").toFile()).path("recipe");
                assertEquals(1.0, rec.path("cameraMotion").path("shutter").asDouble(), 0, "frame " + k + ": " + rec);
                assertTrue(rec.path("cameraMotion").path("angularVelocity").path("y").asDouble() != 0, "the camera orbits");
                assertFalse(rec.path("notRendered").toString().contains("motion_blur"), rec.path("notRendered").toString());
                for (JsonNode o : rec.path("objects")) {
                    if (o.has("motion")) {
                        moving++;
                        JsonNode v = o.path("motion").path("velocityM");
                        // The drawn speed and spin, or both halved (or quartered) where the full ones would touch something.
                        double f = Math.hypot(v.get(0).asDouble(), v.get(2).asDouble()) / 0.03;
                        assertTrue(Math.abs(f - 1) < 1e-9 || Math.abs(f - 0.5) < 1e-9 || Math.abs(f - 0.25) < 1e-9, o.toString());
                        assertEquals(5 * f, Math.abs(o.path("motion").path("spinDeg").asDouble()), 1e-9, o.toString());
                    }
                }
                JsonNode sharpRec = JSON.readTree(sharp.resolve("meta.json").toFile()).path("recipe");
                assertTrue(sharpRec.path("cameraMotion").isMissingNode(), "a closed shutter exposes an instant");
                assertEquals(rec.path("objects"), sharpRec.path("objects"), "the same objects moving the same way");
                assertArrayEquals(IdImages.readGreyPng(sharp.resolve("instance.png")),
                        IdImages.readGreyPng(blur.resolve("instance.png")), "frame " + k + ": labels at the label time");
                assertArrayEquals(Files.readAllBytes(sharp.resolve("depth_z.exr")), Files.readAllBytes(blur.resolve("depth_z.exr")));
                FloatImage a = Images.readExr(sharp.resolve("radiance.exr"));
                FloatImage b = Images.readExr(blur.resolve("radiance.exr"));
                double diff = 0;
                for (int i = 0; i < a.data().length; i++) {
                    diff += Math.abs(a.data()[i] - b.data()[i]);
                }
                assertNotEquals(0.0, diff, "frame " + k + ": the blurred image differs");
            }
            assertTrue(moving >= 3, moving + " moving objects in three frames");
            // The objects move between frames: frame 0's and frame 2's instance passes differ.
            assertFalse(java.util.Arrays.equals(
                    IdImages.readGreyPng(farm.jobDir("sharp").resolve("frames/000000/instance.png")),
                    IdImages.readGreyPng(farm.jobDir("sharp").resolve("frames/000002/instance.png"))));
        }
    }
}
