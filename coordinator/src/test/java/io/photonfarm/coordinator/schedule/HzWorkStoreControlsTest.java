package io.photonfarm.coordinator.schedule;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;

import io.photonfarm.api.job.JobId;
import io.photonfarm.api.job.JobLimits;
import io.photonfarm.api.job.JobSpec;
import io.photonfarm.api.work.Assignment;
import io.photonfarm.api.work.Lease;
import io.photonfarm.api.work.WorkUnit;
import io.photonfarm.api.work.WorkUnitKey;
import io.photonfarm.coordinator.cluster.TestCluster;
import java.util.List;
import java.util.NoSuchElementException;
import java.util.Optional;
import java.util.concurrent.atomic.AtomicInteger;
import org.junit.jupiter.api.AfterAll;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;

/** Batch claims, pause, resume, cancel, priority and release on one member, in-memory. */
class HzWorkStoreControlsTest {
    private static final long LEASE = 1_000;
    private static final AtomicInteger NAMESPACES = new AtomicInteger();
    private static TestCluster cluster;

    private final JobPlanner planner = new JobPlanner(JobLimits.DEFAULT);
    private final long now = 1_700_000_000_000L;
    private HzWorkStore store;

    @BeforeAll
    static void startMember() {
        cluster = new TestCluster(1);
    }

    @AfterAll
    static void stopMember() {
        cluster.close();
    }

    @AfterEach
    void closeStore() {
        store.close();
    }

    private HzWorkStore store() {
        store = new HzWorkStore(cluster.member(0), "c" + NAMESPACES.incrementAndGet(), 1, SchedulingPolicy.DEFAULT);
        return store;
    }

    /** A job of {@code frames} frames of 2x2 tiles, one sample range each: 4 units per frame. */
    private List<WorkUnit> job(String id, int frames, int priority) {
        List<WorkUnit> plan = planner.plan(new JobId(id), new JobSpec("scene", frames, 32, 32, 4, 1, 1, 16, 4, priority));
        store.addJob(new JobId(id), priority, plan);
        return plan;
    }

    private static List<WorkUnitKey> keys(List<Assignment> assignments) {
        return assignments.stream().map(a -> a.lease().key()).toList();
    }

    @Test
    void aBatchClaimTakesConsecutiveUnitsOfTheFirstJobThenMovesToTheNext() {
        HzWorkStore s = store();
        List<WorkUnit> high = job("high", 1, 5);
        List<WorkUnit> low = job("low", 1, 1);
        List<Assignment> got = s.claim("n", now, LEASE, 6);
        assertEquals(List.of(high.get(0).key(), high.get(1).key(), high.get(2).key(), high.get(3).key(),
                low.get(0).key(), low.get(1).key()), keys(got));
        assertTrue(got.stream().allMatch(a -> a.lease().nodeId().equals("n") && a.lease().epoch() == 1));
        assertEquals(2, s.claim("n", now, LEASE, 6).size());
        assertTrue(s.claim("n", now, LEASE, 6).isEmpty());
    }

    @Test
    void aPausedJobHandsOutNothingButItsHeldLeasesFinishAndResumeHandsOutTheRest() {
        HzWorkStore s = store();
        List<WorkUnit> plan = job("j", 1, 0);
        Lease held = s.claim("n", now, LEASE).orElseThrow().lease();
        assertEquals(JobStatus.PAUSED, s.pause(new JobId("j")).status());
        assertTrue(s.claim("n", now, LEASE, 4).isEmpty());
        assertTrue(s.renew(held.key(), held.epoch(), "n", now + 10).isPresent());
        assertEquals(CompleteOutcome.ACCEPTED, s.complete(held.key(), held.epoch(), "n"));
        assertEquals(JobStatus.RUNNING, s.resume(new JobId("j")).status());
        List<Assignment> rest = s.claim("n", now, LEASE, 10);
        assertEquals(List.of(plan.get(1).key(), plan.get(2).key(), plan.get(3).key()), keys(rest));
        rest.forEach(a -> s.complete(a.lease().key(), a.lease().epoch(), "n"));
        assertEquals(JobStatus.COMPLETED, s.job(new JobId("j")).orElseThrow().status());
    }

    @Test
    void aJobWhoseLastUnitsFinishedWhilePausedCompletesWhenResumed() {
        HzWorkStore s = store();
        job("j", 1, 0);
        List<Assignment> all = s.claim("n", now, LEASE, 4);
        s.pause(new JobId("j"));
        all.forEach(a -> assertEquals(CompleteOutcome.ACCEPTED, s.complete(a.lease().key(), a.lease().epoch(), "n")));
        assertEquals(JobStatus.PAUSED, s.job(new JobId("j")).orElseThrow().status());
        assertEquals(JobStatus.RUNNING, s.resume(new JobId("j")).status());
        assertEquals(JobStatus.COMPLETED, s.job(new JobId("j")).orElseThrow().status());
    }

