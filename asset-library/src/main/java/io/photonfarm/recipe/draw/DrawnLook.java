package io.photonfarm.recipe.draw;

import io.photonfarm.recipe.IntRange;
import io.photonfarm.recipe.MaterialSpec;
import io.photonfarm.recipe.Range;
import io.photonfarm.scene.Material;
import io.photonfarm.scene.Rgb;
import io.photonfarm.scene.Texture;
import io.photonfarm.scene.procedural.ProceduralTextures;
import java.util.List;

/**
 * A material drawn from a {@link MaterialSpec}: the look's name, its colours, roughness and metallic,
 * and the procedural texture or image if it got one (never both).
 *
 * @param look      the preset look drawn
 * @param colour    linear base colour (the texture's first colour when textured)
 * @param roughness perceptual roughness, 0..1
 * @param metallic  0..1
 * @param texture   the procedural texture to bake, or null
 * @param image     the image texture, or null
 */
public record DrawnLook(String look, Rgb colour, float roughness, float metallic, ProceduralTextures.Spec texture,
        Image image) {

    /**
     * An image texture.
     *
     * @param source  which image of which set
     * @param texture its texels
     * @param repeats how often it is tiled across the mesh's texture coordinates (on each axis), >= 1
     */
    public record Image(DrawnFrame.TextureImage source, Texture texture, int repeats) {
    }

    /** A look's own ranges: HSV of the sRGB colour (hue degrees), roughness, metallic, texture kinds and probability. */
    private record Preset(Range hue, Range saturation, Range value, Range roughness, Range metallic, List<String> textures,
            double textureProbability, double secondColourScale) {
    }

    private static Preset preset(String look) {
        return switch (look) {
            case "wood" -> new Preset(Range.of(20, 38), Range.of(0.45, 0.7), Range.of(0.4, 0.75), Range.of(0.45, 0.75),
                    Range.of(0, 0), List.of("wood"), 1, 0.55);
            case "ivory" -> new Preset(Range.of(35, 50), Range.of(0.06, 0.18), Range.of(0.82, 0.95), Range.of(0.3, 0.5),
                    Range.of(0, 0), List.of("noise"), 0.5, 0.93);
            case "metal" -> new Preset(Range.of(0, 360), Range.of(0, 0.25), Range.of(0.6, 0.95), Range.of(0.15, 0.5),
                    Range.of(1, 1), List.of(), 0, 1);
            case "rubber" -> new Preset(Range.of(0, 360), Range.of(0, 0.3), Range.of(0.05, 0.3), Range.of(0.7, 0.95),
                    Range.of(0, 0), List.of(), 0, 1);
            default -> new Preset(Range.of(0, 360), Range.of(0.5, 0.95), Range.of(0.15, 0.95), Range.of(0.2, 0.45),
                    Range.of(0, 0), List.of(), 0, 1); // plastic
        };
    }

    /** {@link #draw(MaterialSpec, String, DrawRng, TextureImages)} for specs without images. */
    static DrawnLook draw(MaterialSpec spec, String defaultLook, DrawRng rng) {
        return draw(spec, defaultLook, rng, TextureImages.NONE);
    }

    /**
     * Draws a look from {@code spec} (null: {@code defaultLook}'s preset). Consumes a fixed number of
     * values from {@code rng} whatever is drawn, so later draws do not depend on this one's outcome.
     * Images are looked up in {@code images} only when one is drawn.
     *
     * @throws IllegalStateException if a drawn image reference is no photo set {@code images} knows
     */
    static DrawnLook draw(MaterialSpec spec, String defaultLook, DrawRng rng, TextureImages images) {
        List<String> looks = spec == null || spec.looks() == null ? List.of(defaultLook) : spec.looks();
        String look = looks.get(rng.nextInt(looks.size()));
        Preset p = preset(look);
        MaterialSpec.ColorSpec c = spec == null ? null : spec.color();
        Range hue = c != null && c.hue() != null ? c.hue() : p.hue();
        Range sat = c != null && c.saturation() != null ? c.saturation() : p.saturation();
        Range val = c != null && c.value() != null ? c.value() : p.value();
        Rgb colour = hsv(rng.in(hue), rng.in(sat), rng.in(val));
        Rgb other = hsv(rng.in(hue), rng.in(sat), rng.in(val));
        float roughness = (float) rng.in(spec != null && spec.roughness() != null ? spec.roughness() : p.roughness());
        float metallic = (float) rng.in(spec != null && spec.metallic() != null ? spec.metallic() : p.metallic());
        MaterialSpec.TextureChoice t = spec == null ? null : spec.texture();
        List<String> kinds = t != null ? t.kindsOrEmpty() : p.textures();
        List<String> refs = t != null ? t.imagesOrEmpty() : List.of();
        double probability = t != null ? (t.probability() == null ? 1 : t.probability()) : p.textureProbability();
        IntRange repeats = t != null && t.repeats() != null ? t.repeats() : IntRange.of(2, 6);
        // Kinds and images are one list of choices, so a recipe without images draws exactly as before.
        int choices = kinds.size() + refs.size();
        boolean textured = rng.chance(probability) && choices > 0;
        int kindIndex = rng.nextInt(Math.max(1, choices));
        int rep = rng.in(repeats);
        long seed = rng.nextLong();
        ProceduralTextures.Spec texture = null;
        Image image = null;
        if (textured && kindIndex >= kinds.size()) {
            // The photo within the set comes from the pattern seed (unused by images), so no extra draw is taken.
            String ref = refs.get(kindIndex - kinds.size());
            TextureImages.ImageSet set = images.find(ref).orElseThrow(() -> new IllegalStateException(
                    "texture image " + ref + " is not an uploaded photo set"));
            int index = (int) Math.floorMod(seed, (long) set.names().size());
            image = new Image(new DrawnFrame.TextureImage(ref, index, set.names().get(index)), set.texture(index),
                    t.repeats() == null ? 1 : rep);
        } else if (textured) {
            // Presets blend with a darker (or paler) shade of the same colour; explicit colours with a second draw.
            Rgb second = c == null ? colour.scale((float) p.secondColourScale()) : other;
            texture = new ProceduralTextures.Spec(ProceduralTextures.Kind.byWireName(kinds.get(kindIndex)), rep, colour, second, seed);
        }
        return new DrawnLook(look, colour, roughness, metallic, texture, image);
    }

    /** The material, with its texture at index {@code textureIndex} when textured (white base colour then). */
    Material material(String name, int textureIndex) {
        boolean textured = texture != null || image != null;
        return new Material(name, textured ? Rgb.WHITE : colour, 1f, metallic, roughness, 1.5f, 1f, 0f, Rgb.BLACK,
                textured ? textureIndex : Material.NO_TEXTURE, Material.NO_TEXTURE, Material.NO_TEXTURE,
                Material.NO_TEXTURE, 1f, false);
    }

    Texture bake(String name) {
        return ProceduralTextures.bake(texture, name);
    }

    /**
     * The colour of marks printed on this look (domino pips): near black on light surfaces, near white
     * on dark ones, judged by the base colour's luminance.
     */
    Rgb markColour() {
        return colour.luminance() > 0.18f ? new Rgb(0.015f, 0.015f, 0.015f) : new Rgb(0.85f, 0.85f, 0.82f);
    }

    /** Linear RGB of an sRGB colour given as HSV (hue in degrees). */
    static Rgb hsv(double hueDeg, double s, double v) {
        double h = ((hueDeg % 360) + 360) % 360 / 60;
        int sector = (int) Math.floor(h) % 6;
        double f = h - Math.floor(h);
        double p = v * (1 - s);
        double q = v * (1 - s * f);
        double t = v * (1 - s * (1 - f));
        double[] rgb = switch (sector) {
            case 0 -> new double[] {v, t, p};
            case 1 -> new double[] {q, v, p};
            case 2 -> new double[] {p, v, t};
            case 3 -> new double[] {p, q, v};
            case 4 -> new double[] {t, p, v};
            default -> new double[] {v, p, q};
        };
        return new Rgb(linear(rgb[0]), linear(rgb[1]), linear(rgb[2]));
    }

    private static float linear(double srgb) {
        return (float) (srgb <= 0.04045 ? srgb / 12.92 : StrictMath.pow((srgb + 0.055) / 1.055, 2.4));
    }
}
