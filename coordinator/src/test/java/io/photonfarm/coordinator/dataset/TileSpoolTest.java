package io.photonfarm.coordinator.dataset;

import static org.junit.jupiter.api.Assertions.assertArrayEquals;
import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;

import io.photonfarm.api.job.JobId;
import io.photonfarm.api.work.WorkUnitKey;
import java.io.IOException;
import java.nio.ByteBuffer;
import java.nio.channels.FileChannel;
import java.nio.file.Files;
import java.nio.file.Path;
import java.nio.file.StandardOpenOption;
import java.util.ArrayList;
import java.util.List;
import java.util.concurrent.CountDownLatch;
import java.util.concurrent.ExecutorService;
import java.util.concurrent.Executors;
import java.util.concurrent.Future;
import java.util.concurrent.TimeUnit;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

class TileSpoolTest {
    private static final JobId JOB = new JobId("spool-1");

    @TempDir
    Path root;

    private TileSpool spool() {
        return new TileSpool(new DatasetLayout(root), 1024);
    }

    /** Bytes that name their unit and epoch, so a result read back under the wrong key shows. */
    private static byte[] result(WorkUnitKey key, long epoch, int length) {
        byte[] b = new byte[length];
        for (int i = 0; i < length; i++) {
            b[i] = (byte) (key.frame() * 31 + key.tileIndex() * 7 + key.rangeIndex() * 3 + epoch * 5 + i);
        }
        return b;
    }

    @Test
    void eachEpochOfAUnitIsKeptApartAndReadBackAsWritten() throws IOException {
        try (TileSpool spool = spool()) {
            WorkUnitKey key = new WorkUnitKey(JOB, 7, 3, 1);

            spool.write(key, 4, new byte[] {1, 2, 3});
            spool.write(key, 5, new byte[] {9});

            assertArrayEquals(new byte[] {1, 2, 3}, spool.read(key, 4).orElseThrow());
            assertArrayEquals(new byte[] {9}, spool.read(key, 5).orElseThrow());
            assertTrue(spool.read(key, 6).isEmpty(), "an epoch never uploaded is not there");
            assertTrue(spool.read(new WorkUnitKey(JOB, 7, 3, 0), 4).isEmpty(), "another range of the tile is not there");
            assertEquals(root.resolve("jobs/spool-1/spool/000007/units.log"), spool.logFile(JOB, 7));
        }
    }

    @Test
    void aFrameKeepsOneLogFileAndARetriedUploadOfTheSameLeaseReplacesTheResult() throws IOException {
        try (TileSpool spool = spool()) {
            WorkUnitKey key = new WorkUnitKey(JOB, 0, 0, 0);

            spool.write(key, 1, new byte[] {1});
            spool.write(key, 1, new byte[] {2});
            spool.write(new WorkUnitKey(JOB, 0, 1, 0), 1, new byte[] {3});

            try (var files = Files.list(spool.logFile(JOB, 0).getParent())) {
                assertEquals(List.of(TileSpool.LOG_NAME), files.map(p -> p.getFileName().toString()).toList());
            }
            assertArrayEquals(new byte[] {2}, spool.read(key, 1).orElseThrow());
        }
        try (TileSpool reopened = spool()) {
            assertArrayEquals(new byte[] {2}, reopened.read(new WorkUnitKey(JOB, 0, 0, 0), 1).orElseThrow(),
                    "the later record wins after a restart too");
        }
    }

    @Test
    void deletingOneUnitOrAWholeFrameLeavesOtherFramesAlone() throws IOException {
        try (TileSpool spool = spool()) {
            WorkUnitKey a = new WorkUnitKey(JOB, 1, 0, 0);
            WorkUnitKey b = new WorkUnitKey(JOB, 1, 1, 0);
            WorkUnitKey other = new WorkUnitKey(JOB, 2, 0, 0);
            spool.write(a, 1, new byte[] {1});
            spool.write(a, 2, new byte[] {1});
            spool.write(b, 1, new byte[] {1});
            spool.write(other, 1, new byte[] {1});

            assertTrue(spool.delete(b, 1));
            assertFalse(spool.delete(b, 1));
            assertTrue(spool.read(b, 1).isEmpty());
            spool.deleteFrame(JOB, 1);

            assertFalse(Files.exists(spool.logFile(JOB, 1).getParent()), "the frame's spool directory is gone");
            assertTrue(spool.read(a, 1).isEmpty());
            assertTrue(spool.read(a, 2).isEmpty());
            assertTrue(spool.read(other, 1).isPresent());
            spool.deleteFrame(JOB, 9); // nothing there: no error
        }
        try (TileSpool reopened = spool()) {
            assertTrue(reopened.read(new WorkUnitKey(JOB, 1, 0, 0), 2).isEmpty(), "a deleted frame stays deleted");
            assertTrue(reopened.read(new WorkUnitKey(JOB, 2, 0, 0), 1).isPresent());
        }
    }

