package io.photonfarm.coordinator.archive;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import io.photonfarm.api.job.JobId;
import io.photonfarm.coordinator.dataset.DatasetLayout;
import java.io.IOException;
import java.io.InputStream;
import java.io.OutputStream;
import java.nio.file.Files;
import java.nio.file.LinkOption;
import java.nio.file.NoSuchFileException;
import java.nio.file.Path;
import java.nio.file.attribute.BasicFileAttributes;
import java.util.List;
import java.util.OptionalInt;
import java.util.TreeMap;
import java.util.stream.Stream;

/**
 * Streams a job's dataset as an archive, in constant memory: one fixed copy buffer per call, one
 * file open at a time, nothing buffered beyond what the compressor holds. Entry names are relative
 * to the dataset root ({@code <jobId>/job.json}, {@code <jobId>/frames/000000/rgb.png}, ...) and
 * come in sorted order.
 *
 * <p>Only finished work goes in: job-level regular files, and of each frame directory that has a
 * {@code meta.json}, the files that {@code meta.json} lists (written before it) and {@code meta.json}
 * itself. Never the spool, other subdirectories, hidden or temporary files, links, or anything whose
 * real path leaves the job directory. Safe while the job is running: each frame is taken as it is
 * when its directory is visited (a frame finished later is simply not in this archive).
 */
public final class ArchiveStreamer {
    private static final System.Logger LOG = System.getLogger(ArchiveStreamer.class.getName());
    private static final int BUFFER_BYTES = 64 * 1024;
    private static final long MAX_META_BYTES = 1 << 20;

    private final DatasetLayout layout;
    private final ObjectMapper json = new ObjectMapper();

    public ArchiveStreamer(DatasetLayout layout) {
        this.layout = layout;
    }

    /**
     * Writes the archive of {@code job}'s dataset to {@code out}, finishing the archive but leaving
     * {@code out} open (the caller owns it; it is flushed).
     *
     * @throws NoSuchFileException if the job has no dataset directory; thrown before anything is written,
     *                             so an HTTP layer can still answer 404
     * @throws IOException         if reading a file or writing {@code out} fails; the archive is then truncated
     */
    public ArchiveReport stream(JobId job, ArchiveFormat format, ArchiveFilter filter, OutputStream out) throws IOException {
        Path jobDir = layout.jobDir(job);
        if (!Files.isDirectory(jobDir, LinkOption.NOFOLLOW_LINKS)) {
            throw new NoSuchFileException(jobDir.toString(), null, "job " + job + " has no dataset");
        }
        Path jobReal = jobDir.toRealPath();
        CountingOutputStream counting = new CountingOutputStream(out);
        Walk walk;
        try (ArchiveSink sink = ArchiveSink.open(format, counting)) {
            walk = new Walk(job, jobReal, filter, sink, new byte[BUFFER_BYTES]);
            for (Path child : sortedChildren(jobDir)) {
                String name = child.getFileName().toString();
                if (name.equals(DatasetLayout.FRAMES)) {
                    walk.frames(child);
                } else if (name.equals(DatasetLayout.ANNOTATIONS) && Files.isDirectory(child, LinkOption.NOFOLLOW_LINKS)) {
                    walk.tree(child, job.value() + "/" + name + "/", 0);
                } else if (Files.isSymbolicLink(child)) {
                    walk.refuse(child, "a symbolic link");
                } else if (!name.equals(DatasetLayout.SPOOL) && isRegularFile(child)) {
                    walk.file(child, job.value() + "/" + name);
                }
                // Other directories (the spool) are not part of the dataset.
            }
        }
        return new ArchiveReport(counting.count(), walk.entries, walk.frames, walk.unfinished, walk.refused);
    }

    /** How deep the job-level annotation tree may nest. */
    private static final int MAX_TREE_DEPTH = 6;

    /** The state of one archive being written. */
    private final class Walk {
        private final JobId job;
        private final Path jobReal;
        private final ArchiveFilter filter;
        private final byte[] buffer;
        private final ArchiveSink sink;
        private int entries;
        private int frames;
        private int unfinished;
        private int refused;

        Walk(JobId job, Path jobReal, ArchiveFilter filter, ArchiveSink sink, byte[] buffer) {
            this.job = job;
            this.jobReal = jobReal;
            this.filter = filter;
            this.sink = sink;
            this.buffer = buffer;
        }

        void frames(Path framesDir) throws IOException {
            if (!Files.isDirectory(framesDir, LinkOption.NOFOLLOW_LINKS)) {
                refuse(framesDir, "not a plain directory");
                return;
            }
            for (Path dir : sortedChildren(framesDir)) {
                OptionalInt index = DatasetLayout.parseFrameDirName(dir.getFileName().toString());
                if (index.isPresent() && filter.includesFrame(index.getAsInt())) {
                    frame(dir);
                }
            }
        }

