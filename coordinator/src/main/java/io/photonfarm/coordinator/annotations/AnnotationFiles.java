package io.photonfarm.coordinator.annotations;

import io.photonfarm.image.AtomicWrites;
import java.io.IOException;
import java.nio.file.AtomicMoveNotSupportedException;
import java.nio.file.FileSystemException;
import java.nio.file.Files;
import java.nio.file.LinkOption;
import java.nio.file.Path;
import java.nio.file.StandardCopyOption;
import java.util.HashSet;
import java.util.List;
import java.util.Map;
import java.util.Set;
import java.util.UUID;
import java.util.stream.Stream;

/**
 * File operations of the annotation writers: atomic replacement of single files, and mirroring
 * per-frame files into a job-level directory (e.g. BOP's {@code mask/}).
 */
final class AnnotationFiles {
    private AnnotationFiles() {
    }

    /** Replaces a frame's file atomically (the frame's meta.json later forces the directory). */
    static void write(Path target, byte[] bytes) throws IOException {
        Files.createDirectories(target.toAbsolutePath().getParent());
        AtomicWrites.write(target, bytes);
    }

    /**
     * Replaces a job-level file atomically with streamed content, creating its directory, and forces
     * the directory so the replacement survives a crash.
     */
    static void writeDurably(Path target, AtomicWrites.Content content) throws IOException {
        Path dir = target.toAbsolutePath().getParent();
        Files.createDirectories(dir);
        AtomicWrites.write(target, content);
        AtomicWrites.forceDirectory(dir);
    }

    /** {@link #writeDurably(Path, AtomicWrites.Content)} of bytes. */
    static void writeDurably(Path target, byte[] bytes) throws IOException {
        writeDurably(target, out -> out.write(bytes));
    }

    /**
     * Makes {@code dir} hold exactly the files of {@code wanted} (name in {@code dir} -> source file):
     * each is a hard link to its source (a copy where the file system has no hard links), replaced
     * atomically unless it already is that file; any other visible regular file in {@code dir} is
     * deleted (hidden and temporary files are left alone). Then forces the directory.
     */
    static void mirror(Path dir, Map<String, Path> wanted) throws IOException {
        Files.createDirectories(dir);
        for (Map.Entry<String, Path> e : wanted.entrySet()) {
            Path target = dir.resolve(e.getKey());
            Path source = e.getValue();
            if (Files.exists(target, LinkOption.NOFOLLOW_LINKS) && Files.isSameFile(source, target)) {
                continue;
            }
            Path tmp = dir.resolve("." + e.getKey() + "." + UUID.randomUUID() + ".tmp");
            try {
                try {
                    Files.createLink(tmp, source);
                } catch (UnsupportedOperationException | FileSystemException noLinks) {
                    Files.deleteIfExists(tmp);
                    Files.copy(source, tmp);
                }
                try {
                    Files.move(tmp, target, StandardCopyOption.ATOMIC_MOVE);
                } catch (AtomicMoveNotSupportedException ex) {
                    Files.move(tmp, target, StandardCopyOption.REPLACE_EXISTING);
                }
            } finally {
                Files.deleteIfExists(tmp);
            }
        }
        Set<String> keep = new HashSet<>(wanted.keySet());
        List<Path> stale;
        try (Stream<Path> s = Files.list(dir)) {
            stale = s.filter(p -> !p.getFileName().toString().startsWith("."))
                    .filter(p -> Files.isRegularFile(p, LinkOption.NOFOLLOW_LINKS))
                    .filter(p -> !keep.contains(p.getFileName().toString()))
                    .toList();
        }
        for (Path p : stale) {
            Files.deleteIfExists(p);
        }
        AtomicWrites.forceDirectory(dir);
    }
}