    @Test
    void aDeletedResultStaysDeletedAfterReopeningAndAFrameLeftEmptyLosesItsFiles() throws IOException {
        WorkUnitKey a = new WorkUnitKey(JOB, 3, 0, 0);
        WorkUnitKey b = new WorkUnitKey(JOB, 3, 1, 0);
        try (TileSpool spool = spool()) {
            spool.write(a, 1, new byte[] {1});
            spool.write(b, 1, new byte[] {2});
            assertTrue(spool.delete(a, 1));
        }
        try (TileSpool reopened = spool()) {
            assertTrue(reopened.read(a, 1).isEmpty(), "the tombstone is replayed");
            assertArrayEquals(new byte[] {2}, reopened.read(b, 1).orElseThrow());

            assertTrue(reopened.delete(b, 1));

            assertFalse(Files.exists(reopened.logFile(JOB, 3).getParent()), "a frame with no result left has no files");
            reopened.write(b, 2, new byte[] {3}); // a late upload after that starts a fresh log
            assertArrayEquals(new byte[] {3}, reopened.read(b, 2).orElseThrow());
        }
    }

    @Test
    void aTornTailIsTruncatedOnReopenAndEveryCompleteRecordSurvives() throws IOException {
        List<WorkUnitKey> keys = new ArrayList<>();
        try (TileSpool spool = spool()) {
            for (int tile = 0; tile < 5; tile++) {
                WorkUnitKey k = new WorkUnitKey(JOB, 4, tile, 0);
                keys.add(k);
                spool.write(k, 3, result(k, 3, 100 + tile));
            }
        }
        Path log = root.resolve("jobs/spool-1/spool/000004/units.log");
        long complete = Files.size(log);
        long lastRecord = SpoolLog.HEADER_BYTES + 104;
        // A crash in the middle of appending the last record's data.
        try (FileChannel ch = FileChannel.open(log, StandardOpenOption.WRITE)) {
            ch.truncate(complete - lastRecord / 2);
        }

        try (TileSpool reopened = spool()) {
            for (int tile = 0; tile < 4; tile++) {
                WorkUnitKey k = keys.get(tile);
                assertArrayEquals(result(k, 3, 100 + tile), reopened.read(k, 3).orElseThrow(), "tile " + tile);
            }
            assertTrue(reopened.read(keys.get(4), 3).isEmpty(), "the torn record is not a result");
            assertEquals(complete - lastRecord, Files.size(log), "the log is cut back to its last whole record");

            WorkUnitKey again = keys.get(4);
            reopened.write(again, 3, result(again, 3, 50)); // the node retries its upload
        }
        try (TileSpool third = spool()) {
            assertArrayEquals(result(keys.get(4), 3, 50), third.read(keys.get(4), 3).orElseThrow(),
                    "a record appended after the truncation reads back after another restart");
            assertArrayEquals(result(keys.get(0), 3, 100), third.read(keys.get(0), 3).orElseThrow());
        }
    }

    @Test
    void aTornHeaderAndTrailingGarbageAreTruncatedToo() throws IOException {
        WorkUnitKey k = new WorkUnitKey(JOB, 5, 0, 0);
        try (TileSpool spool = spool()) {
            spool.write(k, 1, result(k, 1, 10));
        }
        Path log = root.resolve("jobs/spool-1/spool/000005/units.log");
        long whole = Files.size(log);
        try (FileChannel ch = FileChannel.open(log, StandardOpenOption.WRITE, StandardOpenOption.APPEND)) {
            ch.write(ByteBuffer.wrap(new byte[] {0x50, 0x46, 0x53, 0x52, 1, 0, 0})); // half a header
        }

        try (TileSpool reopened = spool()) {
            assertArrayEquals(result(k, 1, 10), reopened.read(k, 1).orElseThrow());
            assertEquals(whole, Files.size(log));
        }
    }

