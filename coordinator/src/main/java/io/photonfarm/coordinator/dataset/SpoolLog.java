package io.photonfarm.coordinator.dataset;

import java.io.EOFException;
import java.io.IOException;
import java.nio.ByteBuffer;
import java.nio.channels.FileChannel;
import java.nio.file.Files;
import java.nio.file.LinkOption;
import java.nio.file.NoSuchFileException;
import java.nio.file.Path;
import java.nio.file.StandardOpenOption;
import java.util.ArrayList;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.concurrent.atomic.LongAdder;
import java.util.zip.CRC32C;

/**
 * One frame's spooled tile results: an append-only file of records, an in-memory index of the
 * live ones, and group commit. Package-private; {@link TileSpool} owns every instance and is the
 * only caller.
 *
 * <p>A record is a 29-byte header, big-endian: magic {@code PFSR} (4), kind (1: a result, 2: a
 * tombstone that deletes the result of the same unit and epoch), tile (4), sample range (4), epoch
 * (8), data length (4), CRC-32C of the header's first 25 bytes and the data (4); then the data (an
 * encoded tile result). A later record of the same (tile, range, epoch) replaces an earlier one.
 *
 * <p><b>Group commit.</b> {@link #append} writes a record to the file (the page cache) under this
 * object's monitor and returns the offset its durability depends on; {@link #awaitDurable} then
 * waits until a {@code force} that started after the record was written has completed. The first
 * waiter becomes the leader and forces everything appended so far, outside the monitor, while
 * later writers append and wait; when it is done, one of those that its force did not cover leads
 * the next one. One force thus covers every writer that arrived while the previous one ran.
 *
 * <p><b>Recovery.</b> Opening an existing file reads it through: records whose magic, length and
 * CRC check out enter the index; a damaged record followed by no valid one is a torn tail (a crash
 * while appending, never acknowledged to anyone: a writer returns only after a force covering its
 * record), and the file is truncated there; a damaged record followed by valid ones (damage on the
 * disk itself) is skipped with an error logged, keeping the valid records after it.
 *
 * <p>States: open (a channel), or retired (closed; every call throws {@link Retired} and the
 * caller gets a fresh instance from the spool). Every method but {@link #awaitDurable}'s force
 * runs under this object's monitor.
 */
final class SpoolLog {
    private static final System.Logger LOG = System.getLogger(SpoolLog.class.getName());
    static final int MAGIC = 0x50465352; // "PFSR"
    static final byte RESULT = 1;
    static final byte TOMBSTONE = 2;
    static final int HEADER_BYTES = 29;
    private static final int CRC_COVERED_HEADER_BYTES = 25;
    private static final int RESYNC_WINDOW = 64 * 1024;

    /** A unit of this log's frame under one lease epoch. */
    record Id(int tile, int range, long epoch) {
    }

    /** Where a live record is: the offset of its header, and its data length. */
    private record Slot(long offset, int length) {
    }

    /** This log was closed (evicted, deleted or broken); get the frame's current log from the spool again. */
    static final class Retired extends Exception {
        Retired() {
            super(null, null, false, false);
        }
    }

    private final Path file;
    private final long maxDataBytes;
    private final LongAdder forces;
    private final Forcer forcer;
    private final FileChannel channel;
    private final Map<Id, Slot> index = new HashMap<>();
    /** Bytes written to the file; the next record goes here. */
    private long end;
    /** The end of the last result appended: what must be forced before the log may close. */
    private long resultsEnd;
    /** Bytes a completed force covered. */
    private long durable;
    /** A leader is forcing now. */
    private boolean forcing;
    private int waiting;
    private boolean retired;
    /** Why the last force failed; the log is retired with it and every waiter not yet covered fails. */
    private IOException broken;
    /** {@link System#nanoTime()} of the last use, for evicting idle logs. */
    private long lastUsed;

    /** Forces a log's written bytes to disk; {@code FileChannel.force(false)} but in tests. */
    interface Forcer {
        Forcer FDATASYNC = ch -> ch.force(false);

        void force(FileChannel channel) throws IOException;
    }

