package io.photonfarm.recipe;

import com.fasterxml.jackson.annotation.JsonIgnoreProperties;
import com.fasterxml.jackson.annotation.JsonInclude;

/**
 * A closed interval [min, max] a value is drawn from uniformly; min = max fixes it.
 * Its unit is the unit of the field that holds it.
 */
@JsonIgnoreProperties(ignoreUnknown = false)
@JsonInclude(JsonInclude.Include.NON_NULL)
public record Range(Double min, Double max) {
    public static Range of(double min, double max) {
        return new Range(min, max);
    }

    /** {@code r} if set, else {@code [min, max]}. */
    public static Range or(Range r, double min, double max) {
        return r == null ? new Range(min, max) : r;
    }

    /** The value at {@code u} in [0, 1): min + u (max - min). Call after validation. */
    public double at(double u) {
        return min + u * (max - min);
    }
}
