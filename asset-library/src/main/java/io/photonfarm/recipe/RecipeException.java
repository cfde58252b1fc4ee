package io.photonfarm.recipe;

import java.util.List;
import java.util.stream.Collectors;

/** A recipe is not valid; every violation names its JSON path. */
public final class RecipeException extends IllegalArgumentException {
    private static final long serialVersionUID = 1L;
    private final transient List<RecipeViolation> violations;

    public RecipeException(List<RecipeViolation> violations) {
        super("invalid recipe: " + violations.stream().map(RecipeViolation::toString).collect(Collectors.joining("; ")));
        this.violations = List.copyOf(violations);
    }

    public List<RecipeViolation> violations() {
        return violations;
    }
}
