package io.photonfarm.coordinator.schedule;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertNotEquals;
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
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.concurrent.atomic.AtomicInteger;
import org.junit.jupiter.api.AfterAll;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;

/** One member; each test gets a store in a namespace of its own, and drives time by hand. */
class HzWorkStoreTest {
    private static final long LEASE = 1_000;
    private static final AtomicInteger NAMESPACES = new AtomicInteger();
    private static TestCluster cluster;

    private final JobPlanner planner = new JobPlanner(JobLimits.DEFAULT);
    private HzWorkStore store;
    private long now = 1_700_000_000_000L;

    @BeforeAll
    static void startMember() {
        cluster = new TestCluster(1);
    }

    @AfterAll
    static void stopMember() {
        cluster.close();
    }

    private String namespace;

    private HzWorkStore store(SchedulingPolicy policy) {
        namespace = "t" + NAMESPACES.incrementAndGet();
        store = new HzWorkStore(cluster.member(0), namespace, 1, policy);
        return store;
    }

    @AfterEach
    void closeStore() {
        store.close();
    }

    /** A job of {@code units} single-tile frames. */
    private List<WorkUnit> job(HzWorkStore s, String id, int units, int priority) {
        List<WorkUnit> plan = planner.plan(new JobId(id), new JobSpec("scene", units, 16, 16, 4, 1, 1, 16, 4, priority));
        s.addJob(new JobId(id), priority, plan);
        return plan;
    }

    private static Assignment claimed(HzWorkStore s, String node, long now) {
        return s.claim(node, now, LEASE).orElseThrow(() -> new AssertionError(node + " got no work"));
    }

    @Test
    void aClaimedUnitCanBeRenewedAndCompletedAndTheJobFinishes() {
        HzWorkStore s = store(SchedulingPolicy.DEFAULT);
        List<WorkUnit> plan = job(s, "j", 2, 0);
        Assignment a = claimed(s, "node-a", now);
        assertEquals(plan.get(0), a.unit(), "units come out in plan order");
        assertEquals(new Lease(plan.get(0).key(), 1, "node-a", now + LEASE), a.lease());
        assertEquals(WorkStatus.LEASED, s.state(a.lease().key()).orElseThrow().status());

        Lease renewed = s.renew(a.lease().key(), 1, "node-a", now + 600).orElseThrow();
        assertEquals(now + 600 + LEASE, renewed.expiresAtMillis());
        assertEquals(0, s.requeueExpired(now + LEASE + 1), "the renewed lease has not expired");

        assertEquals(CompleteOutcome.ACCEPTED, s.complete(a.lease().key(), 1, "node-a"));
        assertEquals(CompleteOutcome.ACCEPTED, s.complete(a.lease().key(), 1, "node-a"), "a repeat is answered the same");
        assertEquals(new JobProgress(new JobId("j"), JobStatus.RUNNING, 2, 1, 0, 1, 0, null), s.progress(new JobId("j")).orElseThrow());

        Assignment b = claimed(s, "node-b", now);
        assertEquals(CompleteOutcome.ACCEPTED, s.complete(b.lease().key(), 1, "node-b"));
        assertEquals(new JobProgress(new JobId("j"), JobStatus.COMPLETED, 2, 0, 0, 2, 0, null), s.progress(new JobId("j")).orElseThrow());
        assertTrue(s.claim("node-a", now, LEASE).isEmpty());
        assertTrue(s.progress(new JobId("unknown")).isEmpty());
    }

