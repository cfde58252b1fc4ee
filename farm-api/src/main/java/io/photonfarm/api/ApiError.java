package io.photonfarm.api;

import io.photonfarm.api.job.JobSpecException;
import java.util.List;

/**
 * The body of every 4xx and 5xx answer of the API.
 *
 * @param status     the HTTP status, repeated for clients that only keep the body
 * @param message    what went wrong and what was being done, in one sentence
 * @param violations for a rejected job spec: every broken rule with its field, value and limit; otherwise empty
 */
public record ApiError(int status, String message, List<JobSpecException.Violation> violations) {
    public ApiError {
        violations = violations == null ? List.of() : List.copyOf(violations);
    }

    public static ApiError of(int status, String message) {
        return new ApiError(status, message, List.of());
    }
}
