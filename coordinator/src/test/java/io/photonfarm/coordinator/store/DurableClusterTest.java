package io.photonfarm.coordinator.store;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

import io.photonfarm.api.job.JobId;
import io.photonfarm.api.job.JobLimits;
import io.photonfarm.api.job.JobSpec;
import io.photonfarm.api.work.Assignment;
import io.photonfarm.api.work.WorkUnit;
import io.photonfarm.api.work.WorkUnitKey;
import io.photonfarm.coordinator.cluster.TestCluster;
import io.photonfarm.coordinator.schedule.CompleteOutcome;
import io.photonfarm.coordinator.schedule.HzWorkStore;
import io.photonfarm.coordinator.schedule.JobPlanner;
import io.photonfarm.coordinator.schedule.JobProgress;
import io.photonfarm.coordinator.schedule.JobStatus;
import io.photonfarm.coordinator.schedule.SchedulingPolicy;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.concurrent.ConcurrentHashMap;
import java.util.concurrent.ExecutorService;
import java.util.concurrent.Executors;
import java.util.concurrent.Future;
import java.util.concurrent.atomic.AtomicInteger;
import java.util.concurrent.atomic.AtomicLong;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/**
 * Two members on one H2 file (units written behind, the default), eight nodes claiming batches
 * through both while some leases lapse and the reaper requeues them; then a graceful stop and a
 * cold start.
 */
class DurableClusterTest {
    private static final long LEASE = 1_000;

    @TempDir
    Path dataDir;

    @Test
    void everyUnitIsDoneExactlyOnceThroughLapsesAndTheResultSurvivesAColdStart() throws Exception {
        Durability durability = Durability.h2(dataDir);
        JobId job = new JobId("j");
        List<WorkUnit> plan = new JobPlanner(JobLimits.DEFAULT).plan(job, new JobSpec("scene", 50, 64, 64, 8, 2, 1, 16, 4, 0));
        Map<WorkUnitKey, AtomicInteger> accepted = new ConcurrentHashMap<>();
        AtomicInteger lapsed = new AtomicInteger();
        AtomicLong clock = new AtomicLong(1_700_000_000_000L);
        try (TestCluster cluster = new TestCluster(2)) {
            List<HzWorkStore> stores = List.of(
                    new HzWorkStore(cluster.member(0), "farm", 1, SchedulingPolicy.DEFAULT, durability, HzWorkStore.DEFAULT_UNIT_WRITES),
                    new HzWorkStore(cluster.member(1), "farm", 1, SchedulingPolicy.DEFAULT, durability, HzWorkStore.DEFAULT_UNIT_WRITES));
            stores.get(0).addJob(job, 0, plan);
            ExecutorService pool = Executors.newFixedThreadPool(8);
            List<Future<?>> nodes = new ArrayList<>();
            for (int n = 0; n < 8; n++) {
                String node = "node-" + n;
                HzWorkStore store = stores.get(n % 2);
                nodes.add(pool.submit(() -> {
                    int round = 0;
                    while (stores.get(0).job(job).orElseThrow().status() == JobStatus.RUNNING) {
                        List<Assignment> got = store.claim(node, clock.get(), LEASE, 4);
                        for (Assignment a : got) {
                            // Every 7th lease lapses: the node "hangs" and the reaper gives the unit to another.
                            if (++round % 7 == 0) {
                                lapsed.incrementAndGet();
                                continue;
                            }
                            if (store.complete(a.lease().key(), a.lease().epoch(), node) == CompleteOutcome.ACCEPTED) {
                                accepted.computeIfAbsent(a.lease().key(), k -> new AtomicInteger()).incrementAndGet();
                            }
                        }
                        if (got.isEmpty()) {
                            clock.addAndGet(LEASE);
                            store.requeueExpired(clock.get());
                        }
                    }
                    return null;
                }));
            }
            for (Future<?> f : nodes) {
                f.get();
            }
            pool.shutdown();
            assertEquals(plan.size(), accepted.size());
            assertTrue(accepted.values().stream().allMatch(c -> c.get() == 1), "a unit was accepted twice");
            assertTrue(lapsed.get() > 0);
            stores.forEach(HzWorkStore::close);
            // A graceful stop flushes the write-behind queues.
            cluster.member(1).shutdown();
            cluster.member(0).shutdown();
        }
        try (TestCluster cold = new TestCluster(1);
                HzWorkStore store = new HzWorkStore(cold.member(0), "farm", 1, SchedulingPolicy.DEFAULT, durability,
                        HzWorkStore.DEFAULT_UNIT_WRITES)) {
            JobProgress p = store.progress(job).orElseThrow();
            assertEquals(List.of(JobStatus.COMPLETED, plan.size(), plan.size()), List.of(p.status(), p.units(), p.done()));
            assertTrue(store.claim("n", clock.get(), LEASE, 10).isEmpty());
        }
    }
}