    private SpoolLog(Path file, long maxDataBytes, LongAdder forces, Forcer forcer, FileChannel channel) {
        this.file = file;
        this.maxDataBytes = maxDataBytes;
        this.forces = forces;
        this.forcer = forcer;
        this.channel = channel;
        this.lastUsed = System.nanoTime();
    }

    /**
     * Opens an existing log, rebuilding its index (and truncating a torn tail), or creates it if
     * {@code create}; the new file's directory entry is forced to disk, and so is every directory
     * created for it.
     *
     * @return the log, or empty if there is no file and {@code create} is false
     */
    static Optional<SpoolLog> open(Path file, boolean create, long maxDataBytes, LongAdder forces, Forcer forcer)
            throws IOException {
        FileChannel ch;
        boolean created = false;
        try {
            ch = FileChannel.open(file, StandardOpenOption.READ, StandardOpenOption.WRITE, LinkOption.NOFOLLOW_LINKS);
        } catch (NoSuchFileException e) {
            if (!create) {
                return Optional.empty();
            }
            createDirectories(file.toAbsolutePath().getParent());
            ch = FileChannel.open(file, StandardOpenOption.READ, StandardOpenOption.WRITE, StandardOpenOption.CREATE,
                    LinkOption.NOFOLLOW_LINKS);
            created = true;
        }
        SpoolLog log = new SpoolLog(file, maxDataBytes, forces, forcer, ch);
        try {
            if (created) {
                DurableFiles.forceDirectory(file.toAbsolutePath().getParent());
            }
            log.recover();
        } catch (IOException | RuntimeException e) {
            ch.close();
            throw e;
        }
        return Optional.of(log);
    }

    /** Creates {@code dir} and its missing parents, forcing each parent in which one was created. */
    private static void createDirectories(Path dir) throws IOException {
        List<Path> missing = new ArrayList<>();
        for (Path d = dir; d != null && !Files.isDirectory(d); d = d.getParent()) {
            missing.add(d);
        }
        for (int i = missing.size() - 1; i >= 0; i--) {
            try {
                Files.createDirectory(missing.get(i));
            } catch (java.nio.file.FileAlreadyExistsException e) {
                // Another frame of the same job created it meanwhile.
            }
            DurableFiles.forceDirectory(missing.get(i).getParent());
        }
    }

    /**
     * Appends a record and indexes it; the caller then waits for {@link #awaitDurable} of the
     * returned offset before telling anyone it is stored.
     *
     * @return the file length the record's durability needs
     */
    synchronized long append(Id id, byte[] data) throws IOException, Retired {
        requireOpen();
        long at = writeRecord(RESULT, id, data);
        index.put(id, new Slot(at, data.length));
        resultsEnd = end;
        return end;
    }

    /**
     * Waits until a completed force covers the first {@code upTo} bytes, forcing them itself if no
     * other writer is.
     *
     * @throws IOException if the force failed or the log was closed before the bytes were covered
     */
    void awaitDurable(long upTo) throws IOException {
        long target;
        synchronized (this) {
            waiting++;
            try {
                while (durable < upTo && forcing && broken == null && !retired) {
                    wait();
                }
            } catch (InterruptedException e) {
                Thread.currentThread().interrupt();
                throw new IOException("interrupted waiting for " + file + " to reach the disk", e);
            } finally {
                waiting--;
            }
            if (durable >= upTo) {
                return;
            }
            if (broken != null) {
                throw new IOException("forcing " + file + " to disk failed: " + broken.getMessage(), broken);
            }
            if (retired) {
                throw new IOException(file + " was closed before the record reached the disk (its frame was deleted)");
            }
            forcing = true;
            target = end;
        }
        IOException failure = null;
        try {
            forcer.force(channel);
            forces.increment();
        } catch (IOException e) {
            failure = e;
        }
        synchronized (this) {
            forcing = false;
            if (failure == null) {
                durable = Math.max(durable, target);
            } else {
                // After a failed fsync the kernel may have dropped the dirty pages: nothing unforced can be
                // trusted. Retire; the next access opens the file afresh and writers retry.
                broken = failure;
                closeQuietly();
            }
            notifyAll();
        }
        if (failure != null) {
            throw new IOException("forcing " + file + " to disk failed: " + failure.getMessage(), failure);
        }
    }