    @Test
    void completingSeveralUnitsAtOnceJudgesEachLeaseOnItsOwnAndFinishesTheJob() {
        HzWorkStore s = store(SchedulingPolicy.DEFAULT);
        List<WorkUnit> plan = job(s, "j", 4, 0);
        List<Assignment> mine = s.claim("node-a", now, LEASE, 2);
        Lease a0 = mine.get(0).lease();
        Lease a1 = mine.get(1).lease();
        Lease b2 = claimed(s, "node-b", now).lease();
        WorkUnitKey queued = plan.get(3).key();
        assertEquals(CompleteOutcome.ACCEPTED, s.complete(a0.key(), a0.epoch(), "node-a"));

        Map<WorkUnitKey, Long> quoted = new LinkedHashMap<>();
        quoted.put(a0.key(), a0.epoch());
        quoted.put(a1.key(), a1.epoch());
        quoted.put(b2.key(), b2.epoch());
        quoted.put(queued, 1L);
        Map<WorkUnitKey, CompleteOutcome> outcomes = s.completeAll("node-a", quoted);
        assertEquals(Map.of(a0.key(), CompleteOutcome.ACCEPTED, a1.key(), CompleteOutcome.ACCEPTED,
                b2.key(), CompleteOutcome.STALE, queued, CompleteOutcome.STALE), outcomes,
                "a repeat, a held lease, another node's lease, a unit nobody holds");
        WorkUnitKey unknown = new WorkUnitKey(new JobId("j"), 9, 0, 0);
        Map<WorkUnitKey, WorkState> states = s.states(List.of(a1.key(), b2.key(), queued, unknown));
        assertEquals(3, states.size(), "an unknown unit has no state");
        assertEquals(WorkStatus.DONE, states.get(a1.key()).status());
        assertEquals(b2, states.get(b2.key()).lease(), "another node's lease is left as it was");
        assertEquals(WorkStatus.LEASED, states.get(b2.key()).status());
        assertEquals(WorkStatus.QUEUED, states.get(queued).status());

        Lease last = claimed(s, "node-a", now).lease();
        assertEquals(Map.of(last.key(), CompleteOutcome.ACCEPTED),
                s.completeAll("node-a", Map.of(last.key(), last.epoch())));
        assertEquals(Map.of(b2.key(), CompleteOutcome.ACCEPTED), s.completeAll("node-b", Map.of(b2.key(), b2.epoch())));
        assertEquals(JobStatus.COMPLETED, s.job(new JobId("j")).orElseThrow().status(),
                "the last batch finishes the job");
    }

    @Test
    void afterExpiryAndRequeueTheOldEpochIsRefusedAndTheNewHolderIsAccepted() {
        HzWorkStore s = store(SchedulingPolicy.DEFAULT);
        job(s, "j", 1, 0);
        Lease old = claimed(s, "node-a", now).lease();
        assertEquals(0, s.requeueExpired(now + LEASE - 1));
        assertEquals(1, s.requeueExpired(now + LEASE), "a lease expires at its expiry time");
        assertEquals(WorkStatus.QUEUED, s.state(old.key()).orElseThrow().status());

        assertTrue(s.renew(old.key(), old.epoch(), "node-a", now + LEASE).isEmpty());
        assertEquals(CompleteOutcome.STALE, s.complete(old.key(), old.epoch(), "node-a"));

        Lease taken = claimed(s, "node-b", now + LEASE + 5).lease();
        assertEquals(2, taken.epoch());
        assertEquals(CompleteOutcome.STALE, s.complete(old.key(), old.epoch(), "node-a"));
        assertEquals(CompleteOutcome.STALE, s.complete(old.key(), taken.epoch(), "node-a"), "right epoch, wrong node");
        assertEquals(CompleteOutcome.ACCEPTED, s.complete(taken.key(), taken.epoch(), "node-b"));
        assertEquals(CompleteOutcome.ALREADY_DONE, s.complete(old.key(), old.epoch(), "node-a"));
        WorkState done = s.state(old.key()).orElseThrow();
        assertEquals(WorkStatus.DONE, done.status());
        assertEquals("node-b", done.nodeId());
        assertEquals(2, done.attempts());
    }

    @Test
    void aRenewalByAnotherNodeOrWithAnotherEpochIsRefusedAndChangesNothing() {
        HzWorkStore s = store(SchedulingPolicy.DEFAULT);
        job(s, "j", 1, 0);
        Lease lease = claimed(s, "node-a", now).lease();
        assertTrue(s.renew(lease.key(), lease.epoch(), "node-b", now + 500).isEmpty());
        assertTrue(s.renew(lease.key(), lease.epoch() + 1, "node-a", now + 500).isEmpty());
        assertEquals(now + LEASE, s.state(lease.key()).orElseThrow().leaseExpiresAtMillis());
        assertEquals(CompleteOutcome.STALE, s.complete(lease.key(), lease.epoch(), "node-b"));
        assertEquals(FailOutcome.STALE, s.fail(lease.key(), lease.epoch(), "node-b", "not mine", now));
        assertEquals(WorkStatus.LEASED, s.state(lease.key()).orElseThrow().status());
    }

