package io.photonfarm.api.job;

import java.util.List;
import java.util.stream.Collectors;

/** A job specification broke one or more {@link JobLimits}; each violation names its field. */
public final class JobSpecException extends IllegalArgumentException {
    private static final long serialVersionUID = 1L;

    /**
     * One broken rule.
     *
     * @param field the JSON field name, as a client wrote it
     * @param value the value given
     * @param limit the rule, in words ("1..16384", "at most 1024 characters")
     */
    public record Violation(String field, String value, String limit) {
        @Override
        public String toString() {
            return field + " = " + value + " (allowed: " + limit + ")";
        }
    }

    private final transient List<Violation> violations;

    public JobSpecException(List<Violation> violations) {
        super("invalid job spec: " + violations.stream().map(Violation::toString).collect(Collectors.joining("; ")));
        this.violations = List.copyOf(violations);
    }

    public List<Violation> violations() {
        return violations;
    }
}