    /** The data of a live record, read back and checked against its CRC. */
    synchronized Optional<byte[]> read(Id id) throws IOException, Retired {
        requireOpen();
        Slot slot = index.get(id);
        if (slot == null) {
            return Optional.empty();
        }
        ByteBuffer buf = ByteBuffer.allocate(HEADER_BYTES + slot.length());
        readFully(buf, slot.offset());
        buf.flip();
        if (check(buf, slot.offset()) != RESULT || !idAt(buf).equals(id)) {
            throw new IOException("reading " + file + " at offset " + slot.offset() + ": the record of tile "
                    + id.tile() + " range " + id.range() + " epoch " + id.epoch() + " is damaged");
        }
        byte[] data = new byte[slot.length()];
        buf.position(HEADER_BYTES).get(data);
        return Optional.of(data);
    }

    /** The ids of the live records, in no particular order. */
    synchronized List<Id> live() throws Retired {
        requireOpen();
        return new ArrayList<>(index.keySet());
    }

    /**
     * Drops a record: a tombstone is appended (not forced: losing it in a crash only brings back a
     * result nobody will read, since epochs never repeat) and the index forgets it.
     *
     * @return whether there was one
     */
    synchronized boolean delete(Id id) throws IOException, Retired {
        requireOpen();
        if (!index.containsKey(id)) {
            return false;
        }
        writeRecord(TOMBSTONE, id, new byte[0]);
        index.remove(id);
        return true;
    }

    /**
     * If no record is live and nobody writes or waits, closes the log and runs {@code andThen} under
     * the monitor (deleting the file before anyone can append to it); returns whether it did.
     */
    synchronized boolean retireIfEmpty(IoAction andThen) throws IOException {
        if (retired || !index.isEmpty() || !idle()) {
            return false;
        }
        closeQuietly();
        andThen.run();
        return true;
    }

    /** Whether nobody writes, forces or waits: it may be closed. */
    private boolean idle() {
        return !forcing && waiting == 0 && durable >= resultsEnd;
    }

    /** When it was last used, {@link System#nanoTime()}. */
    synchronized long lastUsed() {
        return lastUsed;
    }

    /** Closes the log if nobody is using it; returns whether it did. */
    synchronized boolean retireIfIdle() {
        if (retired || !idle()) {
            return false;
        }
        closeQuietly();
        return true;
    }

    /**
     * Closes the log now, once a force in progress has finished; writers still waiting for a force
     * fail. Then {@code andThen} runs under the monitor (to delete the files before anyone can open them again).
     */
    synchronized void retire(IoAction andThen) throws IOException {
        while (forcing) {
            try {
                wait();
            } catch (InterruptedException e) {
                Thread.currentThread().interrupt();
                throw new IOException("interrupted waiting to close " + file, e);
            }
        }
        closeQuietly();
        notifyAll();
        andThen.run();
    }

    /** An action on files that may fail. */
    interface IoAction {
        void run() throws IOException;
    }

    synchronized boolean isRetired() {
        return retired;
    }

    private void requireOpen() throws Retired {
        if (retired) {
            throw new Retired();
        }
        lastUsed = System.nanoTime();
    }

    private void closeQuietly() {
        retired = true;
        try {
            channel.close();
        } catch (IOException e) {
            LOG.log(System.Logger.Level.WARNING, "closing spool log " + file + ": " + e);
        }
    }

    /** Writes one record at the end; on a failed write the log is retired (the tail may be torn). */
    private long writeRecord(byte kind, Id id, byte[] data) throws IOException {
        ByteBuffer header = ByteBuffer.allocate(HEADER_BYTES);
        header.putInt(MAGIC).put(kind).putInt(id.tile()).putInt(id.range()).putLong(id.epoch()).putInt(data.length);
        CRC32C crc = new CRC32C();
        crc.update(header.array(), 0, CRC_COVERED_HEADER_BYTES);
        crc.update(data, 0, data.length);
        header.putInt((int) crc.getValue()).flip();
        ByteBuffer[] record = {header, ByteBuffer.wrap(data)};
        long at = end;
        long total = HEADER_BYTES + (long) data.length;
        try {
            channel.position(at);
            long written = 0;
            while (written < total) {
                written += channel.write(record);
            }
        } catch (IOException e) {
            closeQuietly();
            throw new IOException("appending to " + file + ": " + e.getMessage(), e);
        }
        end = at + total;
        return at;
    }

