package io.photonfarm.api.job;

import java.util.List;

/**
 * A job as the API shows it ({@code GET /api/v1/jobs/{id}}).
 *
 * @param id                the job
 * @param spec              the resolved spec (defaults filled in)
 * @param status            QUEUED work is handed out while RUNNING; then PAUSED, CANCELLED, FAILED or COMPLETED
 *                          (COMPLETED once every frame is written)
 * @param error             why the job failed (the node's error message), or null
 * @param submittedAtMillis when it was submitted, epoch milliseconds (UTC)
 * @param units             work units (frames x tiles x sample ranges)
 * @param unitsQueued       units waiting for a node
 * @param unitsLeased       units being rendered
 * @param unitsDone         units rendered
 * @param unitsFailed       units given up
 * @param framesWritten     frames assembled and written to the dataset
 * @param excludedNodes     nodes kept off this job after failing too many of its units
 * @param lastNodeError     the latest error a node reported for this job, or null
 */
public record JobView(JobId id, JobSpec spec, String status, String error, long submittedAtMillis, int units,
        int unitsQueued, int unitsLeased, int unitsDone, int unitsFailed, int framesWritten, List<String> excludedNodes,
        String lastNodeError) {
    public JobView {
        excludedNodes = excludedNodes == null ? List.of() : List.copyOf(excludedNodes);
    }
}
