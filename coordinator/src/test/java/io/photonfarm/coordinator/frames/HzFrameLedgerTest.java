package io.photonfarm.coordinator.frames;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;

import io.photonfarm.api.job.JobId;
import io.photonfarm.api.work.WorkUnitKey;
import io.photonfarm.coordinator.cluster.TestCluster;
import io.photonfarm.coordinator.store.Durability;
import io.photonfarm.coordinator.store.WritePolicy;
import java.util.ArrayList;
import java.util.Collections;
import java.util.List;
import java.util.NoSuchElementException;
import java.util.Random;
import java.util.concurrent.Callable;
import java.util.concurrent.ExecutorService;
import java.util.concurrent.Executors;
import java.util.concurrent.Future;
import java.util.concurrent.atomic.AtomicInteger;
import org.junit.jupiter.api.AfterAll;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;

/** Two members; each test works on a job of its own. */
class HzFrameLedgerTest {
    private static final AtomicInteger JOBS = new AtomicInteger();
    private static TestCluster cluster;
    private static HzFrameLedger first;
    private static HzFrameLedger second;

    @BeforeAll
    static void start() {
        cluster = new TestCluster(2);
        first = new HzFrameLedger(cluster.member(0), "farm", 1, Durability.none(), WritePolicy.THROUGH);
        second = new HzFrameLedger(cluster.member(1), "farm", 1, Durability.none(), WritePolicy.THROUGH);
    }

    @AfterAll
    static void stop() {
        cluster.close();
    }

    private static JobId newJob(int frames, int unitsPerFrame) {
        JobId job = new JobId("job-" + JOBS.incrementAndGet());
        first.addJob(job, frames, unitsPerFrame);
        return job;
    }

    /** Unit {@code index} of a frame of 2 tiles: index = rangeIndex * 2 + tileIndex. */
    private static WorkUnitKey unit(JobId job, int frame, int index) {
        return new WorkUnitKey(job, frame, index % 2, index / 2);
    }

    @Test
    void onlyTheLastMissingUnitCompletesTheFrameAndRepeatsNeverCount() {
        JobId job = newJob(2, 3);
        assertEquals(FrameMark.PENDING, first.markDone(unit(job, 1, 0), 0));
        assertEquals(FrameMark.PENDING, second.markDone(unit(job, 1, 0), 0));
        assertEquals(FrameMark.PENDING, first.markDone(unit(job, 1, 2), 2));
        assertEquals(FrameMark.PENDING, first.markDone(unit(job, 1, 2), 2));
        assertEquals(FrameMark.COMPLETED, second.markDone(unit(job, 1, 1), 1));
        assertEquals(FrameMark.COMPLETE_UNWRITTEN, first.markDone(unit(job, 1, 1), 1));
        assertTrue(first.markWritten(job, 1));
        assertEquals(FrameMark.WRITTEN, second.markDone(unit(job, 1, 0), 0));
        assertEquals(new FrameCounts(2, 1, 1), first.counts(job));
        assertEquals(3, first.state(job, 1).doneCount());
    }

    @Test
    void markingSeveralUnitsAtOnceAnswersWhatMarkingThemInTurnWouldOnEitherMember() {
        JobId job = newJob(2, 4);
        assertEquals(List.of(FrameMark.PENDING, FrameMark.PENDING), first.markAllDone(job, 0, new int[] {0, 2}));
        assertEquals(List.of(FrameMark.PENDING, FrameMark.PENDING, FrameMark.COMPLETED, FrameMark.COMPLETE_UNWRITTEN),
                second.markAllDone(job, 0, new int[] {2, 1, 3, 3}), "a repeat, two new units, the last one again");
        assertEquals(FrameMark.COMPLETE_UNWRITTEN, first.markDone(unit(job, 0, 1), 1));
        assertTrue(first.markWritten(job, 0));
        assertEquals(List.of(FrameMark.WRITTEN), second.markAllDone(job, 0, new int[] {1}));
        assertEquals(4, first.state(job, 0).doneCount());

        assertThrows(IndexOutOfBoundsException.class, () -> first.markAllDone(job, 1, new int[] {0, 4}));
        assertEquals(0, first.state(job, 1).doneCount(), "nothing is marked when one index is out of range");
        assertThrows(NoSuchElementException.class, () -> second.markAllDone(job, 2, new int[] {0}));
    }

