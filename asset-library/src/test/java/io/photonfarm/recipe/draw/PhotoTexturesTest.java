package io.photonfarm.recipe.draw;

import static org.junit.jupiter.api.Assertions.assertArrayEquals;
import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertSame;
import static org.junit.jupiter.api.Assertions.assertTrue;

import io.photonfarm.recipe.RecipeJson;
import io.photonfarm.scene.Scene;
import io.photonfarm.scene.Texture;
import io.photonfarm.scene.procedural.ProceduralAssets;
import java.awt.image.BufferedImage;
import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.List;
import java.util.Optional;
import javax.imageio.ImageIO;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

class PhotoTexturesTest {
    private static final String REF = "asset:" + "c3".repeat(32);

    /** Texel (x, y) of the test pattern: 2x2 blocks whose colour is a function of the block. */
    private static int pattern(int x, int y) {
        int bx = x / 2;
        int by = y / 2;
        return 0xFF000000 | ((bx * 37) & 0xFF) << 16 | ((by * 53) & 0xFF) << 8 | ((bx + by) % 2 == 0 ? 0xE0 : 0x10);
    }

    private static void writePattern(Path file, int w, int h) throws IOException {
        BufferedImage img = new BufferedImage(w, h, BufferedImage.TYPE_INT_RGB);
        for (int y = 0; y < h; y++) {
            for (int x = 0; x < w; x++) {
                img.setRGB(x, y, pattern(x, y));
            }
        }
        Files.createDirectories(file.getParent());
        ImageIO.write(img, "png", file.toFile());
    }

    @Test
    void photosAreListedByPathWithinTheSetWhateverTheFolders(@TempDir Path dir) throws IOException {
        writePattern(dir.resolve("b/z.png"), 16, 16);
        writePattern(dir.resolve("a.png"), 16, 16);
        writePattern(dir.resolve("b/c.PNG"), 16, 16);
        Files.writeString(dir.resolve(".fetch-1.part"), "not a photo");
        assertEquals(List.of("a.png", "b/c.PNG", "b/z.png"), PhotoTextures.photos(dir));
    }

    @Test
    void aSmallPhotoKeepsEveryTexel(@TempDir Path dir) throws IOException {
        writePattern(dir.resolve("p.png"), 40, 24);
        Texture t = PhotoTextures.decode(dir.resolve("p.png"), "p");
        assertEquals(40, t.width());
        assertEquals(24, t.height());
        for (int y = 0; y < 24; y++) {
            for (int x = 0; x < 40; x++) {
                int o = (y * 40 + x) * 4;
                int argb = pattern(x, y);
                assertArrayEquals(new byte[] {(byte) (argb >> 16), (byte) (argb >> 8), (byte) argb, (byte) 0xFF},
                        new byte[] {t.rgba()[o], t.rgba()[o + 1], t.rgba()[o + 2], t.rgba()[o + 3]}, "texel " + x + "," + y);
            }
        }
    }

    @Test
    void aLargePhotoIsHalvedToTheSideLimitAveragingEachBlock(@TempDir Path dir) throws IOException {
        int w = 2 * PhotoTextures.MAX_SIDE;
        writePattern(dir.resolve("big.png"), w, 600);
        Texture t = PhotoTextures.decode(dir.resolve("big.png"), "big");
        assertEquals(PhotoTextures.MAX_SIDE, t.width());
        assertEquals(300, t.height());
        // Each output texel covers exactly one uniform 2x2 block, so it has that block's colour exactly.
        for (int y = 0; y < 300; y += 7) {
            for (int x = 0; x < PhotoTextures.MAX_SIDE; x += 13) {
                int o = (y * t.width() + x) * 4;
                int argb = pattern(2 * x, 2 * y);
                assertEquals(argb >> 16 & 0xFF, t.rgba()[o] & 0xFF, "red at " + x + "," + y);
                assertEquals(argb >> 8 & 0xFF, t.rgba()[o + 1] & 0xFF, "green at " + x + "," + y);
                assertEquals(argb & 0xFF, t.rgba()[o + 2] & 0xFF, "blue at " + x + "," + y);
            }
        }
    }

    @Test
    void theTextureInTheDrawnSceneHasThePhotosTexels(@TempDir Path dir) throws IOException {
        writePattern(dir.resolve("set/one.png"), 32, 32);
        PhotoTextures photos = new PhotoTextures(ref -> ref.equals(REF) ? Optional.of(dir.resolve("set")) : Optional.empty());
        RecipeSampler s = new RecipeSampler(RecipeJson.read("""
                {"version": 1, "objects": [{"asset": "procedural:box", "count": {"min": 3, "max": 3},
                  "material": {"texture": {"images": ["%s"]}}}]}""".formatted(REF)),
                new ProceduralAssets(), EnvironmentMaps.NONE, photos);
        DrawnScene d = s.draw(8, 0);
        DrawnFrame.DrawnObject o = d.frame().objects().get(0);
        assertEquals(new DrawnFrame.TextureImage(REF, 0, "one.png"), o.image());
        Scene scene = d.scene();
        int material = scene.meshes().get(scene.instances().get(o.instance()).mesh()).triangleMaterials()[0];
        Texture inScene = scene.textures().get(scene.materials().get(material).baseColorTexture());
        assertArrayEquals(PhotoTextures.decode(dir.resolve("set/one.png"), "x").rgba(), inScene.rgba());
        assertSame(inScene, photos.find(REF).orElseThrow().texture(0), "decoded once and kept");
        assertTrue(photos.find("asset:" + "d4".repeat(32)).isEmpty());
    }
}
