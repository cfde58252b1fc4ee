package io.photonfarm.coordinator.assembly;

import com.fasterxml.jackson.databind.ObjectMapper;
import io.photonfarm.api.event.FrameDoneEvent;
import io.photonfarm.api.event.JobChangedEvent;
import io.photonfarm.api.job.JobId;
import io.photonfarm.api.job.JobSpec;
import io.photonfarm.api.work.FrameSpec;
import io.photonfarm.api.work.LeaseRef;
import io.photonfarm.api.work.WorkUnit;
import io.photonfarm.api.work.WorkUnitKey;
import io.photonfarm.coordinator.dataset.AcceptedUnit;
import io.photonfarm.coordinator.dataset.AssemblyResult;
import io.photonfarm.coordinator.dataset.DatasetLayout;
import io.photonfarm.coordinator.dataset.JobFiles;
import io.photonfarm.coordinator.labels.JobLabels;
import io.photonfarm.coordinator.dataset.FrameAssembler;
import io.photonfarm.coordinator.dataset.FrameJob;
import io.photonfarm.coordinator.dataset.TileSpool;
import io.photonfarm.coordinator.events.EventBus;
import io.photonfarm.coordinator.jobs.JobCatalog;
import io.photonfarm.coordinator.jobs.JobRecord;
import io.photonfarm.coordinator.jobs.JobService;
import io.photonfarm.coordinator.frames.FrameKey;
import io.photonfarm.coordinator.frames.FrameLedger;
import io.photonfarm.coordinator.frames.FrameMark;
import io.photonfarm.coordinator.schedule.WorkState;
import io.photonfarm.coordinator.schedule.WorkStatus;
import io.photonfarm.coordinator.schedule.WorkStore;
import io.photonfarm.coordinator.work.FrameOutput;
import java.io.IOException;
import java.io.UncheckedIOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.InstantSource;
import java.util.ArrayList;
import java.util.HashSet;
import java.util.Map;
import java.util.Set;
import java.util.TreeMap;
import java.util.concurrent.ConcurrentHashMap;
import java.util.List;
import java.util.concurrent.ExecutorService;

/**
 * Turns accepted tile results into written frames. Results are spooled per unit and lease epoch;
 * when the {@link FrameLedger} says a frame's last unit was accepted (exactly once farm-wide), the
 * frame is assembled from the epochs the scheduler accepted, written (meta.json last), and marked
 * written. {@link #recover()} finishes what a crash interrupted: frames whose units are all done but
 * which were never written.
 */
public final class FrameCompletion implements FrameOutput, JobService.JobListener {
    private static final System.Logger LOG = System.getLogger(FrameCompletion.class.getName());

    private final DatasetLayout layout;
    private final TileSpool spool;
    private final FrameAssembler assembler;
    private final FrameLedger ledger;
    private final WorkStore store;
    private final JobCatalog jobs;
    private final EventBus events;
    private final InstantSource clock;
    private final ExecutorService assembly;
    private final ObjectMapper json;
    /** Frames this coordinator is assembling now. */
    private final Set<FrameKey> inFlight = ConcurrentHashMap.newKeySet();
    /** Per job, a frame below which every frame was seen written: where {@link #publishCompletedIfLast} starts. */
    private final Map<JobId, Integer> writtenBelow = new ConcurrentHashMap<>();
    /** Complete, unwritten frames seen by the previous sweep. */
    private final Set<FrameKey> pendingSweep = ConcurrentHashMap.newKeySet();
    /** Jobs whose annotations are being aggregated now. */
    private final Set<JobId> finishing = ConcurrentHashMap.newKeySet();
    private final JobLabels jobLabels;

    public FrameCompletion(DatasetLayout layout, TileSpool spool, FrameAssembler assembler, FrameLedger ledger,
            WorkStore store, JobCatalog jobs, EventBus events, InstantSource clock, ExecutorService assembly,
            ObjectMapper json, JobLabels jobLabels) {
        this.jobLabels = jobLabels;
        this.layout = layout;
        this.spool = spool;
        this.assembler = assembler;
        this.ledger = ledger;
        this.store = store;
        this.jobs = jobs;
        this.events = events;
        this.clock = clock;
        this.assembly = assembly;
        this.json = json;
    }

