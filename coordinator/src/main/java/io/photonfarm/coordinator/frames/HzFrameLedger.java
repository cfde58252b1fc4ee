package io.photonfarm.coordinator.frames;

import com.hazelcast.config.IndexConfig;
import com.hazelcast.config.IndexType;
import com.hazelcast.config.MapConfig;
import com.hazelcast.core.HazelcastInstance;
import com.hazelcast.map.IMap;
import com.hazelcast.query.Predicate;
import com.hazelcast.query.Predicates;
import io.photonfarm.api.job.JobId;
import io.photonfarm.api.work.WorkUnitKey;
import io.photonfarm.coordinator.frames.HzFrameProcessors.Counter;
import io.photonfarm.coordinator.frames.HzFrameProcessors.MarkAllDone;
import io.photonfarm.coordinator.frames.HzFrameProcessors.MarkDone;
import io.photonfarm.coordinator.frames.HzFrameProcessors.MarkVerdict;
import io.photonfarm.coordinator.frames.HzFrameProcessors.MarkWritten;
import io.photonfarm.coordinator.frames.HzFrameProcessors.WriteVerdict;
import io.photonfarm.coordinator.store.Durability;
import io.photonfarm.coordinator.store.WritePolicy;
import java.util.ArrayList;
import java.util.Arrays;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import java.util.NoSuchElementException;

/**
 * {@link FrameLedger} on Hazelcast: IMap {@code <namespace>.frames} of {@link FrameState} by
 * {@link FrameKey}, changed only by the entry processors of {@link HzFrameProcessors}, indexed by job.
 *
 * <p>With {@link Durability} enabled, how the map is written is the caller's choice. Every accepted
 * unit sets a done bit, so writing through costs one database write per completion (the farm's
 * hottest path); a coordinator writes behind instead. That is safe because neither field is the
 * ground truth after a whole-cluster crash: a frame's {@code meta.json} on disk is (the assembler
 * never rewrites a frame that has one), and lost done bits are set again from the units' DONE
 * states when the coordinator starts.
 */
public final class HzFrameLedger implements FrameLedger {
    private static final String JOB_ATTRIBUTE = "jobId.value";
    private static final int BATCH = 1_000;

    private final IMap<FrameKey, FrameState> frames;

    /**
     * @param namespace   prefix of the map's name, as for the work store
     * @param backupCount synchronous backups; 1 survives the loss of one member
     * @param durability  where frames are stored, or {@link Durability#none()}; the same on every member
     * @param writes      write-through or write-behind to the database
     */
    public HzFrameLedger(HazelcastInstance hz, String namespace, int backupCount, Durability durability,
            WritePolicy writes) {
        String name = namespace + ".frames";
        hz.getConfig().addMapConfig(durability.apply(new MapConfig(name).setBackupCount(backupCount)
                .addIndexConfig(new IndexConfig(IndexType.HASH, JOB_ATTRIBUTE)),
                FrameKey.class, FrameState.class, writes));
        this.frames = hz.getMap(name);
    }

    @Override
    public void addJob(JobId jobId, int frameCount, int unitsPerFrame) {
        if (frameCount < 1 || unitsPerFrame < 1) {
            throw new IllegalArgumentException("adding job " + jobId + " to the frame ledger: " + frameCount
                    + " frames of " + unitsPerFrame + " units, both must be >= 1");
        }
        // Frame 0 goes first and alone: it decides whether the job is new.
        if (frames.putIfAbsent(new FrameKey(jobId, 0), FrameState.fresh(jobId, 0, unitsPerFrame)) != null) {
            throw new IllegalStateException("adding job " + jobId + " to the frame ledger: it exists already");
        }
        for (int from = 1; from < frameCount; from += BATCH) {
            Map<FrameKey, FrameState> batch = new HashMap<>();
            for (int f = from; f < Math.min(frameCount, from + BATCH); f++) {
                batch.put(new FrameKey(jobId, f), FrameState.fresh(jobId, f, unitsPerFrame));
            }
            frames.putAll(batch);
        }
    }