    /** Rebuilds the index from the file; see the class comment. */
    private void recover() throws IOException {
        long size = channel.size();
        long at = 0;
        ByteBuffer header = ByteBuffer.allocate(HEADER_BYTES);
        while (at < size) {
            int length = validLength(at, size, header);
            if (length < 0) {
                long next = resync(at + 1, size, header);
                if (next < 0) {
                    LOG.log(System.Logger.Level.WARNING, "spool log {0}: torn record at offset {1}; truncating {2} bytes "
                            + "that were never acknowledged", file, at, size - at);
                    channel.truncate(at);
                    channel.force(true);
                    size = at;
                    break;
                }
                LOG.log(System.Logger.Level.ERROR, "spool log {0}: bytes {1}..{2} are damaged; skipped, the valid "
                        + "records after them are kept", file, at, next);
                at = next;
                continue;
            }
            header.clear();
            readFully(header, at);
            header.flip();
            Id id = idAt(header);
            if (header.get(4) == RESULT) {
                index.put(id, new Slot(at, length));
            } else {
                index.remove(id);
            }
            at += HEADER_BYTES + (long) length;
        }
        end = size;
        durable = size;
        resultsEnd = size;
    }

    /** The data length of the valid record at {@code at}, or -1 if there is none there. */
    private int validLength(long at, long size, ByteBuffer header) throws IOException {
        if (size - at < HEADER_BYTES) {
            return -1;
        }
        header.clear();
        readFully(header, at);
        header.flip();
        int magic = header.getInt(0);
        byte kind = header.get(4);
        int length = header.getInt(21);
        if (magic != MAGIC || (kind != RESULT && kind != TOMBSTONE) || length < 0 || length > maxDataBytes
                || (kind == TOMBSTONE && length != 0) || size - at - HEADER_BYTES < length) {
            return -1;
        }
        ByteBuffer whole = ByteBuffer.allocate(HEADER_BYTES + length);
        readFully(whole, at);
        whole.flip();
        return check(whole, at) < 0 ? -1 : length;
    }

    /** The offset of the next valid record at or after {@code from}, or -1 if there is none. */
    private long resync(long from, long size, ByteBuffer header) throws IOException {
        ByteBuffer window = ByteBuffer.allocate(RESYNC_WINDOW);
        for (long base = from; base < size; base += RESYNC_WINDOW - 3) {
            window.clear();
            window.limit((int) Math.min(RESYNC_WINDOW, size - base));
            readFully(window, base);
            for (int i = 0; i + 4 <= window.limit(); i++) {
                if (window.getInt(i) == MAGIC && validLength(base + i, size, header) >= 0) {
                    return base + i;
                }
            }
        }
        return -1;
    }

    /** The kind of the whole record in {@code buf} (header and data) if its CRC checks out, else -1. */
    private static int check(ByteBuffer buf, long at) {
        if (buf.limit() < HEADER_BYTES || buf.getInt(0) != MAGIC) {
            return -1;
        }
        CRC32C crc = new CRC32C();
        ByteBuffer covered = buf.duplicate();
        covered.position(0).limit(CRC_COVERED_HEADER_BYTES);
        crc.update(covered);
        ByteBuffer data = buf.duplicate();
        data.position(HEADER_BYTES).limit(buf.limit());
        crc.update(data);
        return (int) crc.getValue() == buf.getInt(25) ? buf.get(4) : -1;
    }

    private static Id idAt(ByteBuffer header) {
        return new Id(header.getInt(5), header.getInt(9), header.getLong(13));
    }

    private void readFully(ByteBuffer buf, long at) throws IOException {
        long pos = at;
        while (buf.hasRemaining()) {
            int n = channel.read(buf, pos);
            if (n < 0) {
                throw new EOFException("reading " + file + " at offset " + pos + ": end of file");
            }
            pos += n;
        }
    }
}
