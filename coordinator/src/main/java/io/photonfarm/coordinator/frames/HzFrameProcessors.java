package io.photonfarm.coordinator.frames;

import com.hazelcast.aggregation.Aggregator;
import com.hazelcast.map.EntryProcessor;
import java.util.Arrays;
import java.util.Map;

/**
 * The transitions of a stored {@link FrameState}, run where the entry lives, one at a time per
 * partition; deterministic in their fields, as Hazelcast re-runs them on backups.
 */
final class HzFrameProcessors {
    private HzFrameProcessors() {
    }

    /** What marking a unit done found. */
    enum MarkVerdict {
        /** This call marked the frame's last missing unit. */
        COMPLETED,
        /** Marked now or before; other units are still missing. */
        PENDING,
        /** The unit was marked before; the frame is complete but not written. */
        COMPLETE_UNWRITTEN,
        /** The unit was marked before; the frame is written. */
        WRITTEN,
        UNKNOWN_FRAME,
        OUT_OF_RANGE
    }

    /** Sets the done bit of one unit. */
    record MarkDone(int unitIndex) implements EntryProcessor<FrameKey, FrameState, MarkVerdict> {
        @Override
        public MarkVerdict process(Map.Entry<FrameKey, FrameState> entry) {
            FrameState s = entry.getValue();
            if (s == null) {
                return MarkVerdict.UNKNOWN_FRAME;
            }
            if (unitIndex < 0 || unitIndex >= s.units()) {
                return MarkVerdict.OUT_OF_RANGE;
            }
            if (s.isDone(unitIndex)) {
                return s.written() ? MarkVerdict.WRITTEN : s.complete() ? MarkVerdict.COMPLETE_UNWRITTEN : MarkVerdict.PENDING;
            }
            FrameState next = s.withDone(unitIndex);
            entry.setValue(next);
            return next.complete() ? MarkVerdict.COMPLETED : MarkVerdict.PENDING;
        }
    }

    /**
     * {@link MarkDone} of several units of one frame in one step, in order: the reply holds, per
     * index, the ordinal of the verdict that {@code MarkDone} would have answered called one unit at a
     * time. Nothing is marked if the frame is unknown or an index is out of range (every verdict says so).
     */
    record MarkAllDone(int[] unitIndexes) implements EntryProcessor<FrameKey, FrameState, int[]> {
        @Override
        public int[] process(Map.Entry<FrameKey, FrameState> entry) {
            int[] verdicts = new int[unitIndexes.length];
            FrameState s = entry.getValue();
            if (s == null) {
                Arrays.fill(verdicts, MarkVerdict.UNKNOWN_FRAME.ordinal());
                return verdicts;
            }
            for (int i : unitIndexes) {
                if (i < 0 || i >= s.units()) {
                    Arrays.fill(verdicts, MarkVerdict.OUT_OF_RANGE.ordinal());
                    return verdicts;
                }
            }
            FrameState next = s;
            for (int k = 0; k < unitIndexes.length; k++) {
                int i = unitIndexes[k];
                MarkVerdict v;
                if (next.isDone(i)) {
                    v = next.written() ? MarkVerdict.WRITTEN
                            : next.complete() ? MarkVerdict.COMPLETE_UNWRITTEN : MarkVerdict.PENDING;
                } else {
                    next = next.withDone(i);
                    v = next.complete() ? MarkVerdict.COMPLETED : MarkVerdict.PENDING;
                }
                verdicts[k] = v.ordinal();
            }
            if (next != s) {
                entry.setValue(next);
            }
            return verdicts;
        }
    }

    /** What marking a frame written found. */
    enum WriteVerdict {
        WRITTEN,
        ALREADY_WRITTEN,
        INCOMPLETE,
        UNKNOWN_FRAME
    }

    /** Sets the written flag of a complete frame. */
    record MarkWritten() implements EntryProcessor<FrameKey, FrameState, WriteVerdict> {
        @Override
        public WriteVerdict process(Map.Entry<FrameKey, FrameState> entry) {
            FrameState s = entry.getValue();
            if (s == null) {
                return WriteVerdict.UNKNOWN_FRAME;
            }
            if (s.written()) {
                return WriteVerdict.ALREADY_WRITTEN;
            }
            if (!s.complete()) {
                return WriteVerdict.INCOMPLETE;
            }
            entry.setValue(s.asWritten());
            return WriteVerdict.WRITTEN;
        }
    }

    /** Counts a job's frames: {frames, complete, written}; runs on every member over its own entries. */
    static final class Counter implements Aggregator<Map.Entry<FrameKey, FrameState>, int[]> {
        private static final long serialVersionUID = 1L;
        private final int[] counts = new int[3];

        @Override
        public void accumulate(Map.Entry<FrameKey, FrameState> entry) {
            counts[0]++;
            counts[1] += entry.getValue().complete() ? 1 : 0;
            counts[2] += entry.getValue().written() ? 1 : 0;
        }

        @Override
        @SuppressWarnings("rawtypes") // Hazelcast declares the parameter raw
        public void combine(Aggregator aggregator) {
            int[] other = ((Counter) aggregator).counts;
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