    @Override
    public FrameMark markDone(WorkUnitKey key, int unitIndexInFrame) {
        FrameKey frame = new FrameKey(key.jobId(), key.frame());
        MarkVerdict verdict = frames.executeOnKey(frame, new MarkDone(unitIndexInFrame));
        return switch (verdict) {
            case COMPLETED -> FrameMark.COMPLETED;
            case PENDING -> FrameMark.PENDING;
            case COMPLETE_UNWRITTEN -> FrameMark.COMPLETE_UNWRITTEN;
            case WRITTEN -> FrameMark.WRITTEN;
            case UNKNOWN_FRAME -> throw new NoSuchElementException("marking unit " + key + " done: frame " + frame
                    + " is not in the ledger");
            case OUT_OF_RANGE -> throw new IndexOutOfBoundsException("marking unit " + key + " done: index "
                    + unitIndexInFrame + " is outside frame " + frame);
        };
    }

    @Override
    public List<FrameMark> markAllDone(JobId jobId, int frame, int[] unitIndexesInFrame) {
        FrameKey key = new FrameKey(jobId, frame);
        int[] verdicts = frames.executeOnKey(key, new MarkAllDone(unitIndexesInFrame.clone()));
        List<FrameMark> marks = new ArrayList<>(verdicts.length);
        for (int v : verdicts) {
            marks.add(switch (MarkVerdict.values()[v]) {
                case COMPLETED -> FrameMark.COMPLETED;
                case PENDING -> FrameMark.PENDING;
                case COMPLETE_UNWRITTEN -> FrameMark.COMPLETE_UNWRITTEN;
                case WRITTEN -> FrameMark.WRITTEN;
                case UNKNOWN_FRAME -> throw new NoSuchElementException("marking " + verdicts.length + " units of frame "
                        + key + " done: the frame is not in the ledger");
                case OUT_OF_RANGE -> throw new IndexOutOfBoundsException("marking units "
                        + Arrays.toString(unitIndexesInFrame) + " of frame " + key + " done: an index is outside the frame");
            });
        }
        return marks;
    }

    @Override
    public boolean markWritten(JobId jobId, int frame) {
        FrameKey key = new FrameKey(jobId, frame);
        WriteVerdict verdict = frames.executeOnKey(key, new MarkWritten());
        return switch (verdict) {
            case WRITTEN -> true;
            case ALREADY_WRITTEN -> false;
            case INCOMPLETE -> throw new IllegalStateException("marking frame " + key + " written: " + frames.get(key)
                    + " is not complete");
            case UNKNOWN_FRAME -> throw new NoSuchElementException("marking frame " + key + " written: not in the ledger");
        };
    }

    @Override
    public boolean isWritten(JobId jobId, int frame) {
        FrameState s = frames.get(new FrameKey(jobId, frame));
        return s != null && s.written();
    }


    @Override
    public FrameCounts counts(JobId jobId) {
        int[] c = frames.aggregate(new Counter(), ofJob(jobId));
        return new FrameCounts(c[0], c[1], c[2]);
    }

    @Override
    public List<Integer> completeButUnwritten(JobId jobId) {
        Predicate<FrameKey, FrameState> unwritten = Predicates.and(ofJob(jobId), Predicates.equal("written", false));
        return frames.values(unwritten).stream().filter(FrameState::complete).map(FrameState::frame).sorted().toList();
    }

    /** The ledger entry of one frame, or null: for tests and diagnostics. */
    FrameState state(JobId jobId, int frame) {
        return frames.get(new FrameKey(jobId, frame));
    }

    private static Predicate<FrameKey, FrameState> ofJob(JobId jobId) {
        return Predicates.equal(JOB_ATTRIBUTE, jobId.value());
    }
}
