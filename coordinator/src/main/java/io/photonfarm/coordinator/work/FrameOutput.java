package io.photonfarm.coordinator.work;

import io.photonfarm.api.work.LeaseRef;
import io.photonfarm.api.work.WorkUnitKey;
import io.photonfarm.coordinator.jobs.JobRecord;
import java.io.IOException;
import java.util.List;

/**
 * Where accepted tile results go. The order of calls is the contract that makes results survive
 * crashes: a result is {@link #spool spooled} (durably) before the scheduler marks its unit done,
 * so a unit that is DONE always has its bytes on disk; a result the scheduler refused is
 * {@link #discard discarded}; an accepted one is announced with {@link #accepted}.
 */
public interface FrameOutput {

    /** Stores an encoded tile result durably under its unit and lease epoch, before it is accepted. */
    void spool(WorkUnitKey key, long epoch, byte[] encoded) throws IOException;

    /** A result to spool: its unit, the lease epoch it was uploaded under, and its encoded bytes. */
    record Result(WorkUnitKey key, long epoch, byte[] encoded) {
    }

    /** {@link #spool} of several results, all stored durably when it returns. */
    default void spoolAll(List<Result> results) throws IOException {
        for (Result r : results) {
            spool(r.key(), r.epoch(), r.encoded());
        }
    }

    /** Drops a spooled result the scheduler refused. */
    void discard(WorkUnitKey key, long epoch);

    /** The scheduler accepted the result spooled under this epoch; the frame may now be complete. */
    void accepted(JobRecord job, WorkUnitKey key, long epoch);

    /** {@link #accepted} of several results of one job, in order. */
    default void acceptedAll(JobRecord job, List<LeaseRef> accepted) {
        for (LeaseRef a : accepted) {
            accepted(job, a.key(), a.epoch());
        }
    }
}
