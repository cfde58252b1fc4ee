package io.photonfarm.coordinator.dataset;

import java.io.IOException;
import java.nio.ByteBuffer;
import java.nio.channels.FileChannel;
import java.nio.file.AtomicMoveNotSupportedException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.nio.file.StandardCopyOption;
import java.nio.file.StandardOpenOption;
import java.util.UUID;

/**
 * Atomic, durable small-file writes: the bytes go to a hidden temporary file next to the target
 * ({@code .NAME.UUID.tmp}, same file system so the rename cannot become a copy), are forced to
 * disk, the temporary file is renamed over the target, and the directory is forced so that the
 * rename itself survives a crash. Readers see the old file or the complete new one.
 */
final class DurableFiles {
    /** The suffix of temporary files; archives and listings skip hidden files anyway. */
    static final String TEMP_SUFFIX = ".tmp";

    private DurableFiles() {
    }

    /** Writes {@code bytes} to {@code target}, creating its parent directories. Durable on return. */
    static void write(Path target, byte[] bytes) throws IOException {
        Path dir = target.toAbsolutePath().getParent();
        Files.createDirectories(dir);
        Path tmp = dir.resolve("." + target.getFileName() + "." + UUID.randomUUID() + TEMP_SUFFIX);
        boolean moved = false;
        try {
            try (FileChannel ch = FileChannel.open(tmp, StandardOpenOption.CREATE_NEW, StandardOpenOption.WRITE)) {
                ByteBuffer buf = ByteBuffer.wrap(bytes);
                while (buf.hasRemaining()) {
                    ch.write(buf);
                }
                ch.force(true);
            }
            try {
                Files.move(tmp, target, StandardCopyOption.ATOMIC_MOVE);
            } catch (AtomicMoveNotSupportedException e) {
                Files.move(tmp, target, StandardCopyOption.REPLACE_EXISTING);
            }
            moved = true;
            forceDirectory(dir);
        } finally {
            if (!moved) {
                Files.deleteIfExists(tmp);
            }
        }
    }

    /**
     * Forces a directory's entries to disk, so a rename or delete in it survives a crash. Some
     * platforms (Windows) cannot open a directory as a channel; there the rename is as durable as
     * the file system makes it, which is the best available.
     */
    static void forceDirectory(Path dir) throws IOException {
        try (FileChannel ch = FileChannel.open(dir, StandardOpenOption.READ)) {
            ch.force(true);
        } catch (UnsupportedOperationException | java.nio.file.AccessDeniedException e) {
            // See above: not supported here.
        }
    }
}
