package io.photonfarm.coordinator.http;

/** The body of {@code PUT /api/v1/jobs/{id}/priority}. */
public record PriorityRequest(Integer priority) {
}
