package io.photonfarm.coordinator.store;

import io.photonfarm.coordinator.frames.FrameMark;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertTrue;

import io.photonfarm.api.job.JobId;
import io.photonfarm.api.job.JobLimits;
import io.photonfarm.api.job.JobSpec;
import io.photonfarm.api.work.Assignment;
import io.photonfarm.api.work.Lease;
import io.photonfarm.api.work.WorkUnit;
import io.photonfarm.api.work.WorkUnitKey;
import io.photonfarm.coordinator.cluster.TestCluster;
import io.photonfarm.coordinator.frames.FrameCounts;
import io.photonfarm.coordinator.frames.HzFrameLedger;
import io.photonfarm.coordinator.schedule.CompleteOutcome;
import io.photonfarm.coordinator.schedule.HzWorkStore;
import io.photonfarm.coordinator.schedule.JobPlanner;
import io.photonfarm.coordinator.schedule.JobStatus;
import io.photonfarm.coordinator.schedule.SchedulingPolicy;
import io.photonfarm.coordinator.schedule.WorkState;
import io.photonfarm.coordinator.schedule.WorkStatus;
import java.nio.file.Path;
import java.sql.Connection;
import java.sql.DriverManager;
import java.sql.SQLException;
import java.sql.Statement;
import java.util.List;
import java.util.Optional;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/**
 * A member on an H2 file crashes (terminated: no graceful flush, then the database closed as a
 * killed process would leave it) and a new member starts on the same file.
 */
class DurableRestartTest {
    private static final long LEASE = 60_000;
    private static final JobId JOB = new JobId("j");
    /** 2 frames of 2x2 tiles, one sample range: units 0-3 are frame 0, 4-7 frame 1. */
    private static final JobSpec SPEC = new JobSpec("scene", 2, 32, 32, 4, 1, 1, 16, 4, 0);

    @TempDir
    Path dataDir;

    private final long now = 1_700_000_000_000L;

    /** A coordinator: one member, its work store and frame ledger. */
    private record Coordinator(TestCluster cluster, HzWorkStore store, HzFrameLedger ledger) implements AutoCloseable {
        static Coordinator start(Durability durability, WritePolicy unitWrites) {
            TestCluster cluster = new TestCluster(1);
            return new Coordinator(cluster, new HzWorkStore(cluster.member(0), "farm", 1, SchedulingPolicy.DEFAULT,
                    durability, unitWrites), new HzFrameLedger(cluster.member(0), "farm", 1, durability, WritePolicy.THROUGH));
        }

        /** Dies without flushing anything, and leaves the database as a killed process would. */
        void crash(Durability durability) throws SQLException {
            cluster.close();
            try (Connection c = DriverManager.getConnection(durability.jdbcUrl());
                    Statement s = c.createStatement()) {
                s.execute("SHUTDOWN IMMEDIATELY");
            }
        }

        @Override
        public void close() {
            store.close();
            cluster.close();
        }
    }

    private static int indexInFrame(WorkUnitKey key) {
        return key.rangeIndex() * 4 + key.tileIndex();
    }

    /** Completes a claimed unit and marks it in the ledger, as the result handler will. */
    private static void finish(Coordinator c, Assignment a, String node) {
        assertEquals(CompleteOutcome.ACCEPTED, c.store().complete(a.lease().key(), a.lease().epoch(), node));
        c.ledger().markDone(a.lease().key(), indexInFrame(a.lease().key()));
    }

    @Test
    void writtenThroughUnitsComeBackDoneLeasedOrQueuedAsTheyWereAndTheJobCompletes() throws Exception {
        Durability durability = Durability.h2(dataDir);
        List<WorkUnit> plan = new JobPlanner(JobLimits.DEFAULT).plan(JOB, SPEC);
        Lease held;
        try (Coordinator before = Coordinator.start(durability, WritePolicy.THROUGH)) {
            before.store().addJob(JOB, 0, plan);
            before.ledger().addJob(JOB, 2, 4);
            before.store().claim("a", now, LEASE, 5).forEach(a -> finish(before, a, "a"));
            assertTrue(before.ledger().markWritten(JOB, 0));
            held = before.store().claim("b", now, LEASE).orElseThrow().lease();
            before.crash(durability);
        }
        try (Coordinator after = Coordinator.start(durability, WritePolicy.THROUGH)) {
            for (WorkUnit u : plan.subList(0, 5)) {
                assertEquals(Optional.of(WorkStatus.DONE), after.store().state(u.key()).map(WorkState::status));
            }
            assertEquals(plan.get(5).key(), held.key());
            assertTrue(after.store().state(held.key()).orElseThrow().heldBy(held.epoch(), "b"));
            assertTrue(after.ledger().isWritten(JOB, 0));
            assertEquals(new FrameCounts(2, 1, 1), after.ledger().counts(JOB));
            // The queue was rebuilt from the QUEUED units only, in plan order.
            List<Assignment> rest = after.store().claim("c", now + 1, LEASE, 10);
            assertEquals(List.of(plan.get(6).key(), plan.get(7).key()), rest.stream().map(a -> a.lease().key()).toList());
            rest.forEach(a -> finish(after, a, "c"));
            assertTrue(after.store().renew(held.key(), held.epoch(), "b", now + 2).isPresent());
            assertEquals(CompleteOutcome.ACCEPTED, after.store().complete(held.key(), held.epoch(), "b"));
            assertEquals(FrameMark.COMPLETED, after.ledger().markDone(held.key(), indexInFrame(held.key())));
            assertEquals(JobStatus.COMPLETED, after.store().job(JOB).orElseThrow().status());
            assertEquals(List.of(1), after.ledger().completeButUnwritten(JOB));
            assertTrue(after.store().claim("c", now + 3, LEASE, 10).isEmpty());
        }
    }