    @Test
    void cancellingRefusesHeldLeasesAndHandsOutNothingMore() {
        HzWorkStore s = store();
        job("j", 2, 0);
        Lease held = s.claim("n", now, LEASE).orElseThrow().lease();
        Lease done = s.claim("n", now, LEASE).orElseThrow().lease();
        assertEquals(CompleteOutcome.ACCEPTED, s.complete(done.key(), done.epoch(), "n"));
        s.pause(new JobId("j"));
        assertEquals(JobStatus.CANCELLED, s.cancel(new JobId("j")).status());
        assertEquals(Optional.empty(), s.renew(held.key(), held.epoch(), "n", now + 10));
        assertEquals(CompleteOutcome.STALE, s.complete(held.key(), held.epoch(), "n"));
        assertEquals(FailOutcome.STALE, s.fail(held.key(), held.epoch(), "n", "boom", now + 10));
        assertTrue(s.claim("n", now, LEASE, 10).isEmpty());
        assertEquals(0, s.requeueExpired(now + 10 * LEASE));
        assertEquals(Optional.of(WorkStatus.DONE), s.state(done.key()).map(WorkState::status));
        assertEquals(Optional.of(WorkStatus.CANCELLED), s.state(held.key()).map(WorkState::status));
        JobProgress p = s.progress(new JobId("j")).orElseThrow();
        assertEquals(List.of(JobStatus.CANCELLED, 0, 0, 1), List.of(p.status(), p.queued(), p.leased(), p.done()));
    }

    @Test
    void illegalTransitionsNameTheJobItsStatusAndTheChangeAndChangeNothing() {
        HzWorkStore s = store();
        JobId j = new JobId("j");
        job("j", 1, 0);
        IllegalStateException notPaused = assertThrows(IllegalStateException.class, () -> s.resume(j));
        assertEquals("cannot resume job j: it is RUNNING", notPaused.getMessage());
        s.pause(j);
        assertEquals("cannot pause job j: it is PAUSED",
                assertThrows(IllegalStateException.class, () -> s.pause(j)).getMessage());
        s.cancel(j);
        for (Runnable change : List.<Runnable>of(() -> s.pause(j), () -> s.resume(j), () -> s.cancel(j),
                () -> s.setPriority(j, 3))) {
            IllegalStateException e = assertThrows(IllegalStateException.class, change::run);
            assertTrue(e.getMessage().startsWith("cannot ") && e.getMessage().endsWith(" job j: it is CANCELLED"),
                    e.getMessage());
        }
        assertEquals(JobStatus.CANCELLED, s.job(j).orElseThrow().status());
        assertThrows(NoSuchElementException.class, () -> s.pause(new JobId("nope")));
        assertThrows(NoSuchElementException.class, () -> s.setPriority(new JobId("nope"), 1));
        assertEquals(Optional.empty(), s.job(new JobId("nope")));
    }

    @Test
    void raisingAPriorityPutsTheJobFirstForTheNextClaim() {
        HzWorkStore s = store();
        job("first", 1, 1);
        job("second", 1, 1);
        assertEquals("first", s.claim("n", now, LEASE).orElseThrow().lease().key().jobId().value());
        assertEquals(9, s.setPriority(new JobId("second"), 9).priority());
        assertEquals("second", s.claim("n", now, LEASE).orElseThrow().lease().key().jobId().value());
        assertEquals(List.of(new JobId("first"), new JobId("second")), s.jobIds());
    }

    @Test
    void aNodeLeavingHandsBackEveryLeaseItHoldsWithoutAFailureAndItsOldEpochsAreRefused() {
        HzWorkStore s = store();
        job("j", 1, 0);
        List<Assignment> leaving = s.claim("leaving", now, LEASE, 3);
        Lease staying = s.claim("staying", now, LEASE).orElseThrow().lease();
        assertEquals(3, s.release("leaving", now + 5));
        assertEquals(0, s.release("leaving", now + 5));
        for (Assignment a : leaving) {
            WorkState w = s.state(a.lease().key()).orElseThrow();
            assertEquals(List.of(WorkStatus.QUEUED, 0), List.of(w.status(), w.failures()));
            assertEquals(CompleteOutcome.STALE, s.complete(a.lease().key(), a.lease().epoch(), "leaving"));
        }
        assertTrue(s.state(staying.key()).orElseThrow().heldBy(staying.epoch(), "staying"));
        List<Assignment> again = s.claim("other", now + 5, LEASE, 10);
        assertEquals(keys(leaving), keys(again));
        assertTrue(again.stream().allMatch(a -> a.lease().epoch() == 2));
    }

    @Test
    void aBatchClaimRejectsZeroUnits() {
        HzWorkStore s = store();
        assertThrows(IllegalArgumentException.class, () -> s.claim("n", now, LEASE, 0));
        assertFalse(s.claim("n", now, LEASE, 1).iterator().hasNext());
    }
}
