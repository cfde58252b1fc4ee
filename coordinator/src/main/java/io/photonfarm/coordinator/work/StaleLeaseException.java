package io.photonfarm.coordinator.work;

/** A node quoted a lease it no longer holds (taken over, requeued, or its job cancelled): HTTP 409. */
public final class StaleLeaseException extends RuntimeException {
    private static final long serialVersionUID = 1L;

    public StaleLeaseException(String message) {
        super(message);
    }
}
