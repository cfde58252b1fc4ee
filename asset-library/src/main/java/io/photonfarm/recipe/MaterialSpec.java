package io.photonfarm.recipe;

import com.fasterxml.jackson.annotation.JsonIgnoreProperties;
import com.fasterxml.jackson.annotation.JsonInclude;
import java.util.List;

/**
 * How a material is drawn. A look is drawn first (uniformly from {@code looks}); it sets colour,
 * roughness, metallic and texture ranges; any of those given here replace the look's.
 *
 * @param looks     names of preset looks: {@code wood}, {@code plastic}, {@code ivory}, {@code metal}, {@code rubber}
 *                  (default {@code plastic})
 * @param color     base colour as HSV ranges of the sRGB colour
 * @param roughness perceptual roughness range, in [0, 1]
 * @param metallic  metallic range, in [0, 1]
 * @param texture   texture choice: procedural patterns and/or uploaded images
 * @param scope     {@code object} (default): drawn per object; {@code class}: all objects of a class in a frame share it
 *                  (texture and image included)
 */
@JsonIgnoreProperties(ignoreUnknown = false)
@JsonInclude(JsonInclude.Include.NON_NULL)
public record MaterialSpec(List<String> looks, ColorSpec color, Range roughness, Range metallic, TextureChoice texture,
        String scope) {

    /** The looks a recipe may name. */
    public static final List<String> LOOKS = List.of("wood", "plastic", "ivory", "metal", "rubber");

    /**
     * HSV ranges of an sRGB colour.
     *
     * @param hue        degrees in [0, 360]
     * @param saturation in [0, 1]
     * @param value      in [0, 1]
     */
    @JsonIgnoreProperties(ignoreUnknown = false)
    @JsonInclude(JsonInclude.Include.NON_NULL)
    public record ColorSpec(Range hue, Range saturation, Range value) {
    }

    /**
     * A texture on the base colour: a procedural pattern blending the drawn colour with a second colour
     * drawn from the same ranges, or an uploaded image. Each kind and each image reference is one
     * choice, drawn uniformly among them all (kinds first, then images); an image reference names a
     * photo set, and one of its photos is drawn uniformly. An image replaces the base colour (its
     * texels are the sRGB base colour; the drawn colour still picks the colour of printed marks).
     *
     * @param kinds       patterns to choose from: noise, wood, marble, checker, stripes (may be left out when images are given)
     * @param probability chance an object gets a texture at all, in [0, 1] (default 1)
     * @param repeats     how often the pattern repeats across the texture, 1..64 (default [2, 6]); images
     *                    are tiled this often across the mesh's texture coordinates when it is given, else once
     * @param images      uploaded photo sets ({@code asset:HASH}, PNG/JPEG or an archive of them) to choose from
     */
    @JsonIgnoreProperties(ignoreUnknown = false)
    @JsonInclude(JsonInclude.Include.NON_NULL)
    public record TextureChoice(List<String> kinds, Double probability, IntRange repeats, List<String> images) {

        /** A procedural texture choice without images. */
        public TextureChoice(List<String> kinds, Double probability, IntRange repeats) {
            this(kinds, probability, repeats, null);
        }

        /** The kinds, or none. */
        public List<String> kindsOrEmpty() {
            return kinds == null ? List.of() : kinds;
        }

        /** The image references, or none. */
        public List<String> imagesOrEmpty() {
            return images == null ? List.of() : images;
        }
    }

    public boolean perClass() {
        return "class".equals(scope);
    }
}
