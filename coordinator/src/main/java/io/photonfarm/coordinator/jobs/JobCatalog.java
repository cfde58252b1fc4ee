package io.photonfarm.coordinator.jobs;

import io.photonfarm.api.job.JobId;
import io.photonfarm.api.job.JobLimits;
import io.photonfarm.api.job.JobSpec;
import io.photonfarm.api.job.JobSpecException;
import io.photonfarm.api.work.FrameSpec;
import io.photonfarm.scene.camera.CameraOrbit;
import java.util.ArrayList;
import java.util.Comparator;
import java.util.List;
import java.util.Optional;
import java.util.UUID;
import java.util.concurrent.ConcurrentHashMap;
import java.util.concurrent.ConcurrentMap;

/**
 * The submitted jobs' records: validates a request, resolves its scene and camera, and derives
 * each frame's {@link FrameSpec} from the record alone, so every coordinator (and every restart)
 * hands out the same frame. Records never change after submission, so they are cached locally.
 */
public final class JobCatalog {
    private final ConcurrentMap<JobId, JobRecord> records;
    private final ConcurrentMap<JobId, JobRecord> local = new ConcurrentHashMap<>();
    private final SceneCatalog scenes;
    private final JobLimits limits;

    /** @param records the shared store of job records (a Hazelcast map in a coordinator) */
    public JobCatalog(ConcurrentMap<JobId, JobRecord> records, SceneCatalog scenes, JobLimits limits) {
        this.records = records;
        this.scenes = scenes;
        this.limits = limits;
    }

    /**
     * Validates a request and resolves what the job needs; stores nothing.
     *
     * @throws JobSpecException naming every bad field, its value and the limit
     */
    public JobRecord prepare(JobRequest request, long nowMillis) {
        JobSpec spec = request.toSpec();
        List<JobSpecException.Violation> bad = new ArrayList<>();
        try {
            spec.validate(limits);
        } catch (JobSpecException e) {
            bad.addAll(e.violations());
        }
        JobId id = null;
        if (request.id() != null) {
            try {
                id = new JobId(request.id());
            } catch (IllegalArgumentException e) {
                bad.add(new JobSpecException.Violation("id", request.id(),
                        "1-64 characters of [A-Za-z0-9._-], starting with a letter or digit"));
            }
        }
        CameraOrbit orbit = null;
        try {
            orbit = orbit(request.orbit());
        } catch (IllegalArgumentException e) {
            bad.add(new JobSpecException.Violation("orbit", String.valueOf(request.orbit()), e.getMessage()));
        }
        SceneCatalog.ResolvedScene scene = null;
        if (bad.stream().noneMatch(v -> v.field().equals("sceneRef"))) {
            try {
                scene = scenes.resolve(spec.sceneRef(), (float) spec.width() / Math.max(1, spec.height()));
            } catch (JobSpecException e) {
                bad.addAll(e.violations());
            }
        }
        if (!bad.isEmpty()) {
            throw new JobSpecException(bad);
        }
        if (id == null) {
            id = new JobId("job-" + UUID.randomUUID().toString().substring(0, 8));
        }
        return new JobRecord(id, spec, scene.sceneHash(), Cameras.toPose(scene.camera()), orbit.maxAzimuthDeg(),
                orbit.maxElevationDeg(), orbit.maxDistanceScale(), nowMillis);
    }

    /** Stores a prepared record; false if a job with its id exists already. */
    public boolean store(JobRecord record) {
        return records.putIfAbsent(record.jobId(), record) == null;
    }

    public Optional<JobRecord> get(JobId jobId) {
        JobRecord r = local.get(jobId);
        if (r == null) {
            r = records.get(jobId);
            if (r != null) {
                local.putIfAbsent(jobId, r);
            }
        }
        return Optional.ofNullable(r);
    }

    /** Every job, newest first. */
    public List<JobRecord> all() {
        List<JobRecord> out = new ArrayList<>(records.values());
        out.sort(Comparator.comparingLong(JobRecord::submittedAtMillis).reversed().thenComparing(r -> r.jobId().value()));
        return out;
    }

    /** Frame {@code frame} of a job: the same on every coordinator, at any time. */
    public FrameSpec frame(JobRecord job, int frame) {
        JobSpec s = job.spec();
        CameraOrbit orbit = new CameraOrbit(job.orbitAzimuthDeg(), job.orbitElevationDeg(), job.orbitDistanceScale());
        var pose = orbit.poseOf(Cameras.toSpec(job.baseCamera()), s.seed(), frame);
        return new FrameSpec(job.jobId(), frame, s.sceneRef(), job.sceneHash(), s.width(), s.height(), s.seed(),
                s.maxBounces(), Cameras.toPose(pose), s.labels());
    }

    private static CameraOrbit orbit(JobRequest.OrbitRequest o) {
        CameraOrbit d = CameraOrbit.DEFAULT;
        if (o == null) {
            return d;
        }
        return new CameraOrbit(o.azimuthDeg() == null ? d.maxAzimuthDeg() : o.azimuthDeg(),
                o.elevationDeg() == null ? d.maxElevationDeg() : o.elevationDeg(),
                o.distanceScale() == null ? d.maxDistanceScale() : o.distanceScale());
    }
}
