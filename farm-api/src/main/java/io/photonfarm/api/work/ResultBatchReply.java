package io.photonfarm.api.work;

import java.util.List;

/**
 * The answer to a {@link ResultBatch}: one outcome per result, in the batch's order. The request
 * itself succeeds (200) once the batch could be read; each unit then stands on its own, exactly as
 * if it had been uploaded alone.
 */
public record ResultBatchReply(List<BatchOutcome> outcomes) {
    public ResultBatchReply {
        outcomes = List.copyOf(outcomes);
    }

    /**
     * What became of one result of a batch.
     *
     * @param key     the unit
     * @param epoch   the lease epoch the result was sent under
     * @param status  the HTTP status a single upload would have had: 200 (stored), 409 (stale lease:
     *                drop the result), 400 (malformed result), 404 (unknown job)
     * @param outcome {@code ACCEPTED} or {@code ALREADY_DONE} for 200; {@code STALE}, {@code MALFORMED}
     *                or {@code UNKNOWN_JOB} otherwise
     * @param message why it was refused; null for 200
     */
    public record BatchOutcome(WorkUnitKey key, long epoch, int status, String outcome, String message) {
    }
}
