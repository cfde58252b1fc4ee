package io.photonfarm.coordinator.archive;

import io.photonfarm.api.job.JobId;
import io.photonfarm.coordinator.dataset.DatasetLayout;
import java.io.IOException;
import java.io.InputStream;
import java.io.OutputStream;
import java.io.PrintWriter;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.Comparator;
import java.util.List;
import java.util.SplittableRandom;
import java.util.stream.Stream;

/**
 * Measures archive streaming throughput: every job under a dataset root streamed as tar, tar.gz
 * and zip to a counting sink that discards the bytes, against the system's GNU tar on the same
 * job directory ({@code tar -cf -}, {@code tar -czf -}, and {@code tar -I 'gzip -1'} which matches
 * the streamer's gzip level). The system tar's output is read and counted by this process, not
 * sent to /dev/null, because GNU tar notices an archive named /dev/null and then skips reading
 * the files. Each case runs twice after a warm-up pass that brings the files into the page cache;
 * the faster run is printed. MB are 10^6 bytes, of input (files archived) per second.
 *
 * <p>Run with no argument to generate about 500 MB of incompressible frames in a temporary
 * directory (deleted afterwards), or with a dataset root.
 */
public final class ArchiveBenchmark {
    private static final int RUNS = 2;

    private ArchiveBenchmark() {
    }

    /** {@code ArchiveBenchmark [datasetRoot]}: benchmarks the given root, or a generated one. */
    public static void main(String[] args) throws IOException, InterruptedException {
        PrintWriter out = new PrintWriter(System.out, true, StandardCharsets.UTF_8);
        if (args.length > 0) {
            run(Path.of(args[0]), out);
            return;
        }
        Path root = Files.createTempDirectory("photonfarm-archive-bench");
        try {
            generate(root, new JobId("bench"), 50, 4 << 20, 6 << 20);
            run(root, out);
        } finally {
            deleteTree(root);
        }
    }

    /**
     * Benchmarks every job under {@code root} (a dataset root holding {@code jobs/<jobId>/}) and
     * prints one line per case to {@code out}.
     */
    public static void run(Path root, PrintWriter out) throws IOException, InterruptedException {
        DatasetLayout layout = new DatasetLayout(root);
        Runtime rt = Runtime.getRuntime();
        out.printf("machine: %d cores, Java %s (%s), %s %s, max heap %d MB%n", rt.availableProcessors(),
                System.getProperty("java.version"), System.getProperty("java.vm.name"), System.getProperty("os.name"),
                System.getProperty("os.arch"), rt.maxMemory() / 1_000_000);
        for (JobId job : jobs(layout)) {
            Path jobDir = layout.jobDir(job);
            long input = treeBytes(jobDir);
            out.printf("job %s: %.1f MB in %d files%n", job, input / 1e6, fileCount(jobDir));
            systemTar(jobDir, List.of("-cf", "-")); // warm-up: the page cache now holds the files
            ArchiveStreamer streamer = new ArchiveStreamer(layout);
            for (ArchiveFormat format : ArchiveFormat.values()) {
                long best = Long.MAX_VALUE;
                long bytes = 0;
                for (int i = 0; i < RUNS; i++) {
                    long t0 = System.nanoTime();
                    bytes = streamer.stream(job, format, ArchiveFilter.ALL, OutputStream.nullOutputStream()).bytesWritten();
                    best = Math.min(best, System.nanoTime() - t0);
                }
                print(out, "streamer " + format.value(), input, bytes, best);
            }
            for (List<String> args : List.of(List.of("-cf", "-"), List.of("-czf", "-"), List.of("-I", "gzip -1", "-cf", "-"))) {
                long best = Long.MAX_VALUE;
                long bytes = 0;
                for (int i = 0; i < RUNS; i++) {
                    long t0 = System.nanoTime();
                    bytes = systemTar(jobDir, args);
                    best = Math.min(best, System.nanoTime() - t0);
                }
                print(out, "system tar " + String.join(" ", args), input, bytes, best);
            }
        }
        out.flush();
    }

    private static void print(PrintWriter out, String what, long input, long output, long nanos) {
        double s = nanos / 1e9;
        out.printf("  %-28s %7.2f s  %8.1f MB/s  (archive %.1f MB)%n", what, s, input / 1e6 / s, output / 1e6);
    }

    /** Runs GNU tar on the job directory, reading and counting its standard output; returns the byte count. */
    private static long systemTar(Path jobDir, List<String> args) throws IOException, InterruptedException {
        List<String> command = new ArrayList<>(List.of("tar"));
        command.addAll(args);
        command.addAll(List.of("-C", jobDir.getParent().toString(), jobDir.getFileName().toString()));
        Process p = new ProcessBuilder(command).redirectError(ProcessBuilder.Redirect.INHERIT).start();
        long count = 0;
        byte[] buf = new byte[64 * 1024];
        try (InputStream in = p.getInputStream()) {
            for (int n; (n = in.read(buf)) > 0; ) {
                count += n;
            }
        }
        int rc = p.waitFor();
        if (rc != 0) {
            throw new IOException(String.join(" ", command) + " exited with " + rc);
        }
        return count;
    }

    /**
     * Writes a finished job of {@code frames} frames of random (incompressible, like PNG and
     * ZIP-compressed EXR) bytes: rgb.png and radiance.exr of the given sizes, meta.json listing them.
     */
    public static void generate(Path root, JobId job, int frames, int pngBytes, int exrBytes) throws IOException {
        DatasetLayout layout = new DatasetLayout(root);
        SplittableRandom random = new SplittableRandom(1);
        Files.createDirectories(layout.jobDir(job));
        Files.writeString(layout.jobJson(job), "{\"frames\": " + frames + "}\n");
        byte[] png = new byte[pngBytes];
        byte[] exr = new byte[exrBytes];
        for (int f = 0; f < frames; f++) {
            Files.createDirectories(layout.frameDir(job, f));
            random.nextBytes(png);
            random.nextBytes(exr);
            Files.write(layout.rgbPng(job, f), png);
            Files.write(layout.radianceExr(job, f), exr);
            Files.writeString(layout.metaJson(job, f), "{\"frame\": " + f + ", \"files\": [{\"name\": \"radiance.exr\", "
                    + "\"bytes\": " + exrBytes + "}, {\"name\": \"rgb.png\", \"bytes\": " + pngBytes + "}]}\n");
        }
    }

    private static List<JobId> jobs(DatasetLayout layout) throws IOException {
        Path jobs = layout.root().resolve("jobs");
        if (!Files.isDirectory(jobs)) {
            throw new IOException("no jobs/ directory under " + layout.root() + ": not a dataset root");
        }
        try (Stream<Path> s = Files.list(jobs)) {
            return s.filter(Files::isDirectory).map(p -> new JobId(p.getFileName().toString()))
                    .sorted(Comparator.comparing(JobId::value)).toList();
        }
    }

    private static long treeBytes(Path dir) throws IOException {
        try (Stream<Path> s = Files.walk(dir)) {
            return s.filter(Files::isRegularFile).mapToLong(p -> p.toFile().length()).sum();
        }
    }

    private static long fileCount(Path dir) throws IOException {
        try (Stream<Path> s = Files.walk(dir)) {
            return s.filter(Files::isRegularFile).count();
        }
    }

    private static void deleteTree(Path root) throws IOException {
        try (Stream<Path> s = Files.walk(root)) {
            for (Path p : s.sorted(Comparator.reverseOrder()).toList()) {
                Files.delete(p);
            }
        }
    }
}
