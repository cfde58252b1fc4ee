package io.photonfarm.coordinator.dataset;

import io.photonfarm.api.job.JobId;
import io.photonfarm.api.work.WorkUnitKey;
import java.io.IOException;
import java.io.InputStream;
import java.nio.file.Files;
import java.nio.file.LinkOption;
import java.nio.file.NoSuchFileException;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.Comparator;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.concurrent.ConcurrentHashMap;
import java.util.concurrent.atomic.LongAdder;
import java.util.stream.Stream;

/**
 * Uploaded tile results (the bytes of {@link io.photonfarm.api.tile.TileResultCodec}) waiting for
 * their frame to be assembled, one append-only log per frame:
 * {@code jobs/<jobId>/spool/NNNNNN/units.log}, records keyed by unit and lease epoch (format and
 * recovery in {@link SpoolLog}).
 *
 * <p>The epoch is part of the key because two nodes whose leases on the same unit differ (one
 * taken over from the other) may both upload, with different bytes; only the epoch the scheduler
 * accepted is read at assembly, the others are deleted with the frame's spool.
 *
 * <p>Writes are durable on return and group-committed: concurrent writers to a frame share one
 * {@code fdatasync}, so the cost of durability no longer grows with the upload rate (one file per
 * upload, created, forced, renamed and its directory forced, cost more CPU in ext4 than the rest of
 * an upload). Safe for concurrent use. At most {@value #MAX_OPEN_LOGS} logs are kept open; idle
 * ones are closed and opened (re-read) again when needed. {@link #close()} closes them all.
 */
public final class TileSpool implements AutoCloseable {
    /** The name of a frame's log in its spool directory. */
    public static final String LOG_NAME = "units.log";
    static final int MAX_OPEN_LOGS = 64;
    private static final String LEGACY_SUFFIX = ".pftr";

    private record FrameRef(JobId job, int frame) {
    }

    private final DatasetLayout layout;
    private final long maxTileBytes;
    private final Map<FrameRef, SpoolLog> open = new ConcurrentHashMap<>();
    private final LongAdder forces = new LongAdder();
    private final LongAdder writes = new LongAdder();
    private final SpoolLog.Forcer forcer;

    /**
     * @param layout       where jobs live
     * @param maxTileBytes the largest encoded tile result accepted or read back, in bytes
     */
    public TileSpool(DatasetLayout layout, long maxTileBytes) {
        this(layout, maxTileBytes, SpoolLog.Forcer.FDATASYNC);
    }

    /** With another way of forcing logs to disk (tests slow it down to see group commit at work). */
    TileSpool(DatasetLayout layout, long maxTileBytes, SpoolLog.Forcer forcer) {
        if (layout == null || maxTileBytes < 1 || maxTileBytes >= Integer.MAX_VALUE - SpoolLog.HEADER_BYTES) {
            throw new IllegalArgumentException("tile spool: layout must be set and maxTileBytes " + maxTileBytes
                    + " in 1.." + (Integer.MAX_VALUE - SpoolLog.HEADER_BYTES - 1));
        }
        this.layout = layout;
        this.maxTileBytes = maxTileBytes;
        this.forcer = forcer;
    }

    /** The log that holds the results spooled for a frame. */
    public Path logFile(JobId job, int frame) {
        return layout.frameSpoolDir(job, frame).resolve(LOG_NAME);
    }

    /** An encoded tile result to spool, with the unit and lease epoch it was uploaded under. */
    public record Upload(WorkUnitKey key, long epoch, byte[] encodedTileResult) {
        public Upload {
            if (key == null || encodedTileResult == null) {
                throw new IllegalArgumentException("spool upload: key and bytes must be set");
            }
            requireEpoch(key, epoch);
        }
    }

    /**
     * Stores an encoded tile result durably: when this returns, the record is forced to disk (and
     * the log's directory entry, when this write created the log), so the scheduler may mark the
     * unit done. Rewriting the same unit and epoch replaces the result (a retried upload of the same lease).
     *
     * @throws IllegalArgumentException if the bytes exceed the spool's limit (nothing is written)
     */
    public void write(WorkUnitKey key, long epoch, byte[] encodedTileResult) throws IOException {
        writeAll(List.of(new Upload(key, epoch, encodedTileResult)));
    }

