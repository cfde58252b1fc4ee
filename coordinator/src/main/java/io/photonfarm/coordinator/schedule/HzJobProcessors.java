package io.photonfarm.coordinator.schedule;

import com.hazelcast.aggregation.Aggregator;
import com.hazelcast.map.EntryProcessor;
import io.photonfarm.api.job.JobId;
import io.photonfarm.api.work.WorkUnitKey;
import java.util.Map;

/** Transitions of a stored {@link JobState}, and the count of a job's units by status. */
final class HzJobProcessors {
    private HzJobProcessors() {
    }

    /** Counts one more unit failed by {@code nodeId}; replies with the new state, or null for an unknown job. */
    record CountNodeFailure(String nodeId, String message) implements EntryProcessor<JobId, JobState, JobState> {
        @Override
        public JobState process(Map.Entry<JobId, JobState> entry) {
            JobState s = entry.getValue();
            if (s == null) {
                return null;
            }
            JobState next = s.withNodeFailure(nodeId, message);
            entry.setValue(next);
            return next;
        }
    }

    /**
     * What a user's change found: the job before, and after if the change was legal (else null).
     * Both are null for an unknown job.
     */
    record JobChange(JobState before, JobState after) {
    }

    /** Moves a job to {@code status} if {@link JobStatus#canBecome} allows it. */
    record ChangeStatus(String status) implements EntryProcessor<JobId, JobState, JobChange> {
        @Override
        public JobChange process(Map.Entry<JobId, JobState> entry) {
            JobState s = entry.getValue();
            JobStatus next = JobStatus.valueOf(status);
            if (s == null || !s.status().canBecome(next)) {
                return new JobChange(s, null);
            }
            JobState after = s.withStatus(next);
            entry.setValue(after);
            return new JobChange(s, after);
        }
    }

    /** Sets the priority of a RUNNING or PAUSED job. */
    record SetPriority(int priority) implements EntryProcessor<JobId, JobState, JobChange> {
        @Override
        public JobChange process(Map.Entry<JobId, JobState> entry) {
            JobState s = entry.getValue();
            if (s == null || !s.status().active()) {
                return new JobChange(s, null);
            }
            JobState after = s.withPriority(priority);
            entry.setValue(after);
            return new JobChange(s, after);
        }
    }

    /** Fails a RUNNING or PAUSED job; replies whether it did (the first reason wins). */
    record FailJob(String why) implements EntryProcessor<JobId, JobState, Boolean> {
        @Override
        public Boolean process(Map.Entry<JobId, JobState> entry) {
            JobState s = entry.getValue();
            if (s == null || !s.status().active()) {
                return Boolean.FALSE;
            }
            entry.setValue(s.failed(why));
            return Boolean.TRUE;
        }
    }

    /** Completes a RUNNING job; the caller has counted every unit done. */
    record FinishJob() implements EntryProcessor<JobId, JobState, Boolean> {
        @Override
        public Boolean process(Map.Entry<JobId, JobState> entry) {
            JobState s = entry.getValue();
            if (s == null || s.status() != JobStatus.RUNNING) {
                return Boolean.FALSE;
            }
            entry.setValue(s.completed());
            return Boolean.TRUE;
        }
    }

    /** Counts units by {@link WorkStatus}, indexed by ordinal; runs on every member over its own entries. */
    static final class StatusCounter implements Aggregator<Map.Entry<WorkUnitKey, WorkState>, int[]> {
        private static final long serialVersionUID = 1L;
        private final int[] counts = new int[WorkStatus.values().length];

        @Override
        public void accumulate(Map.Entry<WorkUnitKey, WorkState> entry) {
            counts[entry.getValue().status().ordinal()]++;
        }

        @Override
        @SuppressWarnings("rawtypes") // Hazelcast declares the parameter raw
        public void combine(Aggregator aggregator) {
            int[] other = ((StatusCounter) aggregator).counts;
            for (int i = 0; i < counts.length; i++) {
                counts[i] += other[i];
            }
        }

        @Override
        public int[] aggregate() {
            return counts.clone();
        }
    }
}
