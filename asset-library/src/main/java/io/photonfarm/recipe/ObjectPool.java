package io.photonfarm.recipe;

import com.fasterxml.jackson.annotation.JsonIgnoreProperties;
import com.fasterxml.jackson.annotation.JsonInclude;
import java.util.List;
import java.util.Map;

/**
 * A pool of objects of one asset: every frame holds {@code count} of them.
 *
 * @param asset        the asset, e.g. {@code procedural:domino}
 * @param classes      the asset's classes to draw from (default: all it offers)
 * @param classWeights relative weight per class (default 1 each); a class left out weighs 1
 * @param count        how many per frame (default exactly 1)
 * @param scale        uniform scale factor per object (default 1)
 * @param material     how their materials are drawn (default: the asset's usual looks)
 * @param distractor   true: scenery, not annotated (no class, no entry in meta.json); default false
 */
@JsonIgnoreProperties(ignoreUnknown = false)
@JsonInclude(JsonInclude.Include.NON_NULL)
public record ObjectPool(String asset, List<String> classes, Map<String, Double> classWeights, IntRange count, Range scale,
        MaterialSpec material, Boolean distractor) {

    public IntRange countOrDefault() {
        return IntRange.or(count, 1, 1);
    }

    public boolean distracts() {
        return Boolean.TRUE.equals(distractor);
    }
}
