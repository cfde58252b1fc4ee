package io.photonfarm.coordinator.http;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

import io.photonfarm.api.asset.AssetKind;
import io.photonfarm.api.asset.AssetView;
import io.photonfarm.api.job.JobSpecException;
import java.awt.image.BufferedImage;
import java.io.ByteArrayOutputStream;
import java.io.IOException;
import java.nio.file.Path;
import java.util.List;
import java.util.Map;
import javax.imageio.ImageIO;
import org.junit.jupiter.api.AfterAll;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/** Recipes whose textures name uploaded images: only photos assets are accepted, and refusals name the field. */
class ImageTextureJobTest {
    @TempDir
    static Path dataDir;
    static TestFarm farm;

    @BeforeAll
    static void start() {
        farm = TestFarm.start(dataDir);
    }

    @AfterAll
    static void stop() {
        if (farm != null) {
            farm.close();
        }
    }

    static byte[] solidPng(int argb) throws IOException {
        BufferedImage img = new BufferedImage(16, 16, BufferedImage.TYPE_INT_RGB);
        for (int y = 0; y < 16; y++) {
            for (int x = 0; x < 16; x++) {
                img.setRGB(x, y, argb);
            }
        }
        ByteArrayOutputStream out = new ByteArrayOutputStream();
        ImageIO.write(img, "png", out);
        return out.toByteArray();
    }

    private static AssetView upload(String name, byte[] body) {
        TestFarm.Reply r = farm.send("POST", "/api/v1/assets?name=" + name, TestFarm.CLIENT_TOKEN, "application/octet-stream", body);
        assertTrue(r.status() == 201 || r.status() == 200, r.text());
        return r.as(AssetView.class);
    }

    private static TestFarm.Reply submit(String id, String... images) {
        String list = String.join(", ", java.util.Arrays.stream(images).map(i -> "\"" + i + "\"").toList());
        return farm.client("POST", "/api/v1/jobs", """
                {"id": "%s", "frames": 1, "width": 16, "height": 16, "spp": 1,
                 "recipe": {"version": 1, "objects": [{"asset": "procedural:box"},
                   {"asset": "procedural:can", "material": {"texture": {"kinds": ["noise"], "images": [%s]}}}]}}"""
                .formatted(id, list));
    }

    @Test
    void aRecipeNamingAnAssetThatIsNoPhotoSetIsRefusedNamingTheField() throws IOException {
        AssetView photo = upload("red.png", solidPng(0xFF0000));
        assertEquals(AssetKind.PHOTOS, photo.kind());
        AssetView sky = upload("sky.hdr", AssetFiles.hdr());
        assertEquals(AssetKind.ENVIRONMENT, sky.kind());
        String unknown = "asset:" + "0".repeat(64);

        TestFarm.Reply r = submit("refused", "asset:" + photo.hash(), "asset:" + sky.hash(), unknown);
        assertEquals(400, r.status(), r.text());
        List<JobSpecException.Violation> v = r.error().violations();
        assertEquals(List.of("recipe.objects[1].material.texture.images[1]", "recipe.objects[1].material.texture.images[2]"),
                v.stream().map(JobSpecException.Violation::field).toList(), r.text());
        assertEquals("asset:" + sky.hash(), v.get(0).value());
        assertTrue(v.get(0).limit().startsWith("an uploaded photos asset"), v.get(0).limit());
        assertEquals(unknown, v.get(1).value());
    }

    @Test
    void aMalformedImageReferenceIsRefusedByTheRecipesOwnRules() {
        TestFarm.Reply r = submit("malformed", "red.png");
        assertEquals(400, r.status(), r.text());
        assertEquals("recipe.objects[1].material.texture.images[0]", r.error().violations().get(0).field(), r.text());
    }

    @Test
    void aRecipeNamingAnUploadedPhotoSetIsAccepted() throws IOException {
        AssetView set = upload("two.zip", AssetFiles.zip(Map.of("a/green.png", solidPng(0x00FF00), "b.png", solidPng(0x0000FF))));
        assertEquals(AssetKind.PHOTOS, set.kind());
        TestFarm.Reply r = submit("accepted", "asset:" + set.hash());
        assertEquals(201, r.status(), r.text());
    }
}
