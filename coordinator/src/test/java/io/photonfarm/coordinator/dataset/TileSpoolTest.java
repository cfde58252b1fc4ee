package io.photonfarm.coordinator.dataset;

import static org.junit.jupiter.api.Assertions.assertArrayEquals;
import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;

import io.photonfarm.api.job.JobId;
import io.photonfarm.api.work.WorkUnitKey;
import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.List;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

class TileSpoolTest {
    private static final JobId JOB = new JobId("spool-1");

    @TempDir
    Path root;

    private TileSpool spool() {
        return new TileSpool(new DatasetLayout(root), 1024);
    }

    @Test
    void eachEpochOfAUnitIsKeptApartAndReadBackAsWritten() throws IOException {
        TileSpool spool = spool();
        WorkUnitKey key = new WorkUnitKey(JOB, 7, 3, 1);

        spool.write(key, 4, new byte[] {1, 2, 3});
        spool.write(key, 5, new byte[] {9});

        assertArrayEquals(new byte[] {1, 2, 3}, spool.read(key, 4).orElseThrow());
        assertArrayEquals(new byte[] {9}, spool.read(key, 5).orElseThrow());
        assertTrue(spool.read(key, 6).isEmpty());
        assertEquals(root.resolve("jobs/spool-1/spool/000007/t3-r1-e4.pftr"), spool.file(key, 4));
    }

    @Test
    void aWriteLeavesNoTemporaryFileBehind() throws IOException {
        TileSpool spool = spool();
        WorkUnitKey key = new WorkUnitKey(JOB, 0, 0, 0);

        spool.write(key, 1, new byte[] {1});
        spool.write(key, 1, new byte[] {2}); // a retried upload of the same lease replaces the file

        try (var files = Files.list(spool.file(key, 1).getParent())) {
            assertEquals(List.of("t0-r0-e1.pftr"), files.map(p -> p.getFileName().toString()).toList());
        }
        assertArrayEquals(new byte[] {2}, spool.read(key, 1).orElseThrow());
    }

    @Test
    void deletingOneUnitOrAWholeFrameLeavesOtherFramesAlone() throws IOException {
        TileSpool spool = spool();
        WorkUnitKey a = new WorkUnitKey(JOB, 1, 0, 0);
        WorkUnitKey b = new WorkUnitKey(JOB, 1, 1, 0);
        WorkUnitKey other = new WorkUnitKey(JOB, 2, 0, 0);
        spool.write(a, 1, new byte[] {1});
        spool.write(a, 2, new byte[] {1});
        spool.write(b, 1, new byte[] {1});
        spool.write(other, 1, new byte[] {1});

        assertTrue(spool.delete(b, 1));
        assertFalse(spool.delete(b, 1));
        spool.deleteFrame(JOB, 1);

        assertFalse(Files.exists(spool.file(a, 1).getParent()));
        assertTrue(spool.read(other, 1).isPresent());
        spool.deleteFrame(JOB, 9); // nothing there: no error
    }

    @Test
    void anOversizedResultIsRefusedBeforeAnythingIsWritten() {
        TileSpool spool = spool();
        WorkUnitKey key = new WorkUnitKey(JOB, 0, 0, 0);

        IllegalArgumentException e = assertThrows(IllegalArgumentException.class, () -> spool.write(key, 1, new byte[1025]));

        assertEquals("spooling unit spool-1/0/0/0 epoch 1: 1025 bytes, at most 1024 allowed", e.getMessage());
        assertFalse(Files.exists(spool.file(key, 1)));
    }
}
