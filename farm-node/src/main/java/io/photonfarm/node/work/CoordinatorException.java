package io.photonfarm.node.work;

/**
 * A coordinator call that did not succeed, by what the node should do about it. The message says
 * which call it was and what the coordinator answered.
 */
public abstract sealed class CoordinatorException extends RuntimeException {
    private final int status;

    CoordinatorException(String message, int status, Throwable cause) {
        super(message, cause);
        this.status = status;
    }

    /** The HTTP status, or 0 when no answer came. */
    public int status() {
        return status;
    }

    /** 401: the token is wrong. Fatal: retrying cannot help. */
    public static final class Unauthorized extends CoordinatorException {
        Unauthorized(String message) {
            super(message, 401, null);
        }
    }

    /** 404 on a node call: the coordinator does not know this node (any more); register again. */
    public static final class UnknownNode extends CoordinatorException {
        UnknownNode(String message) {
            super(message, 404, null);
        }
    }

    /** 409: the lease is stale (taken over, requeued or cancelled); drop the unit, it is not an error. */
    public static final class StaleLease extends CoordinatorException {
        StaleLease(String message) {
            super(message, 409, null);
        }
    }

    /** 5xx, connection refused or a timeout: the coordinator is away. Retry later. */
    public static final class Unavailable extends CoordinatorException {
        Unavailable(String message, int status, Throwable cause) {
            super(message, status, cause);
        }
    }

    /** Any other 4xx: the coordinator refused the request as it was; sending it again will not help. */
    public static final class Rejected extends CoordinatorException {
        Rejected(String message, int status) {
            super(message, status, null);
        }
    }
}
