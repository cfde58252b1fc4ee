package io.photonfarm.coordinator.work;

/** A call named a node the farm does not know (never registered, or forgotten): HTTP 404, register again. */
public final class UnknownNodeException extends RuntimeException {
    private static final long serialVersionUID = 1L;

    public UnknownNodeException(String nodeId) {
        super("node " + nodeId + " is not registered; register again with POST /api/v1/nodes");
    }
}