    @Test
    void aDamagedRecordInTheMiddleIsSkippedAndTheValidRecordsAfterItAreKept() throws IOException {
        WorkUnitKey first = new WorkUnitKey(JOB, 6, 0, 0);
        WorkUnitKey damaged = new WorkUnitKey(JOB, 6, 1, 0);
        WorkUnitKey last = new WorkUnitKey(JOB, 6, 2, 0);
        try (TileSpool spool = spool()) {
            spool.write(first, 1, result(first, 1, 40));
            spool.write(damaged, 1, result(damaged, 1, 40));
            spool.write(last, 1, result(last, 1, 40));
        }
        Path log = root.resolve("jobs/spool-1/spool/000006/units.log");
        long size = Files.size(log);
        try (FileChannel ch = FileChannel.open(log, StandardOpenOption.WRITE)) {
            ch.write(ByteBuffer.wrap(new byte[] {(byte) 0xFF}), SpoolLog.HEADER_BYTES + 40 + SpoolLog.HEADER_BYTES + 7);
        }

        try (TileSpool reopened = spool()) {
            assertArrayEquals(result(first, 1, 40), reopened.read(first, 1).orElseThrow());
            assertTrue(reopened.read(damaged, 1).isEmpty(), "a record failing its CRC is never handed out");
            assertArrayEquals(result(last, 1, 40), reopened.read(last, 1).orElseThrow());
            assertEquals(size, Files.size(log), "nothing valid was truncated");
        }
    }

    @Test
    void concurrentWritersToSeveralFramesAreAllReadableAfterReopening() throws Exception {
        int threads = 8;
        int perThread = 60;
        ExecutorService pool = Executors.newFixedThreadPool(threads);
        CountDownLatch start = new CountDownLatch(1);
        try (TileSpool spool = spool()) {
            List<Future<?>> done = new ArrayList<>();
            for (int t = 0; t < threads; t++) {
                int thread = t;
                done.add(pool.submit(() -> {
                    start.await();
                    for (int i = 0; i < perThread; i++) {
                        WorkUnitKey k = new WorkUnitKey(JOB, i % 3, thread * perThread + i, 0);
                        spool.write(k, 2, result(k, 2, 1 + (i * 13) % 700));
                    }
                    return null;
                }));
            }
            start.countDown();
            for (Future<?> f : done) {
                f.get(60, TimeUnit.SECONDS);
            }
        } finally {
            pool.shutdownNow();
        }

        try (TileSpool reopened = spool()) {
            for (int t = 0; t < threads; t++) {
                for (int i = 0; i < perThread; i++) {
                    WorkUnitKey k = new WorkUnitKey(JOB, i % 3, t * perThread + i, 0);
                    assertArrayEquals(result(k, 2, 1 + (i * 13) % 700), reopened.read(k, 2).orElseThrow(), k.toString());
                }
            }
        }
    }

    @Test
    void writersSpreadOverMoreFramesThanStayOpenLoseNothingWhileIdleLogsAreClosed() throws Exception {
        int threads = 8;
        int perThread = 100;
        int frames = TileSpool.MAX_OPEN_LOGS * 3;
        ExecutorService pool = Executors.newFixedThreadPool(threads);
        CountDownLatch start = new CountDownLatch(1);
        try (TileSpool spool = spool()) {
            List<Future<?>> done = new ArrayList<>();
            for (int t = 0; t < threads; t++) {
                int thread = t;
                done.add(pool.submit(() -> {
                    start.await();
                    for (int i = 0; i < perThread; i++) {
                        int n = thread * perThread + i;
                        WorkUnitKey k = new WorkUnitKey(JOB, (n * 7) % frames, n, 0);
                        spool.write(k, 1, result(k, 1, 32));
                        assertArrayEquals(result(k, 1, 32), spool.read(k, 1).orElseThrow());
                    }
                    return null;
                }));
            }
            start.countDown();
            for (Future<?> f : done) {
                f.get(60, TimeUnit.SECONDS);
            }
            assertTrue(spool.openLogs() <= TileSpool.MAX_OPEN_LOGS + threads, spool.openLogs() + " logs open");
            for (int n = 0; n < threads * perThread; n++) {
                WorkUnitKey k = new WorkUnitKey(JOB, (n * 7) % frames, n, 0);
                assertArrayEquals(result(k, 1, 32), spool.read(k, 1).orElseThrow(), k.toString());
            }
        } finally {
            pool.shutdownNow();
        }
    }