    /**
     * {@link #write} of several results, durable together on return: each frame's records are
     * appended, then one force per frame covers them (shared with concurrent writers). If it throws,
     * some of the results may be stored and others not; retrying all of them is safe.
     *
     * @throws IllegalArgumentException if any result exceeds the spool's limit (nothing is written)
     */
    public void writeAll(List<Upload> uploads) throws IOException {
        for (Upload u : uploads) {
            if (u.encodedTileResult().length > maxTileBytes) {
                throw new IllegalArgumentException("spooling unit " + u.key() + " epoch " + u.epoch() + ": "
                        + u.encodedTileResult().length + " bytes, at most " + maxTileBytes + " allowed");
            }
        }
        List<SpoolLog> logs = new ArrayList<>(1);
        List<Long> ends = new ArrayList<>(1);
        for (Upload u : uploads) {
            FrameRef ref = new FrameRef(u.key().jobId(), u.key().frame());
            SpoolLog.Id id = id(u.key(), u.epoch());
            while (true) {
                SpoolLog log = log(ref, true).orElseThrow();
                try {
                    long end = log.append(id, u.encodedTileResult());
                    int i = logs.indexOf(log);
                    if (i < 0) {
                        logs.add(log);
                        ends.add(end);
                    } else {
                        ends.set(i, end);
                    }
                    break;
                } catch (SpoolLog.Retired e) {
                    open.remove(ref, log);
                } catch (IOException e) {
                    open.remove(ref, log);
                    throw new IOException("spooling unit " + u.key() + " epoch " + u.epoch() + " to "
                            + logFile(ref.job(), ref.frame()) + ": " + e.getMessage(), e);
                }
            }
        }
        for (int i = 0; i < logs.size(); i++) {
            try {
                logs.get(i).awaitDurable(ends.get(i));
            } catch (IOException e) {
                open.values().remove(logs.get(i));
                throw new IOException("spooling " + uploads.size() + " result(s): " + e.getMessage(), e);
            }
        }
        writes.add(uploads.size());
    }

    /** The bytes spooled for {@code key} under {@code epoch}, or empty if there are none. */
    public Optional<byte[]> read(WorkUnitKey key, long epoch) throws IOException {
        FrameRef ref = new FrameRef(key.jobId(), key.frame());
        SpoolLog.Id id = id(key, epoch);
        while (true) {
            Optional<SpoolLog> log = log(ref, false);
            if (log.isEmpty()) {
                break;
            }
            try {
                Optional<byte[]> found = log.get().read(id);
                if (found.isPresent()) {
                    return found;
                }
                break;
            } catch (SpoolLog.Retired e) {
                open.remove(ref, log.get());
            }
        }
        return readLegacy(key, epoch);
    }

    /** A spooled result of a frame, as {@link #results} lists it. */
    public record Spooled(int tile, int range, long epoch, byte[] encodedTileResult) {
    }

    /**
     * Every result spooled for a frame so far (what a live preview of a frame being rendered shows);
     * empty when the frame has no spool. For a unit spooled under several epochs, only the newest.
     */
    public List<Spooled> results(JobId job, int frame) throws IOException {
        FrameRef ref = new FrameRef(job, frame);
        while (true) {
            Optional<SpoolLog> log = log(ref, false);
            if (log.isEmpty()) {
                return List.of();
            }
            try {
                Map<Long, SpoolLog.Id> newest = new HashMap<>();
                for (SpoolLog.Id id : log.get().live()) {
                    newest.merge(((long) id.tile() << 32) | (id.range() & 0xFFFFFFFFL), id,
                            (a, b) -> a.epoch() >= b.epoch() ? a : b);
                }
                List<Spooled> out = new ArrayList<>();
                for (SpoolLog.Id id : newest.values()) {
                    Optional<byte[]> data = log.get().read(id);
                    data.ifPresent(d -> out.add(new Spooled(id.tile(), id.range(), id.epoch(), d)));
                }
                return out;
            } catch (SpoolLog.Retired e) {
                open.remove(ref, log.get());
            }
        }
    }

    /**
     * Deletes one spooled result; returns whether there was one. A frame left with no result has
     * its log and directory deleted.
     */
    public boolean delete(WorkUnitKey key, long epoch) throws IOException {
        FrameRef ref = new FrameRef(key.jobId(), key.frame());
        SpoolLog.Id id = id(key, epoch);
        boolean deleted = Files.deleteIfExists(legacyFile(key, epoch));
        while (true) {
            Optional<SpoolLog> log = log(ref, false);
            if (log.isEmpty()) {
                return deleted;
            }
            try {
                deleted |= log.get().delete(id);
            } catch (SpoolLog.Retired e) {
                open.remove(ref, log.get());
                continue;
            }
            Path dir = layout.frameSpoolDir(ref.job(), ref.frame());
            underFrameLock(ref, current -> current == log.get() && current.retireIfEmpty(() -> deleteDirectory(dir)));
            return deleted;
        }
    }

    /**
     * Deletes every spooled result of a frame, of every epoch, and the frame's spool directory. A
     * writer still waiting for its record of this frame to reach the disk fails.
     */
    public void deleteFrame(JobId job, int frame) throws IOException {
        Path dir = layout.frameSpoolDir(job, frame);
        underFrameLock(new FrameRef(job, frame), current -> {
            if (current != null) {
                current.retire(() -> deleteDirectory(dir));
            } else {
                deleteDirectory(dir);
            }
            return true;
        });
    }

    /** A step on a frame's files that may retire its open log (or find none open). */
    private interface FrameStep {
        /** @return whether the log (if any) is gone and must leave the map */
        boolean run(SpoolLog current) throws IOException;
    }