    @Test
    void aFailedUnitIsRetriedOnAnotherNodeNotOnTheOneThatFailedIt() {
        HzWorkStore s = store(SchedulingPolicy.DEFAULT);
        job(s, "j", 1, 0);
        Lease a = claimed(s, "node-a", now).lease();
        assertTrue(s.claim("node-b", now, LEASE).isEmpty(), "node-b is present but there is nothing else");
        assertEquals(FailOutcome.RETRYING, s.fail(a.key(), a.epoch(), "node-a", "out of device memory", now + 10));
        WorkState queued = s.state(a.key()).orElseThrow();
        assertEquals(WorkStatus.QUEUED, queued.status());
        assertEquals(List.of("node-a"), queued.failedOnNodes());
        assertEquals("out of device memory", queued.lastError());

        assertTrue(s.claim("node-a", now + 20, LEASE).isEmpty(), "node-a failed it and gets it no more");
        Lease b = claimed(s, "node-b", now + 30).lease();
        assertEquals(a.key(), b.key());
        assertEquals(2, b.epoch());
        assertEquals(CompleteOutcome.ACCEPTED, s.complete(b.key(), b.epoch(), "node-b"));
        assertEquals(JobStatus.COMPLETED, s.progress(new JobId("j")).orElseThrow().status());
    }

    @Test
    void aNodeThatFailedKUnitsOfAJobGetsNoMoreOfItButStillGetsOtherJobs() {
        HzWorkStore s = store(new SchedulingPolicy(5, 2, 60_000, 64));
        job(s, "bad-for-a", 4, 5);
        assertTrue(s.claim("node-b", now, LEASE).isPresent()); // node-b is present (and holds one unit)
        for (int i = 0; i < 2; i++) {
            Lease l = claimed(s, "node-a", now).lease();
            assertEquals(new JobId("bad-for-a"), l.key().jobId());
            assertEquals(FailOutcome.RETRYING, s.fail(l.key(), l.epoch(), "node-a", "driver crash " + i, now));
        }
        assertEquals(3, s.progress(new JobId("bad-for-a")).orElseThrow().queued());
        assertTrue(s.claim("node-a", now, LEASE).isEmpty(), "node-a is kept off the job");

        job(s, "other", 1, 0);
        assertEquals(new JobId("other"), claimed(s, "node-a", now).lease().key().jobId(), "other jobs still reach node-a");
        for (int i = 0; i < 3; i++) {
            assertEquals(new JobId("bad-for-a"), claimed(s, "node-b", now).lease().key().jobId());
        }
        assertEquals(JobStatus.RUNNING, s.progress(new JobId("bad-for-a")).orElseThrow().status());
    }

    @Test
    void aUnitThatFailedOnEveryPresentNodeFailsItsJobWithTheNodesMessage() {
        HzWorkStore s = store(SchedulingPolicy.DEFAULT);
        List<WorkUnit> plan = job(s, "doomed", 3, 0);
        Lease a = claimed(s, "node-a", now).lease();
        Lease b1 = claimed(s, "node-b", now).lease();
        assertEquals(FailOutcome.RETRYING, s.fail(a.key(), a.epoch(), "node-a", "VK_ERROR_DEVICE_LOST", now));
        assertEquals(CompleteOutcome.ACCEPTED, s.complete(b1.key(), b1.epoch(), "node-b"));
        // node-b gets the failed unit again only after the fresh one queued ahead of it
        Lease b2 = claimed(s, "node-b", now).lease();
        Lease b3 = claimed(s, "node-b", now).lease();
        assertEquals(a.key(), b3.key());
        assertEquals(FailOutcome.FAILED, s.fail(b3.key(), b3.epoch(), "node-b", "shader compile error: bsdf.glsl:12", now));

        JobProgress p = s.progress(new JobId("doomed")).orElseThrow();
        assertEquals(JobStatus.FAILED, p.status());
        assertEquals(1, p.failed());
        assertTrue(p.error().startsWith("unit doomed/0/0/0 failed 2 times on nodes [node-a, node-b]"), p.error());
        assertTrue(p.error().endsWith("last error: shader compile error: bsdf.glsl:12"), p.error());
        assertEquals(WorkStatus.FAILED, s.state(a.key()).orElseThrow().status());
        assertTrue(s.claim("node-c", now, LEASE).isEmpty(), "a failed job hands out nothing");
        assertEquals(CompleteOutcome.ACCEPTED, s.complete(b2.key(), b2.epoch(), "node-b"), "leases already out still complete");
        assertEquals(3, plan.size());
    }