    @Test
    void aFrameIsWrittenOnceOnlyWhenCompleteAndRecoveryListsTheCompleteUnwrittenOnes() {
        JobId job = newJob(4, 1);
        assertThrows(IllegalStateException.class, () -> first.markWritten(job, 0));
        for (int f : new int[] {3, 0, 2}) {
            assertEquals(FrameMark.COMPLETED, first.markDone(unit(job, f, 0), 0));
        }
        assertEquals(List.of(0, 2, 3), second.completeButUnwritten(job));
        assertTrue(second.markWritten(job, 2));
        assertFalse(first.markWritten(job, 2));
        assertTrue(first.isWritten(job, 2));
        assertFalse(first.isWritten(job, 1));
        assertFalse(first.isWritten(new JobId("unknown"), 0));
        assertEquals(List.of(0, 3), first.completeButUnwritten(job));
        assertEquals(new FrameCounts(4, 3, 1), second.counts(job));
        assertEquals(new FrameCounts(0, 0, 0), second.counts(new JobId("unknown")));
    }

    @Test
    void unknownFramesIndicesOutsideTheFrameAndASecondAddAreRefused() {
        JobId job = newJob(1, 70);
        assertThrows(NoSuchElementException.class, () -> first.markDone(unit(job, 1, 0), 0));
        assertThrows(IndexOutOfBoundsException.class, () -> first.markDone(unit(job, 0, 70), 70));
        assertThrows(NoSuchElementException.class, () -> first.markWritten(job, 5));
        assertThrows(IllegalStateException.class, () -> second.addJob(job, 1, 70));
        // 70 units span two words of the bitset.
        for (int i = 0; i < 69; i++) {
            assertEquals(FrameMark.PENDING, first.markDone(unit(job, 0, i), i));
        }
        assertEquals(FrameMark.COMPLETED, first.markDone(unit(job, 0, 69), 69));
    }

    @Test
    void concurrentMarksFromManyThreadsThroughTwoMembersCompleteEachFrameExactlyOnce() throws Exception {
        int frames = 20;
        int units = 100;
        JobId job = newJob(frames, units);
        // Every unit is reported twice (a retried completion), in a shuffled order, by 8 threads.
        List<WorkUnitKey> reports = new ArrayList<>();
        List<Integer> indices = new ArrayList<>();
        for (int round = 0; round < 2; round++) {
            for (int f = 0; f < frames; f++) {
                for (int i = 0; i < units; i++) {
                    reports.add(unit(job, f, i));
                    indices.add(f * units + i);
                }
            }
        }
        List<Integer> order = new ArrayList<>();
        for (int i = 0; i < reports.size(); i++) {
            order.add(i);
        }
        Collections.shuffle(order, new Random(7));
        AtomicInteger next = new AtomicInteger();
        int[] completions = new int[frames];
        ExecutorService pool = Executors.newFixedThreadPool(8);
        List<Callable<Void>> workers = new ArrayList<>();
        for (int t = 0; t < 8; t++) {
            HzFrameLedger ledger = t % 2 == 0 ? first : second;
            workers.add(() -> {
                for (int n = next.getAndIncrement(); n < order.size(); n = next.getAndIncrement()) {
                    int r = order.get(n);
                    WorkUnitKey key = reports.get(r);
                    if (ledger.markDone(key, indices.get(r) % units) == FrameMark.COMPLETED) {
                        synchronized (completions) {
                            completions[key.frame()]++;
                        }
                    }
                }
                return null;
            });
        }
        for (Future<Void> f : pool.invokeAll(workers)) {
            f.get();
        }
        pool.shutdown();
        for (int f = 0; f < frames; f++) {
            assertEquals(1, completions[f], "completions of frame " + f);
        }
        assertEquals(new FrameCounts(frames, frames, 0), first.counts(job));
    }
}