    @Override
    public void submitted(JobRecord job, List<WorkUnit> units) {
        try {
            new JobFiles(layout).writeJobJson(job.jobId(), job.spec());
            jobLabels.started(job);
        } catch (IOException e) {
            throw new UncheckedIOException("writing job.json of " + job.jobId() + ": " + e.getMessage(), e);
        }
        ledger.addJob(job.jobId(), job.spec().frames(), unitsPerFrame(job.spec()));
    }

    @Override
    public int framesWritten(JobRecord job) {
        return ledger.counts(job.jobId()).written();
    }

    @Override
    public void spool(WorkUnitKey key, long epoch, byte[] encoded) throws IOException {
        spool.write(key, epoch, encoded);
    }

    @Override
    public void spoolAll(List<Result> results) throws IOException {
        List<TileSpool.Upload> uploads = new ArrayList<>(results.size());
        for (Result r : results) {
            uploads.add(new TileSpool.Upload(r.key(), r.epoch(), r.encoded()));
        }
        spool.writeAll(uploads);
    }

    @Override
    public void discard(WorkUnitKey key, long epoch) {
        try {
            spool.delete(key, epoch);
        } catch (IOException e) {
            LOG.log(System.Logger.Level.WARNING, "discarding refused result " + key + " epoch " + epoch + ": " + e);
        }
    }

    @Override
    public void accepted(JobRecord job, WorkUnitKey key, long epoch) {
        onMark(job, key, epoch, ledger.markDone(key, indexInFrame(job.spec(), key)));
    }

    /** Marks the units of each frame in one ledger step (a batch is mostly neighbouring tiles of one frame). */
    @Override
    public void acceptedAll(JobRecord job, List<LeaseRef> accepted) {
        Map<Integer, List<LeaseRef>> byFrame = new TreeMap<>();
        for (LeaseRef a : accepted) {
            byFrame.computeIfAbsent(a.key().frame(), f -> new ArrayList<>()).add(a);
        }
        byFrame.forEach((frame, refs) -> {
            int[] indexes = new int[refs.size()];
            for (int i = 0; i < indexes.length; i++) {
                indexes[i] = indexInFrame(job.spec(), refs.get(i).key());
            }
            List<FrameMark> marks = ledger.markAllDone(job.jobId(), frame, indexes);
            for (int i = 0; i < indexes.length; i++) {
                onMark(job, refs.get(i).key(), refs.get(i).epoch(), marks.get(i));
            }
        });
    }

    private void onMark(JobRecord job, WorkUnitKey key, long epoch, FrameMark mark) {
        switch (mark) {
            case COMPLETED -> assembly.execute(() -> assemble(job, key.frame()));
            // The ledger kept done bits that the store lost in a crash (both write behind), so the frame
            // looked complete before this unit was DONE again, and its assembly waited for it.
            case COMPLETE_UNWRITTEN -> assembly.execute(() -> assemble(job, key.frame()));
            // Rendered again after a crash lost its DONE state, for a frame already written: never assembled.
            case WRITTEN -> discard(key, epoch);
            case PENDING -> { }
        }
    }

    /**
     * Assembles frames that every unit finished but nobody wrote (the coordinator that should have
     * died first), and re-marks done units the ledger missed. Call once at start.
     *
     * @return how many frames it queued for assembly
     */
    public int recover() {
        int queued = 0;
        for (JobRecord job : jobs.all()) {
            try {
                queued += recover(job);
            } catch (RuntimeException e) {
                // One damaged job must not keep the coordinator from starting and serving the others.
                LOG.log(System.Logger.Level.ERROR, "recovering job " + job.jobId() + ": " + e, e);
            }
        }
        return queued;
    }

    private int recover(JobRecord job) {
        JobSpec spec = job.spec();
        if (ledger.counts(job.jobId()).written() == spec.frames()) {
            return 0;
        }
        int queued = 0;
        List<Integer> unwritten = ledger.completeButUnwritten(job.jobId());
        for (int frame = 0; frame < spec.frames(); frame++) {
            if (ledger.isWritten(job.jobId(), frame) || adoptWrittenOnDisk(job, frame)) {
                continue;
            }
            boolean complete = unwritten.contains(frame);
            for (WorkUnitKey key : keysOf(job, frame)) {
                WorkState s = store.state(key).orElse(null);
                if (s != null && s.status() == WorkStatus.DONE) {
                    complete |= ledger.markDone(key, indexInFrame(spec, key)) == FrameMark.COMPLETED;
                }
            }
            if (complete) {
                int f = frame;
                assembly.execute(() -> assemble(job, f));
                queued++;
            }
        }
        return queued;
    }

