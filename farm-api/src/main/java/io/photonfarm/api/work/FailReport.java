package io.photonfarm.api.work;

/**
 * A node could not render a unit ({@code POST .../units/{job}/{frame}/{tile}/{range}/failure?epoch=E}).
 *
 * @param message what went wrong, as the node saw it; shown to the user if the job fails
 */
public record FailReport(String message) {
    public FailReport {
        if (message == null || message.isBlank()) {
            throw new IllegalArgumentException("failure report: message must be set");
        }
    }
}
