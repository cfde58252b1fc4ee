package io.photonfarm.coordinator.frames;

import io.photonfarm.api.job.JobId;
import io.photonfarm.api.work.WorkUnitKey;
import java.util.List;

/**
 * Which units of each frame are done and which frames are written, so that a frame is assembled
 * exactly once, when its last unit is done, and never rendered again once written. Safe to call
 * concurrently from any coordinator; every change is atomic per frame.
 *
 * <p>Recovery: a coordinator that dies between "frame complete" ({@link #markDone} answered COMPLETED) and
 * "frame written" ({@link #markWritten}) leaves the frame in {@link #completeButUnwritten}; whoever
 * starts up (or notices) assembles those frames again.
 */
public interface FrameLedger {

    /**
     * Adds a job's frames, none done.
     *
     * @param frames        frames 0 to {@code frames - 1}
     * @param unitsPerFrame units each frame needs, e.g. tiles per frame times sample ranges per tile
     * @throws IllegalStateException if the job was added before
     */
    void addJob(JobId jobId, int frames, int unitsPerFrame);

    /**
     * Records that a unit of a frame is done; repeating it changes nothing (a retried or duplicated
     * completion never counts twice).
     *
     * @param unitIndexInFrame the unit's index within its frame, from 0: the callers here use
     *                         {@code key.rangeIndex() * tilesPerFrame + key.tileIndex()}
     * @return {@link FrameMark#COMPLETED} exactly once per frame, for the call that marked the frame's last
     *         missing unit; otherwise where the frame stands, so the caller needs no second read
     * @throws java.util.NoSuchElementException if the frame is unknown
     * @throws IndexOutOfBoundsException if the index is not below the frame's unit count
     */
    FrameMark markDone(WorkUnitKey key, int unitIndexInFrame);

    /**
     * {@link #markDone} of several units of one frame as one atomic step: the marks are those that
     * {@code markDone} would have answered for each unit in turn, so COMPLETED still comes once per
     * frame, for the unit that marked the last missing one.
     *
     * @param unitIndexesInFrame the units' indices within the frame, as for {@code markDone}
     * @return one mark per index, in order
     * @throws java.util.NoSuchElementException if the frame is unknown (nothing is marked)
     * @throws IndexOutOfBoundsException if an index is not below the frame's unit count (nothing is marked)
     */
    List<FrameMark> markAllDone(JobId jobId, int frame, int[] unitIndexesInFrame);

    /**
     * Records that a complete frame's files are written.
     *
     * @return true the first time only
     * @throws java.util.NoSuchElementException if the frame is unknown
     * @throws IllegalStateException if the frame is not complete
     */
    boolean markWritten(JobId jobId, int frame);

    /** Whether the frame's files are written; false for an unknown frame. */
    boolean isWritten(JobId jobId, int frame);

    /** The job's frames by progress; all zero for an unknown job. */
    FrameCounts counts(JobId jobId);

    /** The job's frames that are complete but not written, ascending: to assemble after a crash. */
    List<Integer> completeButUnwritten(JobId jobId);
}
