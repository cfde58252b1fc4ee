package io.photonfarm.coordinator.store;

import static org.junit.jupiter.api.Assertions.assertEquals;

import io.photonfarm.api.job.JobId;
import io.photonfarm.api.tile.SampleRange;
import io.photonfarm.api.tile.TileRect;
import io.photonfarm.api.work.Assignment;
import io.photonfarm.api.work.WorkUnit;
import io.photonfarm.api.work.WorkUnitKey;
import io.photonfarm.coordinator.cluster.TestCluster;
import io.photonfarm.coordinator.schedule.CompleteOutcome;
import io.photonfarm.coordinator.schedule.HzWorkStore;
import io.photonfarm.coordinator.schedule.SchedulingPolicy;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;
import java.util.concurrent.ExecutorService;
import java.util.concurrent.Executors;
import java.util.concurrent.Future;
import java.util.concurrent.atomic.AtomicInteger;
import org.junit.jupiter.api.io.TempDir;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.CsvSource;

/**
 * Concurrent claimers on one member, with each durability setting, complete every unit exactly
 * once. Speed is not a test's business: {@code farm bench protocol} measures it over HTTP.
 */
class ClaimCompleteOnceTest {
    private static final int UNITS = 600;
    private static final int THREADS = 4;
    private static final long LEASE = 60_000;

    @TempDir
    Path dir;

    @ParameterizedTest(name = "{0}, {1} per claim")
    @CsvSource({"none, 1", "write-through, 8", "write-behind, 8"})
    void claimsAndCompletesEveryUnitOnce(String mode, int perClaim) throws Exception {
        Durability durability = mode.equals("none") ? Durability.none() : Durability.h2(dir);
        WritePolicy unitWrites = mode.equals("write-behind") ? WritePolicy.behind(1) : WritePolicy.THROUGH;
        try (TestCluster cluster = new TestCluster(1);
                HzWorkStore store = new HzWorkStore(cluster.member(0), "farm", 1, SchedulingPolicy.DEFAULT, durability,
                        unitWrites)) {
            JobId job = new JobId("bench");
            List<WorkUnit> units = new ArrayList<>();
            for (int i = 0; i < UNITS; i++) {
                units.add(new WorkUnit(new WorkUnitKey(job, i / 64, i % 64, 0), new TileRect(0, 0, 16, 16),
                        new SampleRange(0, 1)));
            }
            store.addJob(job, 0, units);
            AtomicInteger accepted = new AtomicInteger();
            ExecutorService pool = Executors.newFixedThreadPool(THREADS);
            List<Future<?>> nodes = new ArrayList<>();
            for (int t = 0; t < THREADS; t++) {
                String node = "node-" + t;
                nodes.add(pool.submit(() -> {
                    long now = 1_700_000_000_000L;
                    for (List<Assignment> got = store.claim(node, now, LEASE, perClaim); !got.isEmpty();
                            got = store.claim(node, now, LEASE, perClaim)) {
                        for (Assignment a : got) {
                            if (store.complete(a.lease().key(), a.lease().epoch(), node) == CompleteOutcome.ACCEPTED) {
                                accepted.incrementAndGet();
                            }
                        }
                    }
                    return null;
                }));
            }
            for (Future<?> f : nodes) {
                f.get();
            }
            pool.shutdown();
            assertEquals(UNITS, accepted.get());
            assertEquals(UNITS, store.progress(job).orElseThrow().done());
        }
    }
}
