package io.photonfarm.recipe;

import com.fasterxml.jackson.annotation.JsonIgnoreProperties;
import com.fasterxml.jackson.annotation.JsonInclude;

/** A closed integer interval [min, max] a count is drawn from uniformly. */
@JsonIgnoreProperties(ignoreUnknown = false)
@JsonInclude(JsonInclude.Include.NON_NULL)
public record IntRange(Integer min, Integer max) {
    public static IntRange of(int min, int max) {
        return new IntRange(min, max);
    }

    public static IntRange or(IntRange r, int min, int max) {
        return r == null ? new IntRange(min, max) : r;
    }

    /** How many values it holds. Call after validation. */
    public int size() {
        return max - min + 1;
    }
}