    @Test
    void oneForceCoversTheRecordsOfWritersThatArriveTogether() throws Exception {
        int threads = 16;
        int perThread = 40;
        ExecutorService pool = Executors.newFixedThreadPool(threads);
        CountDownLatch start = new CountDownLatch(1);
        // A disk whose flush takes a millisecond, as a real one may: writers pile up behind each force.
        SpoolLog.Forcer slowDisk = ch -> {
            try {
                Thread.sleep(1);
            } catch (InterruptedException e) {
                Thread.currentThread().interrupt();
            }
            ch.force(false);
        };
        try (TileSpool spool = new TileSpool(new DatasetLayout(root), 1024, slowDisk)) {
            List<Future<?>> done = new ArrayList<>();
            for (int t = 0; t < threads; t++) {
                int thread = t;
                done.add(pool.submit(() -> {
                    start.await();
                    for (int i = 0; i < perThread; i++) {
                        WorkUnitKey k = new WorkUnitKey(JOB, 0, thread, i);
                        spool.write(k, 1, result(k, 1, 512));
                    }
                    return null;
                }));
            }
            start.countDown();
            for (Future<?> f : done) {
                f.get(60, TimeUnit.SECONDS);
            }

            long writes = threads * perThread;
            assertEquals(writes, spool.writes());
            assertTrue(spool.forces() >= 1, "every write waited for a force");
            assertTrue(spool.forces() <= writes / 4, "concurrent writers shared forces: " + spool.forces()
                    + " forces for " + writes + " writes");
        } finally {
            pool.shutdownNow();
        }
    }

    @Test
    void aBatchOfResultsIsDurableWithOneForcePerFrame() throws IOException {
        try (TileSpool spool = spool()) {
            List<TileSpool.Upload> batch = new ArrayList<>();
            for (int tile = 0; tile < 10; tile++) {
                WorkUnitKey k = new WorkUnitKey(JOB, tile < 6 ? 10 : 11, tile, 0);
                batch.add(new TileSpool.Upload(k, 1, result(k, 1, 64)));
            }

            spool.writeAll(batch);

            assertEquals(2, spool.forces(), "one force for each of the two frames");
            for (TileSpool.Upload u : batch) {
                assertArrayEquals(u.encodedTileResult(), spool.read(u.key(), 1).orElseThrow());
            }
        }
    }

    @Test
    void idleLogsAreClosedPastTheLimitAndReopenedWhenRead() throws IOException {
        try (TileSpool spool = spool()) {
            int frames = TileSpool.MAX_OPEN_LOGS + 10;
            for (int f = 0; f < frames; f++) {
                WorkUnitKey k = new WorkUnitKey(JOB, f, 0, 0);
                spool.write(k, 1, result(k, 1, 8));
            }

            assertTrue(spool.openLogs() <= TileSpool.MAX_OPEN_LOGS, spool.openLogs() + " logs open");
            for (int f = 0; f < frames; f++) {
                WorkUnitKey k = new WorkUnitKey(JOB, f, 0, 0);
                assertArrayEquals(result(k, 1, 8), spool.read(k, 1).orElseThrow(), "frame " + f);
            }
        }
    }

    @Test
    void aResultSpooledByAnEarlierVersionInAFileOfItsOwnIsStillRead() throws IOException {
        WorkUnitKey k = new WorkUnitKey(JOB, 12, 2, 1);
        Path legacy = root.resolve("jobs/spool-1/spool/000012/t2-r1-e3.pftr");
        Files.createDirectories(legacy.getParent());
        Files.write(legacy, new byte[] {4, 5, 6});

        try (TileSpool spool = spool()) {
            assertArrayEquals(new byte[] {4, 5, 6}, spool.read(k, 3).orElseThrow());
            assertTrue(spool.read(k, 2).isEmpty());
            spool.deleteFrame(JOB, 12);
            assertFalse(Files.exists(legacy.getParent()));
        }
    }

    @Test
    void anOversizedResultIsRefusedBeforeAnythingIsWritten() throws IOException {
        try (TileSpool spool = spool()) {
            WorkUnitKey key = new WorkUnitKey(JOB, 0, 0, 0);

            IllegalArgumentException e = assertThrows(IllegalArgumentException.class, () -> spool.write(key, 1, new byte[1025]));

            assertEquals("spooling unit spool-1/0/0/0 epoch 1: 1025 bytes, at most 1024 allowed", e.getMessage());
            assertFalse(Files.exists(spool.logFile(JOB, 0)));
            assertTrue(spool.read(key, 1).isEmpty());
        }
    }
}
