package io.photonfarm.coordinator.schedule;

import io.photonfarm.api.job.JobId;
import io.photonfarm.coordinator.schedule.HzJobProcessors.ChangeStatus;
import io.photonfarm.coordinator.schedule.HzJobProcessors.JobChange;
import io.photonfarm.coordinator.schedule.HzJobProcessors.SetPriority;
import io.photonfarm.coordinator.schedule.HzUnitProcessors.CancelUnit;
import java.util.NoSuchElementException;
import java.util.function.Consumer;

/** A user's changes to a job: pause, resume, cancel, priority. Each is one entry processor on the job. */
final class HzJobControls {
    private static final System.Logger LOG = System.getLogger(HzJobControls.class.getName());

    private final HzWorkMaps maps;
    private final RunningJobs running;
    private final Consumer<JobId> finishIfDone;

    HzJobControls(HzWorkMaps maps, RunningJobs running, Consumer<JobId> finishIfDone) {
        this.maps = maps;
        this.running = running;
        this.finishIfDone = finishIfDone;
    }

    JobState pause(JobId jobId) {
        return change(jobId, JobStatus.PAUSED, "pause");
    }

    JobState resume(JobId jobId) {
        JobState after = change(jobId, JobStatus.RUNNING, "resume");
        // Its last leases may have completed while it was paused.
        finishIfDone.accept(jobId);
        return after;
    }

    /**
     * Cancels the job, then every unit of it not yet DONE or FAILED. In that order: a claim racing
     * with the cancel either finds its unit cancelled already, or leases it just before the unit is
     * cancelled, so the holder's renewal and completion are refused either way.
     */
    JobState cancel(JobId jobId) {
        JobState after = change(jobId, JobStatus.CANCELLED, "cancel");
        maps.queue(jobId).clear();
        int cancelled = maps.units.executeOnEntries(new CancelUnit(), HzWorkMaps.ofJob(jobId)).size();
        // Cancelling is rare and must stick: do not leave it in a write-behind queue.
        maps.units.flush();
        LOG.log(System.Logger.Level.INFO, "job {0} cancelled; {1} units were not done", jobId, cancelled);
        return after;
    }

    JobState setPriority(JobId jobId, int priority) {
        if (priority < 0) {
            throw new IllegalArgumentException("setting the priority of job " + jobId + " to " + priority + ": must be >= 0");
        }
        return applied(jobId, maps.jobs.executeOnKey(jobId, new SetPriority(priority)), "set the priority of");
    }

    private JobState change(JobId jobId, JobStatus next, String verb) {
        return applied(jobId, maps.jobs.executeOnKey(jobId, new ChangeStatus(next.name())), verb);
    }

    private JobState applied(JobId jobId, JobChange change, String verb) {
        if (change.before() == null) {
            throw new NoSuchElementException("cannot " + verb + " job " + jobId + ": no such job");
        }
        if (change.after() == null) {
            throw new IllegalStateException("cannot " + verb + " job " + jobId + ": it is " + change.before().status());
        }
        running.invalidate();
        return change.after();
    }
}
