package io.photonfarm.coordinator.jobs;

import io.photonfarm.api.event.JobChangedEvent;
import io.photonfarm.api.job.JobId;
import io.photonfarm.api.job.JobLimits;
import io.photonfarm.api.job.JobSpec;
import io.photonfarm.api.job.JobSpecException;
import io.photonfarm.api.job.JobView;
import io.photonfarm.api.work.WorkUnit;
import io.photonfarm.coordinator.events.EventBus;
import io.photonfarm.coordinator.schedule.JobPlanner;
import io.photonfarm.coordinator.schedule.JobProgress;
import io.photonfarm.coordinator.schedule.JobState;
import io.photonfarm.coordinator.schedule.JobStatus;
import io.photonfarm.coordinator.schedule.SchedulingPolicy;
import io.photonfarm.coordinator.schedule.WorkStore;
import java.time.InstantSource;
import java.util.ArrayList;
import java.util.List;

/**
 * Jobs, free of HTTP: submission (validate, resolve, plan, store), listing and views. A job is
 * stored in this order: its record, then its units; a crash in between leaves a record without
 * units, which {@link #view} reports and a resubmission under a new id repairs.
 */
public final class JobService {
    private final JobCatalog catalog;
    private final JobPlanner planner;
    private final WorkStore store;
    private final JobListener listener;
    private final EventBus events;
    private final InstantSource clock;
    private final SchedulingPolicy policy;
    private final JobLimits limits;

    /** What else must happen when a job is submitted, and how far its frames are (the dataset side). */
    public interface JobListener {
        /** Called after the job's record is stored and before its units are queued. */
        void submitted(JobRecord job, List<WorkUnit> units);

        /** Frames of the job written to the dataset. */
        int framesWritten(JobRecord job);
    }

    public JobService(JobCatalog catalog, JobPlanner planner, WorkStore store, JobListener listener, EventBus events,
            InstantSource clock, SchedulingPolicy policy, JobLimits limits) {
        this.catalog = catalog;
        this.planner = planner;
        this.store = store;
        this.listener = listener;
        this.events = events;
        this.clock = clock;
        this.policy = policy;
        this.limits = limits;
    }

    /**
     * @throws JobSpecException for any invalid field
     * @throws DuplicateJobException if another job has the id already
     */
    public JobView submit(JobRequest request) {
        JobRecord job = catalog.prepare(request, clock.millis());
        List<WorkUnit> units = planner.plan(job.jobId(), job.spec());
        if (!catalog.store(job)) {
            throw new DuplicateJobException(job.jobId());
        }
        listener.submitted(job, units);
        store.addJob(job.jobId(), job.spec().priority(), units);
        events.publish(new JobChangedEvent(clock.millis(), job.jobId(), "submitted", "RUNNING", null));
        return view(job);
    }

    public JobView get(String jobId) {
        return view(record(jobId));
    }

    /** Every job, newest first. */
    public List<JobView> list() {
        List<JobView> out = new ArrayList<>();
        for (JobRecord r : catalog.all()) {
            out.add(view(r));
        }
        return out;
    }

    /**
     * Every unfinished job and the {@code maxFinished} newest finished ones, newest first: what a
     * dashboard shows without viewing every job the farm ever ran. Cheap (one state read per job);
     * callers view them with {@link #view}, which counts units.
     */
    public List<JobRecord> recentRecords(int maxFinished) {
        List<JobRecord> out = new ArrayList<>();
        int finished = 0;
        for (JobRecord r : catalog.all()) {
            JobState state = store.job(r.jobId()).orElse(null);
            boolean done = state != null && state.status() != JobStatus.RUNNING && state.status() != JobStatus.PAUSED;
            if (done && finished++ >= maxFinished) {
                continue;
            }
            out.add(r);
        }
        return out;
    }

    /**
     * The spec a request would run with (defaults filled in), validated like a submission but not
     * submitted.
     *
     * @throws JobSpecException for any invalid field
     */
    public JobSpec validate(JobRequest request) {
        return catalog.prepare(request, clock.millis()).spec();
    }

    public JobRecord record(String jobId) {
        JobId id;
        try {
            id = new JobId(jobId);
        } catch (IllegalArgumentException e) {
            throw new UnknownJobException(jobId);
        }
        return catalog.get(id).orElseThrow(() -> new UnknownJobException(id));
    }

    /** Frames of the job written so far (a counter: cheap, unlike {@link #view}). */
    public int framesWritten(JobRecord r) {
        return listener.framesWritten(r);
    }

    /** The job as the API shows it; counts every unit of the job (tens of milliseconds for 100,000 units). */
    public JobView view(JobRecord r) {
        JobProgress p = store.progress(r.jobId()).orElse(null);
        JobState state = store.job(r.jobId()).orElse(null);
        int written = listener.framesWritten(r);
        String status = p == null ? "SUBMITTING" : p.status().name();
        if (status.equals("COMPLETED") && written < r.spec().frames()) {
            status = "RUNNING"; // every unit is rendered, the last frames are being assembled
        }
        List<String> excluded = new ArrayList<>();
        if (state != null) {
            String[] nodes = state.nodes();
            int[] failures = state.nodeFailures();
            for (int i = 0; i < nodes.length; i++) {
                if (failures[i] >= policy.maxFailuresPerNodeInJob()) {
                    excluded.add(nodes[i]);
                }
            }
        }
        JobSpec spec = r.spec();
        if (state != null && state.priority() != spec.priority()) {
            // The record keeps the submitted spec; the priority may have been changed since.
            spec = new JobSpec(spec.sceneRef(), spec.frames(), spec.width(), spec.height(), spec.spp(), spec.maxBounces(),
                    spec.seed(), spec.tileSize(), spec.samplesPerUnit(), state.priority(), spec.passes(), spec.writers(),
                    spec.recipe(), spec.camera());
        }
        return new JobView(r.jobId(), spec, status, p == null ? null : p.error(), r.submittedAtMillis(),
                p == null ? 0 : p.units(), p == null ? 0 : p.queued(), p == null ? 0 : p.leased(), p == null ? 0 : p.done(),
                p == null ? 0 : p.failed(), written, excluded, state == null ? null : state.lastNodeError());
    }

    /** Stops handing out the job's units; units being rendered may finish. */
    public JobView pause(String jobId) {
        return change(jobId, "paused", store::pause);
    }

    public JobView resume(String jobId) {
        return change(jobId, "resumed", store::resume);
    }

    /** Cancels the job: nothing more is handed out, and results of units being rendered are refused. */
    public JobView cancel(String jobId) {
        return change(jobId, "cancelled", store::cancel);
    }

    /**
     * @throws JobSpecException if the priority is outside the limits
     */
    public JobView setPriority(String jobId, Integer priority) {
        if (priority == null || priority < 0 || priority > limits.maxPriority()) {
            throw new JobSpecException(List.of(new JobSpecException.Violation("priority", String.valueOf(priority),
                    "0.." + limits.maxPriority())));
        }
        return change(jobId, "priority", id -> store.setPriority(id, priority));
    }

    private JobView change(String jobId, String change, java.util.function.Function<JobId, JobState> transition) {
        JobRecord r = record(jobId);
        JobState after = transition.apply(r.jobId());
        events.publish(new JobChangedEvent(clock.millis(), r.jobId(), change, after.status().name(), null));
        return view(r);
    }
}
