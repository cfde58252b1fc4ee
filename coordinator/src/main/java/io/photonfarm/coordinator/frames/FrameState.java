package io.photonfarm.coordinator.frames;

import io.photonfarm.api.job.JobId;
import java.util.Arrays;
import java.util.Objects;

/**
 * What the ledger knows of one frame. Immutable; changed only where the entry lives.
 *
 * @param jobId     the frame's job (stored in the value too, so queries can select a job's frames)
 * @param frame     the frame index, from 0
 * @param units     how many units the frame has
 * @param done      one bit per unit, bit {@code i % 64} of word {@code i / 64} for unit index {@code i}
 * @param doneCount how many bits of {@code done} are set
 * @param written   whether the frame's files are written
 */
public record FrameState(JobId jobId, int frame, int units, long[] done, int doneCount, boolean written) {

    public FrameState {
        done = done == null ? new long[(units + 63) / 64] : done.clone();
    }

    static FrameState fresh(JobId jobId, int frame, int units) {
        return new FrameState(jobId, frame, units, new long[(units + 63) / 64], 0, false);
    }

    @Override
    public long[] done() {
        return done.clone();
    }

    /** Whether every unit of the frame is done. */
    public boolean complete() {
        return doneCount == units;
    }

    public boolean isDone(int unitIndex) {
        return (done[unitIndex >>> 6] & (1L << unitIndex)) != 0;
    }

    FrameState withDone(int unitIndex) {
        long[] next = done.clone();
        next[unitIndex >>> 6] |= 1L << unitIndex;
        return new FrameState(jobId, frame, units, next, doneCount + 1, written);
    }

    FrameState asWritten() {
        return new FrameState(jobId, frame, units, done, doneCount, true);
    }

    @Override
    public boolean equals(Object o) {
        return o instanceof FrameState s && jobId.equals(s.jobId) && frame == s.frame && units == s.units
                && Arrays.equals(done, s.done) && doneCount == s.doneCount && written == s.written;
    }

    @Override
    public int hashCode() {
        return Objects.hash(jobId, frame, units, doneCount, written);
    }

    @Override
    public String toString() {
        return "FrameState[" + jobId + "/" + frame + " " + doneCount + "/" + units + " done"
                + (written ? ", written" : "") + "]";
    }
}
