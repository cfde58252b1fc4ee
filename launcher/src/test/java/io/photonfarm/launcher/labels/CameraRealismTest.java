package io.photonfarm.launcher.labels;

import static org.junit.jupiter.api.Assertions.assertArrayEquals;
import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertTrue;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import io.photonfarm.image.FloatImage;
import io.photonfarm.image.Images;
import java.io.ByteArrayOutputStream;
import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Duration;
import java.util.List;
import java.util.zip.ZipEntry;
import java.util.zip.ZipOutputStream;
import javax.imageio.ImageIO;
import java.awt.image.BufferedImage;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/**
 * A job with a simulated camera (a phone sensor and ISP, a structured-light depth sensor, and FDA plus
 * colour-transfer refiners towards uploaded real photographs) renders through the farm on a real node
 * (lavapipe in CI), beside the same job with the ideal camera: the labels are the same bytes, only
 * the image changes; the noisy outputs repeat exactly; and the domain-gap report's real-vs-synthetic
 * classifier does worse after refinement than before.
 */
class CameraRealismTest {
    private static final ObjectMapper JSON = new ObjectMapper();
    /** The shared real photographs, kept with the refiner tests' resources. */
    private static final Path PHOTOS = Path.of("..", "sensor", "src", "test", "resources", "io", "photonfarm", "refine",
            "real-photos");
    private static final int FRAMES = 3;
    private static final String JOB = "\"sceneRef\": \"builtin:cornell-box\", \"frames\": " + FRAMES + ", \"width\": 96, "
            + "\"height\": 96, \"spp\": 4, \"seed\": 5, \"passes\": [\"instance\", \"depth_z\"], \"writers\": [\"coco\"]";

    static byte[] photoZip() throws IOException {
        ByteArrayOutputStream out = new ByteArrayOutputStream();
        try (ZipOutputStream zip = new ZipOutputStream(out)) {
            for (String name : List.of("astronaut.png", "chelsea.png", "coffee.png")) {
                zip.putNextEntry(new ZipEntry("target/" + name));
                zip.write(Files.readAllBytes(PHOTOS.resolve(name)));
                zip.closeEntry();
            }
        }
        return out.toByteArray();
    }

