package io.photonfarm.launcher.labels;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import io.photonfarm.image.FloatImage;
import io.photonfarm.image.IdImages;
import io.photonfarm.image.Images;
import java.awt.image.BufferedImage;
import java.io.ByteArrayOutputStream;
import java.io.IOException;
import java.nio.file.Path;
import java.time.Duration;
import java.util.Locale;
import java.util.zip.ZipEntry;
import java.util.zip.ZipOutputStream;
import javax.imageio.ImageIO;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/**
 * A recipe whose objects show uploaded images renders through the farm on a real node (lavapipe in
 * CI): the node fetches the photos assets by hash (a single PNG, and a zip of two), and the pixels
 * inside each object's instance mask take the colour of the image meta.json says it got, where the
 * same recipe without the texture shows the drawn green.
 */
class ImageTextureRecipeTest {
    private static final ObjectMapper JSON = new ObjectMapper();
    private static final int SIZE = 64;

    static byte[] solidPng(int rgb) throws IOException {
        BufferedImage img = new BufferedImage(32, 32, BufferedImage.TYPE_INT_RGB);
        for (int y = 0; y < 32; y++) {
            for (int x = 0; x < 32; x++) {
                img.setRGB(x, y, rgb);
            }
        }
        ByteArrayOutputStream out = new ByteArrayOutputStream();
        ImageIO.write(img, "png", out);
        return out.toByteArray();
    }

    static byte[] zip(String name1, byte[] file1, String name2, byte[] file2) throws IOException {
        ByteArrayOutputStream bytes = new ByteArrayOutputStream();
        try (ZipOutputStream zip = new ZipOutputStream(bytes)) {
            zip.putNextEntry(new ZipEntry(name1));
            zip.write(file1);
            zip.closeEntry();
            zip.putNextEntry(new ZipEntry(name2));
            zip.write(file2);
            zip.closeEntry();
        }
        return bytes.toByteArray();
    }

    private static String recipe(String texture) {
        return """
                {"version": 1,
                 "objects": [{"asset": "procedural:box", "count": {"min": 4, "max": 4}, "scale": {"min": 1.5, "max": 1.5},
                   "material": {"looks": ["plastic"], "roughness": {"min": 0.9, "max": 0.9},
                     "color": {"hue": {"min": 120, "max": 120}, "saturation": {"min": 0.9, "max": 0.9},
                               "value": {"min": 0.8, "max": 0.8}}%s}}],
                 "support": {"surface": "ground", "sizeX": 0.4, "sizeZ": 0.4},
                 "camera": {"distanceM": {"min": 0.9, "max": 0.9}, "elevationDeg": {"min": 45, "max": 45}}}"""
                .formatted(texture);
    }

    private static String job(String id, String recipe) {
        return "{\"id\": \"" + id + "\", \"frames\": 1, \"seed\": 5, \"width\": " + SIZE + ", \"height\": " + SIZE
                + ", \"spp\": 4, \"writers\": [], \"passes\": [\"instance\"], \"recipe\": " + recipe + "}";
    }

    /** Mean linear RGB inside each object's instance mask, by instance id (objects with too few pixels left out). */
    private static java.util.Map<Integer, float[]> meanColours(Path frame, JsonNode objects) throws IOException {
        FloatImage rgb = Images.readExr(frame.resolve("radiance.exr"));
        int[] instance = IdImages.readGreyPng(frame.resolve("instance.png"));
        java.util.Map<Integer, float[]> out = new java.util.TreeMap<>();
        for (JsonNode o : objects) {
            int id = o.path("instanceId").asInt();
            float[] sum = new float[3];
            int n = 0;
            for (int y = 0; y < SIZE; y++) {
                for (int x = 0; x < SIZE; x++) {
                    if (instance[y * SIZE + x] == id) {
                        for (int c = 0; c < 3; c++) {
                            sum[c] += rgb.get(x, y, c);
                        }
                        n++;
                    }
                }
            }
            if (n >= 8) {
                out.put(id, new float[] {sum[0] / n, sum[1] / n, sum[2] / n});
            }
        }
        return out;
    }

    @Test
    void objectsShowTheColoursOfTheUploadedImagesTheyDrew(@TempDir Path data) throws Exception {
        try (LabelledFarm farm = new LabelledFarm(data)) {
            JsonNode red = farm.upload("red.png", solidPng(0xFF0000));
            JsonNode set = farm.upload("pair.zip", zip("a/blue.png", solidPng(0x0000FF), "b/red.png", solidPng(0xFF0000)));
            assertEquals("photos", red.path("kind").asText().toLowerCase(Locale.ROOT), red.toString());
            assertEquals("photos", set.path("kind").asText().toLowerCase(Locale.ROOT), set.toString());
            String redRef = "asset:" + red.path("hash").asText();
            String setRef = "asset:" + set.path("hash").asText();

            farm.render(job("textured", recipe(", \"texture\": {\"images\": [\"" + redRef + "\", \"" + setRef + "\"]}")),
                    Duration.ofMinutes(4));
            farm.render(job("plain", recipe("")), Duration.ofMinutes(4));

            Path textured = farm.jobDir("textured").resolve("frames/000000");
            JsonNode objects = JSON.readTree(textured.resolve("meta.json").toFile()).path("recipe").path("objects");
            java.util.Map<Integer, float[]> colours = meanColours(textured, objects);
            assertTrue(colours.size() >= 2, "at least two objects are seen: " + colours.keySet());
            for (JsonNode o : objects) {
                float[] c = colours.get(o.path("instanceId").asInt());
                JsonNode image = o.path("image");
                assertTrue(image.path("ref").asText().equals(redRef) || image.path("ref").asText().equals(setRef), o.toString());
                if (c == null) {
                    continue;
                }
                String name = image.path("name").asText();
                String what = o.path("name").asText() + " showing " + name + ": " + java.util.Arrays.toString(c);
                if (name.endsWith("red.png")) {
                    assertTrue(c[0] > 3 * c[1] && c[0] > 3 * c[2], what);
                } else {
                    assertEquals("a/blue.png", name, o.toString());
                    assertEquals(0, image.path("index").asInt(), "the set's photos are ordered by path");
                    assertTrue(c[2] > 3 * c[0] && c[2] > 3 * c[1], what);
                }
            }

            Path plain = farm.jobDir("plain").resolve("frames/000000");
            JsonNode plainObjects = JSON.readTree(plain.resolve("meta.json").toFile()).path("recipe").path("objects");
            java.util.Map<Integer, float[]> greens = meanColours(plain, plainObjects);
            assertTrue(greens.size() >= 2, "at least two objects are seen: " + greens.keySet());
            for (JsonNode o : plainObjects) {
                assertTrue(o.path("image").isMissingNode() || o.path("image").isNull(), o.toString());
            }
            for (float[] c : greens.values()) {
                assertTrue(c[1] > 2 * c[0], "without the texture the drawn green shows: " + java.util.Arrays.toString(c));
            }
        }
    }
}
