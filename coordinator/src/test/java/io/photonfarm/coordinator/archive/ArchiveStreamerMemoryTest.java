package io.photonfarm.coordinator.archive;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

import io.photonfarm.coordinator.dataset.DatasetLayout;
import java.io.IOException;
import java.io.OutputStream;
import java.io.RandomAccessFile;
import java.lang.management.ManagementFactory;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.Set;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.EnumSource;
import org.junit.jupiter.api.io.TempDir;

/**
 * What this proves, and what not: it streams a 64 MiB (sparse) file and measures the heap bytes
 * the calling thread allocated meanwhile (HotSpot's per-thread allocation counter, exact, unlike
 * a used-memory delta that depends on the collector). A streamer that read a file or the archive
 * into memory would allocate at least the file's size there. It does not measure native memory
 * (the Deflater's), other threads (the streamer starts none), or page-cache use.
 */
class ArchiveStreamerMemoryTest {
    private static final long FILE_BYTES = 64L << 20;

    @TempDir
    Path root;

    @ParameterizedTest
    @EnumSource(ArchiveFormat.class)
    void aLargeFileStreamsThroughWithoutAllocatingAnythingLikeItsSize(ArchiveFormat format) throws IOException {
        DatasetLayout layout = DatasetFixture.create(root);
        try (RandomAccessFile big = new RandomAccessFile(layout.radianceExr(DatasetFixture.JOB, 0).toFile(), "rw")) {
            big.setLength(FILE_BYTES);
        }
        DatasetFixture.writeMeta(layout, 0, "{\"name\": \"radiance.exr\", \"bytes\": " + FILE_BYTES + "}");
        ArchiveStreamer streamer = new ArchiveStreamer(layout);
        ArchiveFilter onlyTheBigFile = new ArchiveFilter(0, 0, Set.of("radiance.exr"));
        streamer.stream(DatasetFixture.JOB, format, onlyTheBigFile, OutputStream.nullOutputStream()); // warm up classes
        com.sun.management.ThreadMXBean threads = (com.sun.management.ThreadMXBean) ManagementFactory.getThreadMXBean();
        long tid = Thread.currentThread().getId();

        long before = threads.getThreadAllocatedBytes(tid);
        ArchiveReport report = streamer.stream(DatasetFixture.JOB, format, onlyTheBigFile, OutputStream.nullOutputStream());
        long allocated = threads.getThreadAllocatedBytes(tid) - before;

        assertEquals(2, report.entries(), "radiance.exr and job.json");
        if (format == ArchiveFormat.TAR) {
            assertTrue(report.bytesWritten() > FILE_BYTES, "the whole file went through: " + report.bytesWritten());
        }
        assertTrue(allocated < 4L << 20, format + ": allocated " + allocated + " bytes streaming a " + FILE_BYTES + "-byte file");
    }
}
