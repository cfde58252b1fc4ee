package io.photonfarm.recipe.draw;

import static org.junit.jupiter.api.Assertions.assertArrayEquals;
import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertNotNull;
import static org.junit.jupiter.api.Assertions.assertNull;
import static org.junit.jupiter.api.Assertions.assertTrue;

import io.photonfarm.recipe.BuiltinRecipes;
import io.photonfarm.recipe.IntRange;
import io.photonfarm.recipe.MaterialSpec;
import io.photonfarm.recipe.RecipeJson;
import io.photonfarm.scene.Material;
import io.photonfarm.scene.Mesh;
import io.photonfarm.scene.Scene;
import io.photonfarm.scene.Texture;
import io.photonfarm.scene.procedural.ProceduralAssets;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import org.junit.jupiter.api.Test;

class ImageTextureDrawingTest {
    private static final String RED = "asset:" + "a1".repeat(32);
    private static final String TRIO = "asset:" + "b2".repeat(32);

    /** Two photo sets held in memory: one solid red image, and three images of distinct solid colours. */
    static final TextureImages SETS = ref -> {
        if (ref.equals(RED)) {
            return Optional.of(set(List.of("red.png"), List.of(solid("red", 255, 0, 0))));
        }
        if (ref.equals(TRIO)) {
            return Optional.of(set(List.of("a/one.png", "a/two.png", "b.jpg"),
                    List.of(solid("one", 10, 20, 30), solid("two", 40, 50, 60), solid("three", 70, 80, 90))));
        }
        return Optional.empty();
    };

    private static TextureImages.ImageSet set(List<String> names, List<Texture> textures) {
        return new TextureImages.ImageSet() {
            @Override
            public List<String> names() {
                return names;
            }

            @Override
            public Texture texture(int index) {
                return textures.get(index);
            }
        };
    }

    static Texture solid(String name, int r, int g, int b) {
        byte[] rgba = new byte[4 * 4 * 4];
        for (int i = 0; i < 16; i++) {
            rgba[4 * i] = (byte) r;
            rgba[4 * i + 1] = (byte) g;
            rgba[4 * i + 2] = (byte) b;
            rgba[4 * i + 3] = (byte) 255;
        }
        return new Texture(name, 4, 4, rgba);
    }

    private static RecipeSampler sampler(String material, TextureImages images) {
        return new RecipeSampler(RecipeJson.read("""
                {"version": 1, "objects": [
                  {"asset": "procedural:domino", "classes": ["domino_1_2", "domino_3_4"], "count": {"min": 6, "max": 6},
                   "material": %s},
                  {"asset": "procedural:box", "count": {"min": 2, "max": 2}}]}""".formatted(material)),
                new ProceduralAssets(), EnvironmentMaps.NONE, images);
    }

    private static final String MIXED = """
            {"looks": ["plastic"], "texture": {"kinds": ["checker"], "images": ["%s", "%s"], "probability": 0.8}}"""
            .formatted(RED, TRIO);

    @Test
    void drawingWithImageTexturesIsAPureFunctionOfSeedAndFrameWhateverTheOrder() {
        RecipeSampler forward = sampler(MIXED, SETS);
        DrawnScene[] job = new DrawnScene[8];
        for (int k = 0; k < job.length; k++) {
            job[k] = forward.draw(11, k);
        }
        int images = 0;
        for (int k = job.length - 1; k >= 0; k--) {
            DrawnScene alone = sampler(MIXED, SETS).draw(11, k);
            RecipeDrawingTest.assertSameScene(job[k].scene(), alone.scene(), "frame " + k);
            assertEquals(job[k].frame(), alone.frame(), "frame " + k + " record");
            images += (int) alone.frame().objects().stream().filter(o -> o.image() != null).count();
        }
        assertTrue(images > 0, "some objects got images");
    }

    @Test
    void aRecipeWithoutImagesNeverAsksForThemAndDrawsAsWithoutAResolver() {
        TextureImages refusing = ref -> {
            throw new AssertionError("asked for " + ref);
        };
        for (String name : BuiltinRecipes.names()) {
            RecipeSampler with = new RecipeSampler(BuiltinRecipes.byName(name).orElseThrow(), new ProceduralAssets(),
                    EnvironmentMaps.NONE, refusing);
            RecipeSampler without = new RecipeSampler(BuiltinRecipes.byName(name).orElseThrow(), new ProceduralAssets(),
                    EnvironmentMaps.NONE);
            RecipeDrawingTest.assertSameScene(with.draw(3, 2).scene(), without.draw(3, 2).scene(), name);
        }
    }

