package io.photonfarm.coordinator.jobs;

import java.util.Map;

/**
 * A recipe job's {@code stats.json}: the class histogram its frames achieved and what the recipe asked for.
 *
 * @param recipeHash     hex SHA-256 of the canonical recipe
 * @param frames         frames counted
 * @param objects        annotated objects over those frames
 * @param classHistogram objects per class, by class name
 * @param achievedShares each class's share of {@code objects}
 * @param expectedShares each class's share the recipe's weights and counts ask for
 * @param rareCases      frames per rare case, by name
 */
public record RecipeStats(String recipeHash, int frames, long objects, Map<String, Long> classHistogram,
        Map<String, Double> achievedShares, Map<String, Double> expectedShares, Map<String, Long> rareCases) {
}