    /**
     * Assembles frames the ledger counts as complete that are still unwritten after a whole sweep
     * interval: those whose assembly failed or was cut short, and those whose units were lost to a
     * crash after the ledger had counted them (they are rendered again, and the ledger does not say
     * "complete" twice). Schedule it every few seconds on every coordinator.
     */
    public void sweep() {
        Set<FrameKey> seen = new HashSet<>();
        for (JobRecord job : jobs.all()) {
            if (ledger.counts(job.jobId()).written() == job.spec().frames()) {
                if (jobLabels.needsFinishing(job) && finishing.add(job.jobId())) {
                    assembly.execute(() -> finishAnnotations(job));
                }
                continue;
            }
            for (int frame : ledger.completeButUnwritten(job.jobId())) {
                FrameKey key = new FrameKey(job.jobId(), frame);
                seen.add(key);
                if (pendingSweep.contains(key) && inFlight.add(key)) {
                    assembly.execute(() -> assemble(job, frame));
                }
            }
        }
        pendingSweep.retainAll(seen);
        pendingSweep.addAll(seen);
    }

    private void assemble(JobRecord job, int frame) {
        FrameKey frameKey = new FrameKey(job.jobId(), frame);
        inFlight.add(frameKey);
        try {
            if (!ledger.isWritten(job.jobId(), frame) && adoptWrittenOnDisk(job, frame)) {
                events.publish(new FrameDoneEvent(clock.millis(), job.jobId(), frame,
                        layout.jobDir(job.jobId()).relativize(layout.frameDir(job.jobId(), frame)).toString()));
                publishCompletedIfLast(job);
                return;
            }
            List<AcceptedUnit> units = new ArrayList<>();
            for (WorkUnitKey key : keysOf(job, frame)) {
                WorkState s = store.state(key).orElseThrow(() -> new IllegalStateException("unit " + key + " is unknown"));
                if (s.status() != WorkStatus.DONE) {
                    // Its completion was lost in a crash and it is being rendered again; a later sweep assembles the frame.
                    LOG.log(System.Logger.Level.INFO, "job {0} frame {1} waits for unit {2} ({3})", job.jobId(), frame,
                            key, s.status());
                    return;
                }
                units.add(new AcceptedUnit(key, s.epoch()));
            }
            FrameSpec f = jobs.frame(job, frame);
            JobSpec spec = job.spec();
            FrameJob.LabelRequest labels = spec.labels()
                    ? new FrameJob.LabelRequest(spec.sceneRef(), spec.labelPasses(), spec.annotationFormats(), f.recipe()) : null;
            AssemblyResult r = assembler.assemble(new FrameJob(job.jobId(), frame, spec.width(), spec.height(), spec.spp(),
                    spec.seed(), f.camera(), labels, jobs.recipeFrame(job, frame).orElse(null), spec.camera()), units);
            boolean first = ledger.markWritten(job.jobId(), frame);
            if (r.status() == AssemblyResult.Status.WRITTEN || first) {
                LOG.log(System.Logger.Level.INFO, "job {0} frame {1} written in {2} ms", job.jobId(), frame, r.millis());
                events.publish(new FrameDoneEvent(clock.millis(), job.jobId(), frame,
                        layout.jobDir(job.jobId()).relativize(r.frameDir()).toString()));
                publishCompletedIfLast(job);
            }
        } catch (IOException | RuntimeException e) {
            // The units stay DONE and the frame unwritten: a later sweep (or the next start) tries again.
            LOG.log(System.Logger.Level.ERROR, "assembling job " + job.jobId() + " frame " + frame + ": " + e, e);
        } finally {
            inFlight.remove(frameKey);
        }
    }

