package io.photonfarm.api.farm;

import io.photonfarm.api.job.JobView;

/**
 * A job with what the dashboard derives from it.
 *
 * @param job        the job
 * @param fraction   units done over units, in [0, 1]
 * @param etaSeconds seconds until the job is rendered at the farm's present throughput, with the jobs
 *                   ahead of it (higher priority, or same priority and older) rendered first; null
 *                   when the job is not running or no node has reported a throughput
 */
public record JobProgress(JobView job, double fraction, Double etaSeconds) {
}