    @Test
    void anExpiredLeaseFromBeforeTheCrashIsRequeuedByTheReaper() throws Exception {
        Durability durability = Durability.h2(dataDir);
        List<WorkUnit> plan = new JobPlanner(JobLimits.DEFAULT).plan(JOB, SPEC);
        Lease held;
        try (Coordinator before = Coordinator.start(durability, WritePolicy.THROUGH)) {
            before.store().addJob(JOB, 0, plan);
            held = before.store().claim("gone", now, LEASE).orElseThrow().lease();
            before.crash(durability);
        }
        try (Coordinator after = Coordinator.start(durability, WritePolicy.THROUGH)) {
            assertEquals(1, after.store().requeueExpired(now + LEASE));
            assertEquals(CompleteOutcome.STALE, after.store().complete(held.key(), held.epoch(), "gone"));
            List<Assignment> all = after.store().claim("c", now + LEASE, LEASE, 10);
            assertEquals(8, all.size());
            assertEquals(plan.get(0).key(), all.get(7).lease().key(), "the requeued unit goes to the back");
            assertEquals(held.epoch() + 1, all.get(7).lease().epoch());
        }
    }

    /**
     * Units written behind: a crash within the delay may lose the last unit changes (a completion is
     * then rendered again), never the job, its units or the frame ledger, which are written through.
     */
    @Test
    void withUnitsWrittenBehindACrashMayCostARenderButNeverAFrameOrAWrittenFlag() throws Exception {
        Durability durability = Durability.h2(dataDir);
        List<WorkUnit> plan = new JobPlanner(JobLimits.DEFAULT).plan(JOB, SPEC);
        try (Coordinator before = Coordinator.start(durability, WritePolicy.behind(1))) {
            before.store().addJob(JOB, 0, plan);
            before.ledger().addJob(JOB, 2, 4);
            before.store().claim("a", now, LEASE, 4).forEach(a -> finish(before, a, "a"));
            assertTrue(before.ledger().markWritten(JOB, 0));
            before.crash(durability);
        }
        try (Coordinator after = Coordinator.start(durability, WritePolicy.behind(1))) {
            assertTrue(after.ledger().isWritten(JOB, 0));
            assertEquals(new FrameCounts(2, 1, 1), after.ledger().counts(JOB));
            int lost = 0;
            for (WorkUnit u : plan) {
                WorkStatus status = after.store().state(u.key()).orElseThrow().status();
                boolean frame0 = u.key().frame() == 0;
                assertTrue(status == WorkStatus.QUEUED || (frame0 && status == WorkStatus.DONE), u.key() + " " + status);
                lost += frame0 && status == WorkStatus.QUEUED ? 1 : 0;
            }
            System.out.println("write-behind crash: " + lost + " of 4 completions were lost and are rendered again");
            List<Assignment> rest = after.store().claim("c", now + 1, LEASE, 20);
            assertEquals(4 + lost, rest.size());
            for (Assignment a : rest) {
                assertEquals(CompleteOutcome.ACCEPTED, after.store().complete(a.lease().key(), a.lease().epoch(), "c"));
                boolean completedFrame = after.ledger().markDone(a.lease().key(), indexInFrame(a.lease().key())) == FrameMark.COMPLETED;
                // A re-rendered unit of frame 0 is not counted again: frame 0 completed once, before the crash.
                assertEquals(a.lease().key().frame() == 1 && completedFrame, completedFrame);
            }
            assertEquals(JobStatus.COMPLETED, after.store().job(JOB).orElseThrow().status());
            assertEquals(List.of(1), after.ledger().completeButUnwritten(JOB));
            assertFalse(after.ledger().markWritten(JOB, 0));
        }
    }
}
