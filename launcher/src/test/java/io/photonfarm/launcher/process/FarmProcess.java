package io.photonfarm.launcher.process;

import java.io.IOException;
import java.io.UncheckedIOException;
import java.net.ServerSocket;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Duration;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.concurrent.TimeUnit;
import java.util.regex.Matcher;
import java.util.regex.Pattern;

/**
 * One {@code farm} subcommand running in its own JVM, started from the test's class path, with its
 * stdout and stderr going to a log file whose tail a failing test prints. {@link #close()} kills it.
 */
final class FarmProcess implements AutoCloseable {
    /** The access Hazelcast asks for on Java 17, as in coordinator/pom.xml's surefire argLine. */
    static final List<String> HAZELCAST_ACCESS = List.of("--add-modules", "java.se",
            "--add-exports", "java.base/jdk.internal.ref=ALL-UNNAMED",
            "--add-opens", "java.base/java.lang=ALL-UNNAMED",
            "--add-opens", "java.base/sun.nio.ch=ALL-UNNAMED",
            "--add-opens", "java.management/sun.management=ALL-UNNAMED",
            "--add-opens", "jdk.management/com.sun.management.internal=ALL-UNNAMED");

    /** The farm's own INFO lines (registration, outages, frames written), Hazelcast's warnings only. */
    private static final String LOGGING = """
            handlers=java.util.logging.ConsoleHandler
            .level=WARNING
            io.photonfarm.level=INFO
            java.util.logging.ConsoleHandler.level=ALL
            java.util.logging.SimpleFormatter.format=%1$tT.%1$tL %4$s %3$s: %5$s%6$s%n
            """;

    private final String name;
    private final Process process;
    private final Path log;
    private final Path workDir;

    private FarmProcess(String name, Process process, Path log, Path workDir) {
        this.name = name;
        this.process = process;
        this.log = log;
        this.workDir = workDir;
    }

    /**
     * Starts {@code farm <args>} in a child JVM.
     *
     * @param name    for logs and messages ("coordinator", "node-a")
     * @param workDir its working directory; the log ({@code <name>.log}) and LWJGL's natives go there too
     * @param env     extra environment variables
     */
    static FarmProcess start(String name, Path workDir, Map<String, String> env, String... args) {
        try {
            Files.createDirectories(workDir);
            // One directory per process: LWJGL extracts its natives there, and two JVMs extracting into
            // the same directory at once could overwrite a library the other one has mapped.
            Path natives = Files.createDirectories(workDir.resolve(name + "-natives"));
            Path log = workDir.resolve(name + ".log");
            Path logging = workDir.resolve("logging.properties");
            if (!Files.exists(logging)) {
                Files.writeString(logging, LOGGING);
            }
            List<String> command = new ArrayList<>();
            command.add(Path.of(System.getProperty("java.home"), "bin", "java").toString());
            command.add("-Xmx1g");
            command.add("-XX:+UseSerialGC");
            command.add("-XX:ErrorFile=" + workDir.resolve(name + "-hs_err_%p.log"));
            command.add("-Dorg.lwjgl.system.SharedLibraryExtractPath=" + natives);
            command.add("-Dhazelcast.phone.home.enabled=false");
            command.add("-Djava.util.logging.config.file=" + logging);
            command.addAll(HAZELCAST_ACCESS);
            command.add("-cp");
            command.add(System.getProperty("java.class.path"));
            command.add("io.photonfarm.launcher.Farm");
            command.addAll(List.of(args));
            ProcessBuilder pb = new ProcessBuilder(command).directory(workDir.toFile()).redirectErrorStream(true)
                    .redirectOutput(log.toFile());
            pb.environment().remove("PHOTONFARM_TOKEN");
            pb.environment().remove("PHOTONFARM_NODE_TOKEN");
            pb.environment().putAll(env);
            return new FarmProcess(name, pb.start(), log, workDir);
        } catch (IOException e) {
            throw new UncheckedIOException("starting farm " + String.join(" ", args) + ": " + e.getMessage(), e);
        }
    }

