package io.photonfarm.coordinator.jobs;

import io.photonfarm.api.event.JobProgressEvent;
import io.photonfarm.api.job.JobId;
import io.photonfarm.api.job.JobView;
import io.photonfarm.coordinator.events.EventBus;
import java.time.InstantSource;
import java.util.Set;
import java.util.concurrent.ConcurrentHashMap;

/**
 * Publishes a job's progress at most once per run (scheduled a few times a second), and only for
 * jobs that moved since the last run on this coordinator: thousands of completions per second
 * become a handful of events.
 */
public final class ProgressNotifier implements Runnable {
    private static final System.Logger LOG = System.getLogger(ProgressNotifier.class.getName());
    private final Set<JobId> touched = ConcurrentHashMap.newKeySet();
    private final JobService jobs;
    private final EventBus events;
    private final InstantSource clock;

    public ProgressNotifier(JobService jobs, EventBus events, InstantSource clock) {
        this.jobs = jobs;
        this.events = events;
        this.clock = clock;
    }

    /** Notes that a job moved; cheap, called on every completion. */
    public void touched(JobId jobId) {
        touched.add(jobId);
    }

    @Override
    public void run() {
        for (JobId id : touched) {
            touched.remove(id);
            try {
                JobView v = jobs.get(id.value());
                events.publish(new JobProgressEvent(clock.millis(), id, v.status(), v.units(), v.unitsDone(),
                        v.unitsFailed(), v.spec().frames(), v.framesWritten()));
            } catch (RuntimeException e) {
                LOG.log(System.Logger.Level.WARNING, "publishing progress of job " + id + ": " + e);
            }
        }
    }
}
