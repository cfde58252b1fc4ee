package io.photonfarm.launcher.labels;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import io.photonfarm.image.FloatImage;
import io.photonfarm.image.Images;
import java.io.ByteArrayOutputStream;
import java.nio.charset.StandardCharsets;
import java.nio.file.Path;
import java.time.Duration;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/**
 * A recipe lit by an uploaded HDR environment map renders through the farm on a real node (lavapipe
 * in CI): the node fetches the map by hash, and every pixel whose samples all escape to the sky shows
 * the map's radiance exactly.
 */
class EnvironmentMapRecipeTest {
    private static final ObjectMapper JSON = new ObjectMapper();

    /** A 4 x 2 Radiance .hdr of one colour: RGBE (128, 64, 32, 128) is exactly (0.5, 0.25, 0.125). */
    static byte[] constantHdr() {
        ByteArrayOutputStream out = new ByteArrayOutputStream();
        out.writeBytes("#?RADIANCE\nFORMAT=32-bit_rle_rgbe\n\n-Y 2 +X 4\n".getBytes(StandardCharsets.US_ASCII));
        for (int i = 0; i < 8; i++) {
            out.writeBytes(new byte[] {(byte) 128, 64, 32, (byte) 128});
        }
        return out.toByteArray();
    }

    @Test
    void aRecipeLitByAnUploadedHdrShowsTheMapsRadianceWhereTheSkyIsSeen(@TempDir Path data) throws Exception {
        try (LabelledFarm farm = new LabelledFarm(data)) {
            JsonNode map = farm.upload("sky.hdr", constantHdr());
            assertEquals("environment", map.path("kind").asText().toLowerCase(java.util.Locale.ROOT), map.toString());
            String ref = "asset:" + map.path("hash").asText();
            String recipe = """
                    {"version": 1,
                     "objects": [{"asset": "procedural:sphere", "count": {"min": 1, "max": 1}}],
                     "support": {"surface": "ground", "sizeX": 0.5, "sizeZ": 0.5},
                     "lighting": {"environmentMap": {"ref": "%s", "rotationDeg": {"min": 0, "max": 0},
                                                     "intensity": {"min": 1, "max": 1}}},
                     "camera": {"distanceM": {"min": 1.5, "max": 1.5}, "elevationDeg": {"min": 5, "max": 5}}}""".formatted(ref);
            farm.render("{\"id\": \"env\", \"frames\": 1, \"width\": 32, \"height\": 32, \"spp\": 2, \"writers\": [],"
                    + " \"passes\": [\"instance\", \"coverage\"], \"recipe\": " + recipe + "}", Duration.ofMinutes(3));
            Path frame = farm.jobDir("env").resolve("frames/000000");
            JsonNode meta = JSON.readTree(frame.resolve("meta.json").toFile());
            assertTrue(meta.toString().contains(ref), "meta.json records the map drawn: " + meta.path("recipe"));
            FloatImage rgb = Images.readExr(frame.resolve("radiance.exr"));
            int[] instance = io.photonfarm.image.IdImages.readGreyPng(frame.resolve("instance.png"));
            FloatImage coverage = Images.readExr(frame.resolve("coverage.exr"));
            int sky = 0;
            for (int y = 0; y < 32; y++) {
                for (int x = 0; x < 32; x++) {
                    if (instance[y * 32 + x] == 0 && coverage.get(x, y, 0) == 1f) {
                        assertEquals(0.5f, rgb.get(x, y, 0), 1e-6f, "sky red at (" + x + ", " + y + ")");
                        assertEquals(0.25f, rgb.get(x, y, 1), 1e-6f, "sky green at (" + x + ", " + y + ")");
                        assertEquals(0.125f, rgb.get(x, y, 2), 1e-6f, "sky blue at (" + x + ", " + y + ")");
                        sky++;
                    }
                }
            }
            assertTrue(sky >= 32, "the camera, 5 degrees above the ground, sees the sky over at least a row: " + sky);
        }
    }
}