        /**
         * Every regular file under {@code dir} (the job-level annotations): each is written whole by an
         * atomic rename, so whatever is there is complete; hidden (temporary) names are left out.
         */
        void tree(Path dir, String prefix, int depth) throws IOException {
            if (depth > MAX_TREE_DEPTH || !inside(dir)) {
                refuse(dir, "deeper than " + MAX_TREE_DEPTH + " levels, or outside the job");
                return;
            }
            for (Path child : sortedChildren(dir)) {
                String name = child.getFileName().toString();
                if (Files.isDirectory(child, LinkOption.NOFOLLOW_LINKS)) {
                    tree(child, prefix + name + "/", depth + 1);
                } else {
                    file(child, prefix + name);
                }
            }
        }

        private void frame(Path dir) throws IOException {
            if (!Files.isDirectory(dir, LinkOption.NOFOLLOW_LINKS) || !inside(dir)) {
                refuse(dir, "not a plain directory inside the job");
                return;
            }
            Path meta = dir.resolve(DatasetLayout.META_JSON);
            if (!isRegularFile(meta)) {
                unfinished++; // no meta.json yet (or something that is not one): the frame is not written
                return;
            }
            // meta.json lists the files written before it; anything else in the directory is not part of the frame.
            TreeMap<String, Long> files = listedFiles(meta);
            files.put(DatasetLayout.META_JSON, -1L);
            String prefix = job.value() + "/" + DatasetLayout.FRAMES + "/" + dir.getFileName() + "/";
            frames++;
            for (var f : files.entrySet()) {
                if (filter.includesFrameFile(f.getKey())) {
                    file(dir.resolve(f.getKey()), prefix + f.getKey(), f.getValue());
                }
            }
        }

        private TreeMap<String, Long> listedFiles(Path meta) throws IOException {
            if (Files.size(meta) > MAX_META_BYTES) {
                throw new IOException("archiving " + meta + ": over " + MAX_META_BYTES + " bytes, not a meta.json this farm wrote");
            }
            JsonNode root;
            try (InputStream in = Files.newInputStream(meta, LinkOption.NOFOLLOW_LINKS)) {
                root = json.readTree(in);
            }
            TreeMap<String, Long> files = new TreeMap<>();
            for (JsonNode f : root.path("files")) {
                String name = f.path("name").asText("");
                if (!EntryNames.isSafeComponent(name) || name.equals(DatasetLayout.META_JSON)) {
                    refuse(meta, "lists the unsafe file name '" + name + "'");
                } else {
                    files.put(name, f.path("bytes").asLong(-1));
                }
            }
            return files;
        }

        void file(Path file, String entryName) throws IOException {
            file(file, entryName, -1);
        }

        /** @param expectedSize the size meta.json recorded, or -1 if none */
        private void file(Path file, String entryName, long expectedSize) throws IOException {
            if (!EntryNames.isSafeComponent(file.getFileName().toString())) {
                refuse(file, "name outside the safe pattern");
                return;
            }
            BasicFileAttributes attrs;
            try {
                attrs = Files.readAttributes(file, BasicFileAttributes.class, LinkOption.NOFOLLOW_LINKS);
            } catch (NoSuchFileException e) {
                refuse(file, "listed but missing");
                return;
            }
            if (!attrs.isRegularFile() || !inside(file)) {
                refuse(file, attrs.isSymbolicLink() ? "a symbolic link" : "not a regular file inside the job");
                return;
            }
            long size = attrs.size();
            if (expectedSize >= 0 && size != expectedSize) {
                throw new IOException("archiving " + file + ": " + size + " bytes, but meta.json recorded " + expectedSize);
            }
            // NOFOLLOW_LINKS again at open: a file swapped for a link after the check is still not followed.
            try (InputStream in = Files.newInputStream(file, LinkOption.NOFOLLOW_LINKS)) {
                sink.putFile(EntryNames.checked(entryName), size, attrs.lastModifiedTime(), in, buffer);
            }
            entries++;
        }

        private boolean inside(Path p) throws IOException {
            return p.toRealPath().startsWith(jobReal);
        }

        void refuse(Path p, String why) {
            refused++;
            LOG.log(System.Logger.Level.WARNING, () -> "archiving job " + job + ": skipped " + p + ": " + why);
        }
    }

    private static boolean isRegularFile(Path p) {
        return Files.isRegularFile(p, LinkOption.NOFOLLOW_LINKS);
    }

    /** A directory's entries sorted by name; hidden names (temporary files among them) are left out. */
    private static List<Path> sortedChildren(Path dir) throws IOException {
        try (Stream<Path> s = Files.list(dir)) {
            return s.filter(p -> !p.getFileName().toString().startsWith("."))
                    .sorted((a, b) -> a.getFileName().toString().compareTo(b.getFileName().toString()))
                    .toList();
        }
    }
}
