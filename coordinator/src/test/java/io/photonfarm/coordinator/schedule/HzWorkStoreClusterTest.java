package io.photonfarm.coordinator.schedule;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

import com.hazelcast.core.HazelcastInstance;
import io.photonfarm.api.job.JobId;
import io.photonfarm.api.job.JobLimits;
import io.photonfarm.api.job.JobSpec;
import io.photonfarm.api.work.Assignment;
import io.photonfarm.api.work.Lease;
import io.photonfarm.api.work.WorkUnit;
import io.photonfarm.api.work.WorkUnitKey;
import io.photonfarm.coordinator.cluster.TestCluster;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.Queue;
import java.util.Random;
import java.util.concurrent.ConcurrentHashMap;
import java.util.concurrent.ConcurrentLinkedQueue;
import java.util.concurrent.TimeUnit;
import java.util.concurrent.atomic.AtomicBoolean;
import java.util.concurrent.atomic.AtomicInteger;
import java.util.function.Function;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.EnumSource;

/**
 * Three members in this JVM, sixteen simulated nodes claiming and completing through different
 * members while the clock jumps, leases lapse and get requeued, and one member shuts down.
 */
class HzWorkStoreClusterTest {
    private static final long LEASE = 1_000;
    private static final int NODES = 16;
    private static final int LEAVING = 2;

    private final ManualClock clock = new ManualClock(1_700_000_000_000L);
    private final Map<WorkUnitKey, AtomicInteger> accepted = new ConcurrentHashMap<>();
    private final AtomicInteger stalls = new AtomicInteger();
    private final AtomicInteger refused = new AtomicInteger();
    private final AtomicInteger switches = new AtomicInteger();
    private final Queue<Throwable> errors = new ConcurrentLinkedQueue<>();
    private final AtomicBoolean stop = new AtomicBoolean();

    /** How the third member leaves mid-run. */
    enum Departure {
        /** Graceful: its partitions migrate to the others before it goes. */
        SHUTDOWN,
        /** A crash: the others promote their backups of its partitions. */
        CRASH
    }

    @ParameterizedTest
    @EnumSource(Departure.class)
    void everyUnitIsDoneExactlyOnceThroughLeaseTakeoversAndAMemberLeaving(Departure departure) throws Exception {
        try (TestCluster cluster = new TestCluster(3)) {
            List<HzWorkStore> stores = new ArrayList<>();
            for (int m = 0; m < cluster.size(); m++) {
                stores.add(new HzWorkStore(cluster.member(m), "farm", 1, SchedulingPolicy.DEFAULT));
            }
            JobId job = new JobId("cluster-job");
            // 8 frames x 6x4 tiles x 3 sample ranges (10 spp in 4 + 4 + 2)
            List<WorkUnit> plan = new JobPlanner(JobLimits.DEFAULT).plan(job, new JobSpec("scene", 8, 96, 64, 10, 1, 1, 16, 4, 0));
            assertEquals(576, plan.size());
            stores.get(0).addJob(job, 0, plan);

            List<Thread> threads = new ArrayList<>();
            for (int i = 0; i < NODES; i++) {
                int index = i;
                threads.add(started("node-" + i, () -> node(cluster, stores, index)));
            }
            LeaseReaper reaper = new LeaseReaper(stores.get(0), clock);
            threads.add(started("reaper", () -> {
                while (!stop.get()) {
                    clock.advance(7);
                    reaper.reap();
                    sleep(2);
                }
            }));

            long deadline = System.nanoTime() + TimeUnit.SECONDS.toNanos(45);
            boolean shutDown = false;
            while (accepted.size() < plan.size() && System.nanoTime() < deadline && errors.isEmpty()) {
                if (!shutDown && accepted.size() >= plan.size() / 3) {
                    int before = accepted.size();
                    if (departure == Departure.SHUTDOWN) {
                        cluster.member(LEAVING).shutdown();
                    } else {
                        cluster.member(LEAVING).getLifecycleService().terminate();
                    }
                    shutDown = true;
                    System.out.println(departure + " with " + before + " units accepted; " + accepted.size() + " when it was gone");
                }
                sleep(10);
            }
            stop.set(true);
            for (Thread t : threads) {
                t.join(10_000);
            }

            System.out.println(accepted.size() + " accepted, " + stalls + " stalls, " + refused + " refused, "
                    + switches + " member switches");
            assertTrue(errors.isEmpty(), () -> "errors: " + errors);
            assertTrue(shutDown, "the member left while units were still being rendered");
            HzWorkStore survivor = stores.get(0);
            List<String> wrong = new ArrayList<>();
            for (WorkUnit unit : plan) {
                AtomicInteger count = accepted.get(unit.key());
                if (count == null || count.get() != 1) {
                    wrong.add(unit.key() + " accepted " + (count == null ? 0 : count.get()) + " times, state "
                            + survivor.state(unit.key()).orElse(null));
                }
            }
            assertTrue(wrong.isEmpty(), () -> wrong.size() + " units not accepted exactly once: " + wrong);
            for (WorkUnit unit : plan) {
                assertEquals(Optional.of(WorkStatus.DONE), survivor.state(unit.key()).map(WorkState::status), unit.key().toString());
            }
            survivor.requeueExpired(clock.millis());
            assertEquals(new JobProgress(job, JobStatus.COMPLETED, 576, 0, 0, 576, 0, null), survivor.progress(job).orElseThrow());
            assertTrue(stalls.get() > 0 && refused.get() >= stalls.get(),
                    "stalled leases were taken over and their late completions refused: " + stalls + " stalls, " + refused + " refused");
            assertEquals(2, cluster.member(0).getCluster().getMembers().size());
            stores.forEach(HzWorkStore::close);
        }
    }

