package io.photonfarm.image;

import java.io.BufferedOutputStream;
import java.io.IOException;
import java.io.OutputStream;
import java.nio.ByteBuffer;
import java.nio.channels.Channels;
import java.nio.channels.FileChannel;
import java.nio.file.AccessDeniedException;
import java.nio.file.Path;
import java.nio.file.StandardOpenOption;

/**
 * Atomic file replacement for code outside this package (dataset writers and the like), through
 * the same mechanism as the image writers: a hidden temporary file in the target's directory,
 * forced to disk, renamed over the target. Readers see the old file or the complete new one; a
 * failed write leaves the target untouched and removes the temporary file.
 *
 * <p>The rename itself is durable only once the directory is forced ({@link #forceDirectory}):
 * callers that write several files and then a marker force the directory once, after the marker.
 */
public final class AtomicWrites {
    /** Writes the whole content to {@code out}; must not close it. */
    @FunctionalInterface
    public interface Content {
        void writeTo(OutputStream out) throws IOException;
    }

    private AtomicWrites() {
    }

    /** Replaces {@code target} with {@code bytes}. The directory must exist. */
    public static void write(Path target, byte[] bytes) throws IOException {
        AtomicFiles.write(target, ch -> AtomicFiles.writeFully(ch, ByteBuffer.wrap(bytes)));
    }

    /** Replaces {@code target} with what {@code content} writes (buffered, streamed). The directory must exist. */
    public static void write(Path target, Content content) throws IOException {
        AtomicFiles.write(target, ch -> {
            OutputStream out = new BufferedOutputStream(Channels.newOutputStream(ch), 1 << 16);
            content.writeTo(out);
            out.flush(); // not close: AtomicFiles forces and closes the channel
        });
    }

    /**
     * Forces a directory's entries to disk, so renames in it survive a crash. A no-op where the
     * platform cannot open a directory (Windows).
     */
    public static void forceDirectory(Path dir) throws IOException {
        try (FileChannel ch = FileChannel.open(dir, StandardOpenOption.READ)) {
            ch.force(true);
        } catch (UnsupportedOperationException | AccessDeniedException e) {
            // Not supported here: the rename is as durable as the file system makes it.
        }
    }
}
