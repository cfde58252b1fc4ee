package io.photonfarm.coordinator.http;

/**
 * One route of the API as registered, so a test can hold the OpenAPI file to what the server serves.
 *
 * @param method upper-case HTTP method
 * @param path   the path template, e.g. {@code /api/v1/jobs/{id}}
 */
public record Route(String method, String path) {
}