    /** One simulated node: claims, sometimes renews, sometimes stalls past its lease, completes. */
    private void node(TestCluster cluster, List<HzWorkStore> stores, int index) {
        String node = "node-" + index;
        Random random = new Random(index);
        int[] member = {index % cluster.size()};
        try {
            while (!stop.get()) {
                Optional<Assignment> claimed = call(cluster, stores, member, s -> s.claim(node, clock.millis(), LEASE));
                if (claimed.isEmpty()) {
                    sleep(1);
                    continue;
                }
                Lease lease = claimed.get().lease();
                double r = random.nextDouble();
                boolean stalled = r < 0.08;
                if (stalled) {
                    // A slow node: time jumps past its lease (and others'), and the lease is requeued before it reports.
                    stalls.incrementAndGet();
                    clock.advance(LEASE + 1);
                    call(cluster, stores, member, s -> s.requeueExpired(clock.millis()));
                } else if (r < 0.25) {
                    call(cluster, stores, member, s -> s.renew(lease.key(), lease.epoch(), node, clock.millis()));
                }
                CompleteOutcome outcome = call(cluster, stores, member, s -> s.complete(lease.key(), lease.epoch(), node));
                if (outcome == CompleteOutcome.ACCEPTED) {
                    accepted.computeIfAbsent(lease.key(), k -> new AtomicInteger()).incrementAndGet();
                    if (stalled) {
                        errors.add(new AssertionError(node + ": a lapsed and requeued lease on " + lease.key() + " was accepted"));
                    }
                } else {
                    refused.incrementAndGet();
                }
            }
        } catch (Throwable t) {
            errors.add(t);
        }
    }

    /**
     * Runs a store call through this node's member; if that member is gone, moves to a running one
     * and repeats the call, as a node would retry an HTTP request against another coordinator.
     */
    private <T> T call(TestCluster cluster, List<HzWorkStore> stores, int[] member, Function<HzWorkStore, T> op) {
        for (int attempt = 1; ; attempt++) {
            try {
                return op.apply(stores.get(member[0]));
            } catch (RuntimeException e) {
                HazelcastInstance hz = cluster.member(member[0]);
                if (!hz.getLifecycleService().isRunning() || member[0] == LEAVING) {
                    member[0] = (member[0] + 1) % LEAVING; // members 0 and 1 stay
                    switches.incrementAndGet();
                } else if (attempt >= 5) {
                    throw new IllegalStateException("store call failed " + attempt + " times through a running member", e);
                }
            }
        }
    }

    private static Thread started(String name, Runnable body) {
        Thread t = new Thread(body, name);
        t.start();
        return t;
    }

    private static void sleep(long millis) {
        try {
            Thread.sleep(millis);
        } catch (InterruptedException e) {
            Thread.currentThread().interrupt();
        }
    }
}