    /** A TCP port nobody listens on right now (loopback). */
    static int freePort() {
        try (ServerSocket s = new ServerSocket(0, 1, java.net.InetAddress.getLoopbackAddress())) {
            s.setReuseAddress(true);
            return s.getLocalPort();
        } catch (IOException e) {
            throw new UncheckedIOException("finding a free port: " + e.getMessage(), e);
        }
    }

    String name() {
        return name;
    }

    Process process() {
        return process;
    }

    long pid() {
        return process.pid();
    }

    boolean isAlive() {
        return process.isAlive();
    }

    /** Everything it printed so far. */
    String output() {
        try {
            return Files.readString(log, StandardCharsets.UTF_8);
        } catch (IOException e) {
            return "(no log: " + e.getMessage() + ")";
        }
    }

    /** The last {@code lines} lines it printed, headed by its name, for failure messages. */
    String tail(int lines) {
        List<String> all = output().lines().toList();
        return "---- " + name + " (pid " + process.pid() + (process.isAlive() ? ", running" : ", exit "
                + process.exitValue()) + "), last " + Math.min(lines, all.size()) + " of " + all.size() + " lines ----\n"
                + String.join("\n", all.subList(Math.max(0, all.size() - lines), all.size())) + crashReport();
    }

    /** The summary and stacks of the JVM's fatal error log, if it crashed in native code. */
    private String crashReport() {
        Path report = workDir.resolve(name + "-hs_err_" + process.pid() + ".log");
        if (!Files.exists(report)) {
            return "";
        }
        try {
            List<String> lines = Files.readAllLines(report, StandardCharsets.ISO_8859_1);
            StringBuilder b = new StringBuilder("\n---- " + report.getFileName() + " (excerpt) ----\n");
            boolean inStack = false;
            int kept = 0;
            for (String line : lines) {
                if (line.startsWith("Native frames") || line.startsWith("Java frames") || line.startsWith("siginfo")
                        || line.startsWith("Current thread")) {
                    inStack = true;
                }
                if (inStack && kept < 120) {
                    b.append(line).append('\n');
                    kept++;
                }
                if (line.isBlank()) {
                    inStack = false;
                }
            }
            return b.toString();
        } catch (IOException e) {
            return "\n(could not read " + report + ": " + e.getMessage() + ")";
        }
    }

    /**
     * Waits until its output matches {@code regex}, and returns the first group (or the whole match).
     *
     * @throws AssertionError if it exits or the deadline passes first
     */
    String awaitOutput(String regex, Duration timeout) throws InterruptedException {
        Pattern p = Pattern.compile(regex);
        long deadline = System.nanoTime() + timeout.toNanos();
        while (true) {
            Matcher m = p.matcher(output());
            if (m.find()) {
                return m.groupCount() > 0 ? m.group(1) : m.group();
            }
            if (!process.isAlive()) {
                throw new AssertionError(name + " exited with " + process.exitValue() + " before printing /" + regex
                        + "/\n" + tail(60));
            }
            if (System.nanoTime() > deadline) {
                throw new AssertionError(name + " did not print /" + regex + "/ within " + timeout.toSeconds() + " s\n"
                        + tail(60));
            }
            Thread.sleep(100);
        }
    }

    /** Sends SIGKILL and waits for the exit; returns the exit value (137 on Linux). */
    int kill() throws InterruptedException {
        process.destroyForcibly();
        if (!process.waitFor(30, TimeUnit.SECONDS)) {
            throw new AssertionError(name + " still alive 30 s after SIGKILL");
        }
        return process.exitValue();
    }

    /** Sends SIGTERM; returns the exit value, or empty if it did not exit within {@code timeout}. */
    java.util.OptionalInt terminate(Duration timeout) throws InterruptedException {
        process.destroy();
        return process.waitFor(timeout.toMillis(), TimeUnit.MILLISECONDS) ? java.util.OptionalInt.of(process.exitValue())
                : java.util.OptionalInt.empty();
    }

    /** Kills it (and anything it started) if it still runs. */
    @Override
    public void close() {
        process.descendants().forEach(ProcessHandle::destroyForcibly);
        process.destroyForcibly();
        try {
            process.waitFor(30, TimeUnit.SECONDS);
        } catch (InterruptedException e) {
            Thread.currentThread().interrupt();
        }
    }

    @Override
    public String toString() {
        return name + " (pid " + process.pid() + ")";
    }
}
