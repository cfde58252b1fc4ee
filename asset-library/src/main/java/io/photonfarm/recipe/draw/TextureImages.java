package io.photonfarm.recipe.draw;

import io.photonfarm.scene.Texture;
import java.util.List;
import java.util.Optional;

/**
 * Finds the images a recipe's textures name ({@code asset:HASH} of an uploaded photo set). Every
 * machine that draws a recipe must see the same images in the same order, decoded to the same
 * texels, so frames drawn anywhere are identical; {@link PhotoTextures} is the one implementation
 * both sides use.
 */
@FunctionalInterface
public interface TextureImages {
    /** Knows no images: recipes with image textures cannot be drawn. */
    TextureImages NONE = ref -> Optional.empty();

    /** The images of {@code ref}, or empty if it names no photo set. */
    Optional<ImageSet> find(String ref);

    /** The images of one photo set, in a fixed order (by path within the set). */
    interface ImageSet {
        /** The images' paths within the set ({@code /}-separated), one per image; never empty. */
        List<String> names();

        /**
         * Image {@code index} as an RGBA8 texture whose RGB is the sRGB base colour, at most
         * {@link PhotoTextures#MAX_SIDE} texels on its longest side.
         *
         * @throws IllegalStateException if the image no longer decodes
         */
        Texture texture(int index);
    }
}
