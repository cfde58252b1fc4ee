package io.photonfarm.recipe.draw;

import io.photonfarm.image.FloatImage;
import java.util.Optional;

/** Finds the environment map a recipe names (linear RGB, equirectangular, as {@code Environment.Map} takes it). */
@FunctionalInterface
public interface EnvironmentMaps {
    /** Knows no maps: recipes with an environment map cannot be drawn. */
    EnvironmentMaps NONE = ref -> Optional.empty();

    /** The map of {@code ref}, or empty if there is none by that reference. */
    Optional<FloatImage> find(String ref);
}
