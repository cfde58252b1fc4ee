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
 * How many claim+complete pairs per second one member carries, with each durability setting.
 * Prints its figures (the machine decides them, so nothing is asserted about speed; the first run
 * also warms the JVM up, so it reads low); asserts only
 * that every unit was done exactly once.
 */
class ClaimThroughputTest {
    private static final int UNITS = 6_000;
    private static final int THREADS = 4;
    private static final long LEASE = 60_000;

    @TempDir
    Path dir;

    @ParameterizedTest(name = "{0}, {1} per claim")
    @CsvSource({"none, 1", "write-through, 1", "write-behind, 1", "none, 8", "write-through, 8", "write-behind, 8"})
    void claimsAndCompletesEveryUnitOnceAndPrintsTheRate(String mode, int perClaim) throws Exception {
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
            long addStart = System.nanoTime();
            store.addJob(job, 0, units);
            double addSeconds = (System.nanoTime() - addStart) / 1e9;
            AtomicInteger accepted = new AtomicInteger();
            ExecutorService pool = Executors.newFixedThreadPool(THREADS);
            long start = System.nanoTime();
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
            double seconds = (System.nanoTime() - start) / 1e9;
            pool.shutdown();
            System.out.printf("claim throughput, %s, %d per claim, %d threads: %d claim+complete pairs in %.2f s = %.0f/s"
                    + " (adding the job took %.2f s)%n", mode, perClaim, THREADS, UNITS, seconds, UNITS / seconds,
                    addSeconds);
            assertEquals(UNITS, accepted.get());
            assertEquals(UNITS, store.progress(job).orElseThrow().done());
        }
    }
}
