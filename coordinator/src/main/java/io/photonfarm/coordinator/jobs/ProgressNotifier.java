package io.photonfarm.coordinator.jobs;

import io.photonfarm.api.event.JobProgressEvent;
import io.photonfarm.api.job.JobId;
import io.photonfarm.api.job.JobView;
import io.photonfarm.coordinator.events.EventBus;
import java.time.InstantSource;
import java.util.Map;
import java.util.Set;
import java.util.concurrent.ConcurrentHashMap;

/**
 * Publishes a job's progress at most once per run (scheduled a few times a second), and only for
 * jobs that moved since the last run on this coordinator: thousands of completions per second
 * become a handful of events.
 *
 * <p>Counting a job's units reads every unit of the job (tens of milliseconds for 100,000 units),
 * so a job is published again only after {@link #COST_FACTOR} times what its last count took: the
 * counting stays under about 5% of one core however large the job, and small jobs still update at
 * every run.
 */
public final class ProgressNotifier implements Runnable {
    private static final System.Logger LOG = System.getLogger(ProgressNotifier.class.getName());
    /** A job waits this many times its last count's duration before it is counted again. */
    static final long COST_FACTOR = 20;
    private final Set<JobId> touched = ConcurrentHashMap.newKeySet();
    private final Map<JobId, Long> notBefore = new ConcurrentHashMap<>();
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
            long start = clock.millis();
            if (start < notBefore.getOrDefault(id, Long.MIN_VALUE)) {
                continue; // stays touched: published by a later run
            }
            touched.remove(id);
            try {
                JobView v = jobs.get(id.value());
                long took = clock.millis() - start;
                if (took > 0) {
                    notBefore.put(id, start + COST_FACTOR * took);
                } else {
                    notBefore.remove(id);
                }
                events.publish(new JobProgressEvent(clock.millis(), id, v.status(), v.units(), v.unitsDone(),
                        v.unitsFailed(), v.spec().frames(), v.framesWritten()));
            } catch (RuntimeException e) {
                LOG.log(System.Logger.Level.WARNING, "publishing progress of job " + id + ": " + e);
            }
        }
    }
}
