package io.photonfarm.recipe;

import java.io.IOException;
import java.io.InputStream;
import java.io.UncheckedIOException;
import java.nio.charset.StandardCharsets;
import java.util.List;
import java.util.Optional;

/**
 * Recipes that ship with the library, named {@code recipe:NAME} in a job's scene reference:
 * {@code recipe:dominoes} ("count the domino pips": 3-6 dominoes of every pip pair, class-balanced,
 * wood, plastic and ivory, on a table under a varied sky), {@code recipe:shapes} (boxes, cans,
 * spheres and tori on the floor, some stacked, with distractors) and {@code recipe:fifty} (50 objects
 * of every kind on the floor: the scene benchmark's load). Their JSON is readable as
 * examples under {@code io/photonfarm/recipe/builtin/}.
 */
public final class BuiltinRecipes {
    /** How a job names a built-in recipe: {@code recipe:NAME}. */
    public static final String PREFIX = "recipe:";
    private static final List<String> NAMES = List.of("dominoes", "fifty", "shapes");

    private BuiltinRecipes() {
    }

    /** The names of the built-in recipes, sorted. */
    public static List<String> names() {
        return NAMES;
    }

    /** The built-in recipe {@code name} (without the prefix), parsed and validated. */
    public static Optional<Recipe> byName(String name) {
        return json(name).map(RecipeJson::read);
    }

    /** The JSON text of built-in recipe {@code name}. */
    public static Optional<String> json(String name) {
        if (!NAMES.contains(name)) {
            return Optional.empty();
        }
        try (InputStream in = BuiltinRecipes.class.getResourceAsStream("builtin/" + name + ".json")) {
            if (in == null) {
                throw new IllegalStateException("built-in recipe " + name + " is missing from the library");
            }
            return Optional.of(new String(in.readAllBytes(), StandardCharsets.UTF_8));
        } catch (IOException e) {
            throw new UncheckedIOException("reading built-in recipe " + name, e);
        }
    }
}
