package io.photonfarm.recipe;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.util.List;
import org.junit.jupiter.api.Test;

class ImageTextureValidationTest {
    private static final String HASH = "ab".repeat(32);

    private static String recipe(String texture) {
        return """
                {"version": 1, "objects": [
                  {"asset": "procedural:box"},
                  {"asset": "procedural:can", "material": {"texture": %s}}]}""".formatted(texture);
    }

    private static List<RecipeViolation> violationsOf(String json) {
        return assertThrows(RecipeException.class, () -> RecipeJson.read(json)).violations();
    }

    @Test
    void aTextureMayNameOnlyImagesAndKeepsThemInItsCanonicalText() {
        Recipe r = RecipeJson.read(recipe("{\"images\": [\"asset:" + HASH + "\"], \"probability\": 0.7, "
                + "\"repeats\": {\"min\": 2, \"max\": 2}}"));
        MaterialSpec.TextureChoice t = r.objects().get(1).material().texture();
        assertEquals(List.of("asset:" + HASH), t.images());
        assertEquals(List.of(), t.kindsOrEmpty());
        assertTrue(RecipeJson.write(r).contains("\"images\":[\"asset:" + HASH + "\"]"), RecipeJson.write(r));
    }

    @Test
    void aRecipeWithoutImagesKeepsItsCanonicalTextAndHash() {
        String json = recipe("{\"kinds\": [\"checker\"]}");
        Recipe r = RecipeJson.read(json);
        assertTrue(!RecipeJson.write(r).contains("images"), "no images field is written when there are none");
    }

    @Test
    void aBadImageReferenceIsNamedByItsPath() {
        List<RecipeViolation> v = violationsOf(recipe("{\"images\": [\"photo.png\", \"asset:" + HASH + "\", \"asset:"
                + HASH + "\", \"asset:XYZ\"]}"));
        assertEquals(List.of(
                "objects[1].material.texture.images[0] must name an uploaded photo asset as asset:<sha256> (was 'photo.png')",
                "objects[1].material.texture.images[2] 'asset:" + HASH + "' is listed twice",
                "objects[1].material.texture.images[3] must name an uploaded photo asset as asset:<sha256> (was 'asset:XYZ')"),
                v.stream().map(RecipeViolation::toString).toList());
    }

    @Test
    void anEmptyImageListIsNamedByItsPath() {
        List<RecipeViolation> v = violationsOf(recipe("{\"kinds\": [\"noise\"], \"images\": []}"));
        assertEquals(List.of("objects[1].material.texture.images must list at least one photo asset (asset:HASH), or be left out"),
                v.stream().map(RecipeViolation::toString).toList());
    }

    @Test
    void aTextureWithNeitherKindsNorImagesIsRefused() {
        List<RecipeViolation> v = violationsOf(recipe("{\"probability\": 0.5}"));
        assertEquals(1, v.size(), v.toString());
        assertEquals("objects[1].material.texture.kinds", v.get(0).path());
        assertTrue(v.get(0).message().endsWith("(or give images)"), v.get(0).message());
    }

    @Test
    void theSupportMaterialsImagesAreCheckedToo() {
        List<RecipeViolation> v = violationsOf("""
                {"version": 1, "objects": [{"asset": "procedural:box"}],
                 "support": {"material": {"texture": {"images": ["asset:abc"]}}}}""");
        assertEquals("support.material.texture.images[0]", v.get(0).path());
    }
}