    @Test
    void aUnitThatFailedTheMostTimesAllowedIsGivenUpEvenWithFreshNodesAround() {
        HzWorkStore s = store(new SchedulingPolicy(2, 3, 60_000, 64));
        s.claim("node-c", now, LEASE); // present, never fails
        job(s, "j", 1, 0);
        Lease a = claimed(s, "node-a", now).lease();
        assertEquals(FailOutcome.RETRYING, s.fail(a.key(), a.epoch(), "node-a", "first", now));
        Lease b = claimed(s, "node-b", now).lease();
        assertEquals(FailOutcome.FAILED, s.fail(b.key(), b.epoch(), "node-b", "second", now));
        String error = s.progress(new JobId("j")).orElseThrow().error();
        assertTrue(error.contains("failed 2 times on nodes [node-a, node-b], reached the limit of 2 failures") && error.endsWith("last error: second"), error);
    }

    @Test
    void aNodeThatLeftNoLongerCountsAsEligibleSoTheUnitIsGivenUpWhenTheLastNodeFailsIt() {
        HzWorkStore s = store(new SchedulingPolicy(5, 3, 10_000, 64));
        s.claim("node-gone", now, LEASE);
        job(s, "j", 1, 0);
        Lease a = claimed(s, "node-a", now + 20_000).lease();
        assertEquals(FailOutcome.FAILED, s.fail(a.key(), a.epoch(), "node-a", "boom", now + 20_000));
        assertEquals("unit j/0/0/0 failed 1 time on nodes [node-a], every present node has failed it; last error: boom",
                s.progress(new JobId("j")).orElseThrow().error());
    }

    @Test
    void higherPriorityJobsAreServedFirstAndOlderJobsBeforeNewerOnes() {
        HzWorkStore s = store(SchedulingPolicy.DEFAULT);
        job(s, "low-old", 1, 1);
        job(s, "high", 1, 7);
        job(s, "low-new", 1, 1);
        assertEquals("high", claimed(s, "n", now).lease().key().jobId().value());
        assertEquals("low-old", claimed(s, "n", now).lease().key().jobId().value());
        assertEquals("low-new", claimed(s, "n", now).lease().key().jobId().value());
        assertThrows(IllegalStateException.class, () -> job(s, "high", 1, 0));
    }

    @Test
    void aKeyLostFromItsQueueIsRestoredAndDuplicatesAreHarmless() {
        HzWorkStore s = store(SchedulingPolicy.DEFAULT);
        List<WorkUnit> plan = job(s, "j", 2, 0);
        // Simulate a member that polled a key and died before claiming it.
        WorkUnitKey lost = (WorkUnitKey) cluster.member(0).getQueue(namespace + ".work.j").poll();
        assertEquals(plan.get(0).key(), lost);
        assertEquals(1, s.requeueOrphans());
        assertEquals(0, s.requeueOrphans());
        Lease first = claimed(s, "n", now).lease();
        Lease second = claimed(s, "n", now).lease();
        assertNotEquals(first.key(), second.key());
        assertFalse(s.claim("n", now, LEASE).isPresent());
    }

    @Test
    void theReaperRequeuesAtTheTimeItsClockTells() {
        HzWorkStore s = store(SchedulingPolicy.DEFAULT);
        job(s, "j", 1, 0);
        claimed(s, "n", now);
        long[] clock = {now + LEASE - 1};
        LeaseReaper reaper = new LeaseReaper(s, () -> java.time.Instant.ofEpochMilli(clock[0]));
        assertEquals(0, reaper.reap());
        clock[0] = now + LEASE;
        assertEquals(1, reaper.reap());
        assertEquals(Optional.of(WorkStatus.QUEUED), s.state(new WorkUnitKey(new JobId("j"), 0, 0, 0)).map(WorkState::status));
    }
}