    /**
     * Runs {@code step} while no other thread can open the frame's log (opening also happens in
     * {@code compute} of the same key), so files deleted here cannot be reopened half-way.
     */
    private void underFrameLock(FrameRef ref, FrameStep step) throws IOException {
        IOException[] failure = new IOException[1];
        open.compute(ref, (k, current) -> {
            try {
                return step.run(current) ? null : current;
            } catch (IOException e) {
                failure[0] = e;
                return current;
            }
        });
        if (failure[0] != null) {
            throw new IOException("deleting the spool of job " + ref.job() + " frame " + ref.frame() + ": "
                    + failure[0].getMessage(), failure[0]);
        }
    }

    /** Closes every open log; later calls open them again. */
    @Override
    public void close() {
        for (Map.Entry<FrameRef, SpoolLog> e : open.entrySet()) {
            try {
                e.getValue().retire(() -> { });
            } catch (IOException ex) {
                // Interrupted while a force was running: the log closes with the JVM.
            }
            open.remove(e.getKey(), e.getValue());
        }
    }

    /** How many forces (fdatasync calls) the spool has made. */
    long forces() {
        return forces.sum();
    }

    /** How many results were written durably. */
    long writes() {
        return writes.sum();
    }

    /** How many logs are open now. */
    int openLogs() {
        return open.size();
    }

    /** The frame's open log, opening (or, if {@code create}, creating) it; empty if it has no file. */
    private Optional<SpoolLog> log(FrameRef ref, boolean create) throws IOException {
        SpoolLog log = open.get(ref);
        if (log != null && !log.isRetired()) {
            return Optional.of(log);
        }
        IOException[] failure = new IOException[1];
        log = open.compute(ref, (k, current) -> {
            if (current != null && !current.isRetired()) {
                return current;
            }
            try {
                return SpoolLog.open(logFile(k.job(), k.frame()), create, maxTileBytes, forces, forcer).orElse(null);
            } catch (IOException e) {
                failure[0] = e;
                return null;
            }
        });
        if (failure[0] != null) {
            throw new IOException("opening the spool of job " + ref.job() + " frame " + ref.frame() + ": "
                    + failure[0].getMessage(), failure[0]);
        }
        if (log != null && open.size() > MAX_OPEN_LOGS) {
            evictIdle(log);
        }
        return Optional.ofNullable(log);
    }

    /** Closes the least recently used idle logs until at most 3/4 of the limit are open. */
    private void evictIdle(SpoolLog keep) {
        // Each log's last use is read once: other threads keep using logs while they are sorted.
        record Aged(FrameRef ref, SpoolLog log, long lastUsed) {
        }
        List<Aged> byAge = new ArrayList<>(open.size());
        open.forEach((ref, log) -> byAge.add(new Aged(ref, log, log.lastUsed())));
        byAge.sort(Comparator.comparingLong(Aged::lastUsed));
        int excess = open.size() - MAX_OPEN_LOGS * 3 / 4;
        for (Aged a : byAge) {
            if (excess <= 0) {
                return;
            }
            if (a.log() != keep && a.log().retireIfIdle()) {
                open.remove(a.ref(), a.log());
                excess--;
            }
        }
    }

    private static void deleteDirectory(Path dir) throws IOException {
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

    private static SpoolLog.Id id(WorkUnitKey key, long epoch) {
        requireEpoch(key, epoch);
        return new SpoolLog.Id(key.tileIndex(), key.rangeIndex(), epoch);
    }

    private static void requireEpoch(WorkUnitKey key, long epoch) {
        if (epoch < 1) {
            throw new IllegalArgumentException("spooled result of unit " + key + ": epoch " + epoch + " must be >= 1");
        }
    }

    /** Where earlier versions spooled each result in a file of its own; read so that an upgrade loses nothing. */
    private Path legacyFile(WorkUnitKey key, long epoch) {
        return layout.frameSpoolDir(key.jobId(), key.frame())
                .resolve("t" + key.tileIndex() + "-r" + key.rangeIndex() + "-e" + epoch + LEGACY_SUFFIX);
    }

    private Optional<byte[]> readLegacy(WorkUnitKey key, long epoch) throws IOException {
        Path file = legacyFile(key, epoch);
        if (!Files.isRegularFile(file, LinkOption.NOFOLLOW_LINKS)) {
            return Optional.empty();
        }
        try (InputStream in = Files.newInputStream(file, LinkOption.NOFOLLOW_LINKS)) {
            byte[] bytes = in.readNBytes((int) maxTileBytes + 1);
            if (bytes.length > maxTileBytes) {
                throw new IOException("reading spooled unit " + key + " epoch " + epoch + " from " + file
                        + ": more than " + maxTileBytes + " bytes");
            }
            return Optional.of(bytes);
        } catch (NoSuchFileException e) {
            return Optional.empty();
        }
    }
}
