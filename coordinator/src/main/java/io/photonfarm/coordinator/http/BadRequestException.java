package io.photonfarm.coordinator.http;

/** The request itself is wrong (unreadable body, bad parameter): HTTP 400 with this message. */
public final class BadRequestException extends RuntimeException {
    private static final long serialVersionUID = 1L;

    public BadRequestException(String message) {
        super(message);
    }
}
