package io.photonfarm.coordinator.assets;

import io.photonfarm.api.job.JobSpecException;
import java.util.List;

/**
 * An asset request the library refuses, with the HTTP status that says why: 400 (broken or hostile
 * content, invalid metadata), 404 (no such asset), 413 (over a limit), 415 (not a known file type).
 * The message names the file or field, the problem and, for limits, the limit and its setting.
 */
public final class AssetException extends RuntimeException {
    private static final long serialVersionUID = 1L;

    private final int status;
    private final transient List<JobSpecException.Violation> violations;

    private AssetException(int status, String message, List<JobSpecException.Violation> violations) {
        super(message);
        this.status = status;
        this.violations = List.copyOf(violations);
    }

    static AssetException invalid(String message) {
        return new AssetException(400, message, List.of());
    }

    static AssetException invalid(String message, List<JobSpecException.Violation> violations) {
        return new AssetException(400, message, violations);
    }

    static AssetException notFound(String hash) {
        return new AssetException(404, "no asset " + hash, List.of());
    }

    static AssetException tooLarge(String message) {
        return new AssetException(413, message, List.of());
    }

    static AssetException unsupported(String message) {
        return new AssetException(415, message, List.of());
    }

    public int status() {
        return status;
    }

    /** The fields at fault (metadata edits), empty otherwise. */
    public List<JobSpecException.Violation> violations() {
        return violations;
    }
}