    @Test
    void classScopeGivesEveryObjectOfAClassTheSameImageAndOneSharedTexture() {
        RecipeSampler s = sampler("""
                {"texture": {"images": ["%s"]}, "scope": "class"}""".formatted(TRIO), SETS);
        for (int k = 0; k < 6; k++) {
            DrawnScene d = s.draw(5, k);
            Map<String, DrawnFrame.TextureImage> byClass = new HashMap<>();
            Map<String, Integer> textureByClass = new HashMap<>();
            for (DrawnFrame.DrawnObject o : d.frame().objects()) {
                if (o.pool() != 0) {
                    assertNull(o.image(), "the box pool has no image texture");
                    continue;
                }
                assertNotNull(o.image(), o.name());
                DrawnFrame.TextureImage first = byClass.putIfAbsent(o.className(), o.image());
                assertEquals(first == null ? o.image() : first, o.image(), "frame " + k + " " + o.name());
                int texture = baseTexture(d.scene(), o.instance());
                Integer seen = textureByClass.putIfAbsent(o.className(), texture);
                assertEquals(seen == null ? texture : seen, texture, "one scene texture per image");
            }
        }
    }

    @Test
    void anImageIsDrawnWithTheTexturesProbabilityAndUniformlyAmongKindsImagesAndPhotos() {
        MaterialSpec spec = RecipeJson.read("""
                {"version": 1, "objects": [{"asset": "procedural:box", "material": %s}]}""".formatted(MIXED))
                .objects().get(0).material();
        int n = 6000;
        int textured = 0;
        int procedural = 0;
        int red = 0;
        int[] trio = new int[3];
        for (int i = 0; i < n; i++) {
            DrawnLook look = DrawnLook.draw(spec, "plastic", DrawRng.of(99, i, "material:0:0"), SETS);
            if (look.texture() != null) {
                procedural++;
            }
            if (look.image() != null) {
                assertNull(look.texture(), "an image or a pattern, never both");
                if (look.image().source().ref().equals(RED)) {
                    red++;
                } else {
                    trio[look.image().source().index()]++;
                }
            }
            textured += look.texture() != null || look.image() != null ? 1 : 0;
        }
        // Binomial standard deviations are below 0.7 % of n here; 4 of them is a safe bound.
        assertEquals(0.8, textured / (double) n, 0.025, "probability");
        assertEquals(textured / 3.0, procedural, 0.04 * n, "checker is a third of the choices");
        assertEquals(textured / 3.0, red, 0.04 * n, "the red set is a third");
        for (int count : trio) {
            assertEquals(textured / 9.0, count, 0.03 * n, "the trio's photos are drawn uniformly");
        }
    }

    @Test
    void drawingConsumesAFixedNumberOfRandomValuesWhateverItDraws() {
        MaterialSpec with = new MaterialSpec(null, null, null, null,
                new MaterialSpec.TextureChoice(List.of("noise"), 0.5, null, List.of(RED, TRIO)), null);
        for (int i = 0; i < 50; i++) {
            DrawRng a = DrawRng.of(1, i, "x");
            DrawRng b = DrawRng.of(1, i, "x");
            DrawnLook.draw(with, "plastic", a, SETS);
            DrawnLook.draw(null, "plastic", b);
            assertEquals(b.nextLong(), a.nextLong(), "draw " + i + " leaves the generator where a look without images does");
        }
    }

    @Test
    void theSceneTextureOfAnObjectIsItsImagesTexelsWithAWhiteBaseColour() {
        RecipeSampler s = sampler("""
                {"texture": {"images": ["%s"]}}""".formatted(RED), SETS);
        DrawnScene d = s.draw(2, 0);
        DrawnFrame.DrawnObject o = d.frame().objects().get(0);
        assertEquals(new DrawnFrame.TextureImage(RED, 0, "red.png"), o.image());
        int texture = baseTexture(d.scene(), o.instance());
        assertArrayEquals(SETS.find(RED).orElseThrow().texture(0).rgba(), d.scene().textures().get(texture).rgba());
        Material m = d.scene().materials().get(baseMaterial(d.scene(), o.instance()));
        assertEquals(io.photonfarm.scene.Rgb.WHITE, m.baseColor());
        long imageTextures = d.scene().textures().stream().filter(t -> t.name().equals("red")).count();
        assertEquals(1, imageTextures, "six objects showing one image share one texture");
    }

    @Test
    void repeatsTileAnImageByScalingTheObjectsTextureCoordinates() {
        String once = "{\"texture\": {\"images\": [\"" + RED + "\"]}}";
        String thrice = "{\"texture\": {\"images\": [\"" + RED + "\"], \"repeats\": {\"min\": 3, \"max\": 3}}}";
        DrawnScene a = sampler(once, SETS).draw(4, 1);
        DrawnScene b = sampler(thrice, SETS).draw(4, 1);
        Mesh ma = a.scene().meshes().get(a.scene().instances().get(a.frame().objects().get(0).instance()).mesh());
        Mesh mb = b.scene().meshes().get(b.scene().instances().get(b.frame().objects().get(0).instance()).mesh());
        float[] expected = ma.uvs().clone();
        for (int i = 0; i < expected.length; i++) {
            expected[i] *= 3;
        }
        assertArrayEquals(expected, mb.uvs());
        assertArrayEquals(ma.positions(), mb.positions());
    }

    private static int baseMaterial(Scene scene, int instance) {
        Mesh mesh = scene.meshes().get(scene.instances().get(instance).mesh());
        return mesh.triangleMaterials()[0];
    }

    private static int baseTexture(Scene scene, int instance) {
        return scene.materials().get(baseMaterial(scene, instance)).baseColorTexture();
    }
}
