package io.photonfarm.launcher;

import io.photonfarm.api.job.JobId;
import io.photonfarm.coordinator.archive.ArchiveBenchmark;
import java.io.IOException;
import java.io.PrintWriter;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.Comparator;
import java.util.concurrent.Callable;
import java.util.stream.Stream;
import picocli.CommandLine.Command;
import picocli.CommandLine.Model.CommandSpec;
import picocli.CommandLine.Option;
import picocli.CommandLine.Parameters;
import picocli.CommandLine.Spec;

/**
 * {@code farm bench archive [DATASET_ROOT]}: archive streaming throughput (tar, tar.gz, zip) next to
 * the system's tar of the same job directories; see {@link ArchiveBenchmark}.
 */
@Command(name = "archive", mixinStandardHelpOptions = true, description = "Benchmark archive streaming (tar, tar.gz, zip) against the system tar.")
final class ArchiveBench implements Callable<Integer> {
    @Parameters(arity = "0..1", paramLabel = "DATASET_ROOT",
            description = "A dataset root holding jobs/<id>/ (default: generate one in a temporary directory and delete it).")
    Path root;
    @Option(names = "--frames", defaultValue = "50", description = "Frames of the generated job (default: ${DEFAULT-VALUE}).")
    int frames;
    @Option(names = "--png-mb", defaultValue = "4", description = "MiB of random bytes per generated rgb.png (default: ${DEFAULT-VALUE}).")
    int pngMiB;
    @Option(names = "--exr-mb", defaultValue = "6", description = "MiB of random bytes per generated radiance.exr (default: ${DEFAULT-VALUE}).")
    int exrMiB;
    @Option(names = "--work-dir", description = "Where to generate the data (default: the system temporary directory).")
    Path workDir;

    @Spec
    CommandSpec spec;

    @Override
    public Integer call() throws IOException, InterruptedException {
        PrintWriter out = spec.commandLine().getOut();
        if (root != null) {
            out.println("dataset root: " + root.toAbsolutePath());
            ArchiveBenchmark.run(root, out);
            return 0;
        }
        Limits.check("--frames", frames, 1, 10_000);
        Limits.check("--png-mb", pngMiB, 0, 256);
        Limits.check("--exr-mb", exrMiB, 0, 256);
        Path dir = workDir == null ? Files.createTempDirectory("photonfarm-archive-bench")
                : Files.createTempDirectory(workDir, "photonfarm-archive-bench");
        try {
            out.printf("generating %d frames of random bytes (png %d MiB + exr %d MiB each) under %s%n", frames, pngMiB,
                    exrMiB, dir);
            out.flush();
            ArchiveBenchmark.generate(dir, new JobId("bench"), frames, pngMiB << 20, exrMiB << 20);
            ArchiveBenchmark.run(dir, out);
        } finally {
            try (Stream<Path> s = Files.walk(dir)) {
                for (Path p : s.sorted(Comparator.reverseOrder()).toList()) {
                    Files.delete(p);
                }
            }
        }
        return 0;
    }
}
