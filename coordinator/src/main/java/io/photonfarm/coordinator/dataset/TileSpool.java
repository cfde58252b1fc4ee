package io.photonfarm.coordinator.dataset;

import io.photonfarm.api.job.JobId;
import io.photonfarm.api.work.WorkUnitKey;
import java.io.IOException;
import java.io.InputStream;
import java.nio.file.Files;
import java.nio.file.LinkOption;
import java.nio.file.NoSuchFileException;
import java.nio.file.Path;
import java.util.List;
import java.util.Optional;
import java.util.stream.Stream;

/**
 * Uploaded tile results (the bytes of {@link io.photonfarm.api.tile.TileResultCodec}) waiting for
 * their frame to be assembled, one file per unit and lease epoch:
 * {@code jobs/<jobId>/spool/NNNNNN/t<tile>-r<range>-e<epoch>.pftr}.
 *
 * <p>The epoch is part of the name because two nodes whose leases on the same unit differ (one
 * taken over from the other) may both upload, with different bytes; only the epoch the scheduler
 * accepted is read at assembly, the others are deleted with the frame's spool. Safe for concurrent
 * use: every write is a rename of a complete file.
 */
public final class TileSpool {
    private static final String SUFFIX = ".pftr";

    private final DatasetLayout layout;
    private final long maxTileBytes;

    /**
     * @param layout       where jobs live
     * @param maxTileBytes the largest encoded tile result accepted or read back, in bytes
     */
    public TileSpool(DatasetLayout layout, long maxTileBytes) {
        if (layout == null || maxTileBytes < 1 || maxTileBytes >= Integer.MAX_VALUE) {
            throw new IllegalArgumentException("tile spool: layout must be set and maxTileBytes " + maxTileBytes
                    + " in 1.." + (Integer.MAX_VALUE - 1));
        }
        this.layout = layout;
        this.maxTileBytes = maxTileBytes;
    }

    /** The file that holds {@code key}'s result uploaded under lease {@code epoch}. */
    public Path file(WorkUnitKey key, long epoch) {
        if (epoch < 1) {
            throw new IllegalArgumentException("spool file of unit " + key + ": epoch " + epoch + " must be >= 1");
        }
        return layout.frameSpoolDir(key.jobId(), key.frame())
                .resolve("t" + key.tileIndex() + "-r" + key.rangeIndex() + "-e" + epoch + SUFFIX);
    }

    /**
     * Stores an encoded tile result atomically and durably: when this returns, the file and its
     * directory entry are forced to disk, so the scheduler may mark the unit done. Rewriting the
     * same unit and epoch replaces the file atomically (a retried upload of the same lease).
     *
     * @throws IllegalArgumentException if the bytes exceed the spool's limit
     */
    public void write(WorkUnitKey key, long epoch, byte[] encodedTileResult) throws IOException {
        if (encodedTileResult.length > maxTileBytes) {
            throw new IllegalArgumentException("spooling unit " + key + " epoch " + epoch + ": " + encodedTileResult.length
                    + " bytes, at most " + maxTileBytes + " allowed");
        }
        Path target = file(key, epoch);
        try {
            DurableFiles.write(target, encodedTileResult);
        } catch (IOException e) {
            throw new IOException("spooling unit " + key + " epoch " + epoch + " to " + target + ": " + e.getMessage(), e);
        }
    }

    /** The bytes spooled for {@code key} under {@code epoch}, or empty if there are none. */
    public Optional<byte[]> read(WorkUnitKey key, long epoch) throws IOException {
        Path file = file(key, epoch);
        // A spool file is plain data the coordinator wrote; a link there is not ours to follow.
        if (!Files.isRegularFile(file, LinkOption.NOFOLLOW_LINKS)) {
            return Optional.empty();
        }
        long size = Files.size(file);
        if (size > maxTileBytes) {
            throw new IOException("reading spooled unit " + key + " epoch " + epoch + ": " + size + " bytes, at most "
                    + maxTileBytes + " allowed");
        }
        try (InputStream in = Files.newInputStream(file, LinkOption.NOFOLLOW_LINKS)) {
            return Optional.of(in.readNBytes((int) maxTileBytes + 1));
        } catch (NoSuchFileException e) {
            return Optional.empty(); // deleted between the check and the open: the frame was assembled meanwhile
        }
    }

    /** Deletes one spooled result; returns whether there was one. */
    public boolean delete(WorkUnitKey key, long epoch) throws IOException {
        return Files.deleteIfExists(file(key, epoch));
    }

    /** Deletes every spooled result of a frame, of every epoch, and the frame's spool directory. */
    public void deleteFrame(JobId job, int frame) throws IOException {
        Path dir = layout.frameSpoolDir(job, frame);
        if (!Files.isDirectory(dir, LinkOption.NOFOLLOW_LINKS)) {
            return;
        }
        List<Path> files;
        try (Stream<Path> s = Files.list(dir)) {
            files = s.toList();
        }
        for (Path f : files) {
            Files.deleteIfExists(f);
        }
        try {
            Files.deleteIfExists(dir);
        } catch (java.nio.file.DirectoryNotEmptyException e) {
            // A late upload of a stale epoch landed meanwhile; it is garbage, but harmless until the job is deleted.
        }
    }
}
