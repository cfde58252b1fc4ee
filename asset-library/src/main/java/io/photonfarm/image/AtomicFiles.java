package io.photonfarm.image;

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
 * Writes a file so that readers only ever see the old content or the complete new one: the bytes
 * go to a hidden temporary file in the target's directory (same file system, so the final rename
 * cannot turn into a copy), are forced to disk, and the temporary file is then renamed over the
 * target. A failed write deletes the temporary file and leaves the target untouched.
 */
final class AtomicFiles {
    /** Writes the whole content through {@code channel}; must not close it. */
    @FunctionalInterface
    interface Body {
        void writeTo(FileChannel channel) throws IOException;
    }

    private AtomicFiles() {
    }

    static void write(Path target, Body body) throws IOException {
        Path abs = target.toAbsolutePath();
        Path dir = abs.getParent();
        // Files.createTempFile would create the file with mode 0600; a plain new file gets the umask's
        // permissions like any other output the farm writes.
        Path tmp = dir.resolve("." + abs.getFileName() + "." + UUID.randomUUID() + ".tmp");
        if (!Files.isDirectory(dir)) {
            throw new IOException("cannot write " + abs + ": the directory " + dir + " does not exist");
        }
        boolean moved = false;
        try {
            try (FileChannel ch = FileChannel.open(tmp, StandardOpenOption.CREATE_NEW, StandardOpenOption.WRITE)) {
                body.writeTo(ch);
                ch.force(true);
            }
            try {
                Files.move(tmp, abs, StandardCopyOption.ATOMIC_MOVE);
            } catch (AtomicMoveNotSupportedException e) {
                Files.move(tmp, abs, StandardCopyOption.REPLACE_EXISTING);
            }
            moved = true;
        } finally {
            if (!moved) {
                try {
                    Files.deleteIfExists(tmp);
                } catch (IOException cleanup) {
                    // The original failure is the one worth reporting; a stray hidden file is harmless.
                }
            }
        }
    }

    /** Writes all of {@code buf} at the channel's current position. */
    static void writeFully(FileChannel ch, ByteBuffer buf) throws IOException {
        while (buf.hasRemaining()) {
            ch.write(buf);
        }
    }
}
