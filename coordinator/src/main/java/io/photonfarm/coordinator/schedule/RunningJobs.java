package io.photonfarm.coordinator.schedule;

import com.hazelcast.core.EntryEvent;
import com.hazelcast.core.HazelcastInstanceNotActiveException;
import com.hazelcast.map.IMap;
import com.hazelcast.map.listener.EntryAddedListener;
import com.hazelcast.map.listener.EntryLoadedListener;
import com.hazelcast.map.listener.EntryRemovedListener;
import com.hazelcast.map.listener.EntryUpdatedListener;
import com.hazelcast.query.Predicates;
import io.photonfarm.api.job.JobId;
import java.util.ArrayList;
import java.util.Comparator;
import java.util.List;
import java.util.Map;
import java.util.UUID;
import java.util.concurrent.atomic.AtomicLong;

/**
 * This member's copy of the RUNNING jobs in claim order (highest priority first, then oldest).
 * Reading the jobs map is a query over every partition, far too slow to repeat for every claim, so
 * the order is kept here and read again when any job changes (a map listener, so within
 * milliseconds on every member) or at the latest after {@code ttlNanos}, a safety net should an
 * event get lost. The copy may thus lag a change made on another member by an event's delivery:
 * a claim there may still lease a unit of a job paused a moment before. That lease simply runs on.
 */
final class RunningJobs implements AutoCloseable {
    private record Snapshot(long generation, long takenNanos, List<Map.Entry<JobId, JobState>> jobs) {
    }

    private final IMap<JobId, JobState> jobs;
    private final long ttlNanos;
    private final AtomicLong generation = new AtomicLong();
    private final UUID listener;
    private volatile Snapshot snapshot;

    /** @param ttlMillis the longest a copy is used without reading the map again, milliseconds */
    RunningJobs(IMap<JobId, JobState> jobs, long ttlMillis) {
        this.jobs = jobs;
        this.ttlNanos = ttlMillis * 1_000_000;
        this.listener = jobs.addEntryListener(new Invalidator(), false);
    }

    /** The RUNNING jobs, highest priority first and among equals the oldest first. */
    List<Map.Entry<JobId, JobState>> inOrder() {
        Snapshot s = snapshot;
        long now = System.nanoTime();
        if (s != null && s.generation() == generation.get() && now - s.takenNanos() < ttlNanos) {
            return s.jobs();
        }
        // Read the generation before the map: a change during the read leaves this copy outdated at once.
        long readAt = generation.get();
        List<Map.Entry<JobId, JobState>> running = new ArrayList<>(
                jobs.entrySet(Predicates.equal("status", JobStatus.RUNNING.name())));
        running.sort(Comparator.comparing((Map.Entry<JobId, JobState> e) -> -e.getValue().priority())
                .thenComparingLong(e -> e.getValue().order()));
        List<Map.Entry<JobId, JobState>> copy = List.copyOf(running);
        snapshot = new Snapshot(readAt, now, copy);
        return copy;
    }

    /** Forgets the copy; the next {@link #inOrder()} reads the map. Call after changing a job here. */
    void invalidate() {
        generation.incrementAndGet();
    }

    @Override
    public void close() {
        try {
            jobs.removeEntryListener(listener);
        } catch (HazelcastInstanceNotActiveException e) {
            // The member is gone, and its listeners with it.
        }
    }

    private final class Invalidator implements EntryAddedListener<JobId, JobState>, EntryUpdatedListener<JobId, JobState>,
            EntryRemovedListener<JobId, JobState>, EntryLoadedListener<JobId, JobState> {
        @Override
        public void entryAdded(EntryEvent<JobId, JobState> event) {
            invalidate();
        }

        @Override
        public void entryUpdated(EntryEvent<JobId, JobState> event) {
            invalidate();
        }

        @Override
        public void entryRemoved(EntryEvent<JobId, JobState> event) {
            invalidate();
        }

        @Override
        public void entryLoaded(EntryEvent<JobId, JobState> event) {
            invalidate();
        }
    }
}
