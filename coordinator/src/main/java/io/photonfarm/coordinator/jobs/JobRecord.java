package io.photonfarm.coordinator.jobs;

import io.photonfarm.api.job.JobId;
import io.photonfarm.api.job.JobSpec;
import io.photonfarm.api.work.CameraPose;

/**
 * A submitted job as the coordinator keeps it: the validated spec and what was resolved from it at
 * submission, so that every frame of the job is derived from the same inputs on every coordinator
 * and after restarts.
 *
 * @param jobId           the job
 * @param spec            the validated spec
 * @param sceneHash       content hash of the scene (hex SHA-256)
 * @param baseCamera      the scene's own camera, or one placed to frame it; frames orbit around it
 * @param orbitAzimuthDeg largest azimuth swing per frame, degrees
 * @param orbitElevationDeg largest elevation swing per frame, degrees
 * @param orbitDistanceScale largest distance factor per frame
 * @param submittedAtMillis when it was submitted, epoch milliseconds (UTC)
 */
public record JobRecord(JobId jobId, JobSpec spec, String sceneHash, CameraPose baseCamera, double orbitAzimuthDeg,
        double orbitElevationDeg, double orbitDistanceScale, long submittedAtMillis) {
}
