package io.photonfarm.recipe;

/**
 * One broken rule of a recipe.
 *
 * @param path    where, as a JSON path from the recipe's root: {@code objects[2].count.max}; empty for the root
 * @param message what is wrong, in words, with the values involved: {@code must be >= min (min 3, max 1)}
 */
public record RecipeViolation(String path, String message) {
    /** This violation under {@code prefix}: {@code recipe} + {@code objects[2]} = {@code recipe.objects[2]}. */
    public RecipeViolation under(String prefix) {
        return new RecipeViolation(path.isEmpty() ? prefix : path.startsWith("[") ? prefix + path : prefix + "." + path, message);
    }

    @Override
    public String toString() {
        return (path.isEmpty() ? "recipe" : path) + " " + message;
    }
}