    @Test
    void aSimulatedCameraChangesOnlyTheImageRepeatsExactlyAndRefinementNarrowsTheDomainGap(@TempDir Path data)
            throws Exception {
        try (LabelledFarm farm = new LabelledFarm(data)) {
            JsonNode photos = farm.upload("target-photos.zip", photoZip());
            assertEquals("photos", photos.path("kind").asText(), photos.toString());
            String camera = """
                    "camera": {"sensor": {"preset": "phone-daylight", "outputs": {"raw": true, "linear": true}},
                               "depthSensor": {"kind": "structured-light"},
                               "refiners": [{"kind": "fda", "beta": 0.01}, {"kind": "reinhard"}],
                               "targetDomain": "asset:%s"}""".formatted(photos.path("hash").asText());
            Duration limit = Duration.ofMinutes(4);
            farm.render("{\"id\": \"ideal\", " + JOB + "}", limit);
            JsonNode job = farm.render("{\"id\": \"camera\", " + JOB + ", " + camera + "}", limit);
            farm.render("{\"id\": \"again\", " + JOB + ", " + camera + "}", limit);
            assertEquals("Phone main camera in daylight", job.path("spec").path("camera").path("sensor").path("name").asText(),
                    "the stored job carries the preset's full profile: " + job.path("spec").path("camera"));

            for (int f = 0; f < FRAMES; f++) {
                String dir = "frames/00000" + f;
                Path ideal = farm.jobDir("ideal").resolve(dir);
                Path real = farm.jobDir("camera").resolve(dir);
                Path again = farm.jobDir("again").resolve(dir);
                for (String labels : List.of("radiance.exr", "instance.png", "depth_z.exr", "coco.json")) {
                    assertArrayEquals(Files.readAllBytes(ideal.resolve(labels)), Files.readAllBytes(real.resolve(labels)),
                            "frame " + f + " " + labels + " is untouched by the camera");
                }
                JsonNode idealMeta = JSON.readTree(ideal.resolve("meta.json").toFile());
                JsonNode meta = JSON.readTree(real.resolve("meta.json").toFile());
                assertEquals(idealMeta.path("objects"), meta.path("objects"), "frame " + f + " objects, boxes and landmarks");
                assertFalse(java.util.Arrays.equals(Files.readAllBytes(ideal.resolve("rgb.png")),
                        Files.readAllBytes(real.resolve("rgb.png"))), "frame " + f + ": the camera changed the image");
                for (String made : List.of("rgb.png", "rgb.jpg", "raw.png", "linear.exr", "depth_sensor.exr")) {
                    assertArrayEquals(Files.readAllBytes(real.resolve(made)), Files.readAllBytes(again.resolve(made)),
                            "frame " + f + " " + made + " repeats exactly");
                }
                JsonNode imaging = meta.path("imaging");
                assertEquals("RGGB", imaging.path("sensor").path("sensor").path("cfa").asText(), imaging.toString());
                assertTrue(imaging.path("sensor").path("exposure").path("exposureTime").asDouble() > 0,
                        "the auto-exposure's choice is recorded: " + imaging.path("sensor").path("exposure"));
                assertEquals("structured-light", imaging.path("depthSensor").path("kind").asText());
                assertEquals(List.of("fda", "reinhard"), List.of(imaging.path("refiners").path(0).path("kind").asText(),
                        imaging.path("refiners").path(1).path("kind").asText()));
                assertTrue(imaging.path("stages").size() >= 4, "timed stages: " + imaging.path("stages"));
                BufferedImage raw = ImageIO.read(real.resolve("raw.png").toFile());
                assertEquals(16, raw.getColorModel().getPixelSize(), "raw mosaic is 16-bit grey");
                checkDepthSensor(Images.readExr(ideal.resolve("depth_z.exr")), Images.readExr(real.resolve("depth_sensor.exr")));
            }

            // The gap is measured on a job of cleaner renders (more samples, no sensor noise): the refiners move
            // colour and low frequencies, and a 4-spp path tracer's noise alone would give the frames away.
            farm.render("{\"id\": \"refined\", \"sceneRef\": \"builtin:cornell-box\", \"frames\": " + FRAMES
                    + ", \"width\": 96, \"height\": 96, \"spp\": 64, \"samplesPerUnit\": 64, \"maxBounces\": 3, \"seed\": 5, "
                    + "\"passes\": [], \"writers\": [], \"camera\": {\"refiners\": [{\"kind\": \"fda\", \"beta\": 0.02}, "
                    + "{\"kind\": \"histogram\"}], \"targetDomain\": \"asset:" + photos.path("hash").asText() + "\"}}", limit);
            JsonNode gap = farm.call("GET", "/api/v1/jobs/refined/domain-gap", null);
            double before = gap.path("before").path("classifierAccuracy").asDouble();
            double after = gap.path("after").path("classifierAccuracy").asDouble();
            assertTrue(gap.path("complete").asBoolean(), gap.toString());
            assertTrue(after < before - 0.05, "refinement lowers the real-vs-synthetic accuracy: before " + before
                    + ", after " + after + " (" + gap + ")");
            assertTrue(Files.isRegularFile(farm.jobDir("refined").resolve("domain-gap.json")), "the final report is kept");
            System.out.println("domain gap of the refined job: " + gap);
        }
    }

    /** Measured depths sit near the exact ones (within the profile's noise and disparity steps), with some holes. */
    private static void checkDepthSensor(FloatImage exact, FloatImage measured) {
        int holes = 0;
        int measuredPixels = 0;
        for (int i = 0; i < exact.data().length; i++) {
            float z = exact.data()[i];
            float m = measured.data()[i];
            if (m == 0f) {
                holes++;
                continue;
            }
            measuredPixels++;
            assertTrue(Float.isFinite(z) && Math.abs(m - z) < 0.05 * z + 0.02, "pixel " + i + ": exact " + z + ", measured " + m);
        }
        assertTrue(holes > 0 && measuredPixels > exact.data().length / 2, holes + " holes, " + measuredPixels + " measured");
    }
}