    /**
     * A frame whose {@code meta.json} is on disk is written: the assembler writes it last and durably,
     * and never rewrites a frame that has one. After a crash the ledger and the unit states (both
     * written behind) may have lost that frame's written flag and some done bits, and the store may
     * even have requeued its units; the ledger is brought in line with the disk instead of waiting
     * for units that will never all be DONE together again.
     *
     * @return whether the frame was on disk (and is now written in the ledger)
     */
    private boolean adoptWrittenOnDisk(JobRecord job, int frame) {
        if (!Files.exists(layout.metaJson(job.jobId(), frame))) {
            return false;
        }
        for (WorkUnitKey key : keysOf(job, frame)) {
            ledger.markDone(key, indexInFrame(job.spec(), key));
        }
        if (ledger.markWritten(job.jobId(), frame)) {
            LOG.log(System.Logger.Level.INFO, "job {0} frame {1} was written before a crash the ledger did not "
                    + "record; marked written, not rewritten", job.jobId(), frame);
        }
        try {
            spool.deleteFrame(job.jobId(), frame);
        } catch (IOException e) {
            LOG.log(System.Logger.Level.WARNING, "deleting the spool of written job " + job.jobId() + " frame " + frame
                    + ": " + e);
        }
        return true;
    }

    /**
     * Announces the job completed if every frame is written. Counting the ledger reads every frame of
     * the job, too much to do after each frame of a long job; so frames are first checked one by one
     * from the lowest one not yet seen written, which stops at the first unwritten frame (almost
     * always at once), and only a job whose frames all look written is counted.
     */
    private void publishCompletedIfLast(JobRecord job) {
        int frames = job.spec().frames();
        int f = writtenBelow.getOrDefault(job.jobId(), 0);
        while (f < frames && ledger.isWritten(job.jobId(), f)) {
            f++;
        }
        writtenBelow.merge(job.jobId(), f, Math::max);
        if (f == frames && ledger.counts(job.jobId()).written() == frames) {
            writeStats(job);
            if (jobLabels.needsFinishing(job) && finishing.add(job.jobId())) {
                finishAnnotations(job);
            }
            events.publish(new JobChangedEvent(clock.millis(), job.jobId(), "completed", "COMPLETED", null));
        }
    }

    /** Writes a complete recipe job's stats.json (class histogram, rare cases) unless it is there. */
    private void writeStats(JobRecord job) {
        Path stats = layout.jobDir(job.jobId()).resolve(DatasetLayout.STATS_JSON);
        if (Files.exists(stats)) {
            return;
        }
        try {
            var s = jobs.recipeStats(job);
            if (s.isPresent()) {
                new JobFiles(layout).writeStatsJson(job.jobId(), s.get());
            }
        } catch (IOException | RuntimeException e) {
            LOG.log(System.Logger.Level.ERROR, "writing stats.json of job " + job.jobId() + ": " + e, e);
        }
    }

    /** Aggregates a complete job's annotations; on failure a later sweep tries again. */
    private void finishAnnotations(JobRecord job) {
        try {
            var report = jobLabels.finish(job);
            LOG.log(System.Logger.Level.INFO, "job {0}: annotations of {1} frames written", job.jobId(), report.writtenFrames());
        } catch (IOException | RuntimeException e) {
            LOG.log(System.Logger.Level.ERROR, "writing the annotations of job " + job.jobId() + ": " + e, e);
        } finally {
            finishing.remove(job.jobId());
        }
    }

    /** The position of a unit among its frame's units: sample range major, tile minor. */
    static int indexInFrame(JobSpec spec, WorkUnitKey key) {
        return key.rangeIndex() * spec.tilesAcross() * spec.tilesDown() + key.tileIndex();
    }

    static int unitsPerFrame(JobSpec spec) {
        return spec.rangesPerTile() * spec.tilesAcross() * spec.tilesDown();
    }

    private static List<WorkUnitKey> keysOf(JobRecord job, int frame) {
        JobSpec spec = job.spec();
        int tiles = spec.tilesAcross() * spec.tilesDown();
        List<WorkUnitKey> keys = new ArrayList<>(unitsPerFrame(spec));
        for (int range = 0; range < spec.rangesPerTile(); range++) {
            for (int tile = 0; tile < tiles; tile++) {
                keys.add(new WorkUnitKey(job.jobId(), frame, tile, range));
            }
        }
        return keys;
    }
}
