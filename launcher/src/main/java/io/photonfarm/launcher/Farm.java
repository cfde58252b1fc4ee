package io.photonfarm.launcher;

import java.io.ByteArrayInputStream;
import java.io.IOException;
import java.io.UncheckedIOException;
import java.nio.charset.StandardCharsets;
import java.util.logging.LogManager;
import picocli.CommandLine;
import picocli.CommandLine.Command;

/** The {@code farm} command. Subcommands do the work; this only dispatches and sets exit codes. */
@Command(name = "farm", mixinStandardHelpOptions = true, version = "PhotonFarm 0.1.0",
        description = "PhotonFarm: path-traced synthetic training data with pixel-perfect labels.",
        subcommands = {UpCommand.class, CoordinatorCommand.class, NodeCommand.class, RenderCommand.class, DevicesCommand.class,
                BenchCommand.class})
public final class Farm implements Runnable {

    @CommandLine.Spec
    CommandLine.Model.CommandSpec spec;

    @Override
    public void run() {
        spec.commandLine().usage(System.out);
    }

    public static void main(String[] args) {
        configureLogging();
        System.exit(commandLine().execute(args));
    }

    /**
     * One line per record (time, level, message), and the libraries' start-up chatter (Hazelcast,
     * Jetty, Javalin) kept to warnings, so what PhotonFarm says is readable. A logging configuration
     * file given with {@code -Djava.util.logging.config.file} wins.
     */
    static void configureLogging() {
        if (System.getProperty("java.util.logging.config.file") != null) {
            return;
        }
        String config = String.join("\n",
                "handlers=java.util.logging.ConsoleHandler",
                ".level=INFO",
                "java.util.logging.ConsoleHandler.level=ALL",
                "java.util.logging.SimpleFormatter.format=%1$tT %4$s %5$s%6$s%n",
                "com.hazelcast.level=WARNING",
                "org.eclipse.jetty.level=WARNING",
                "io.javalin.level=WARNING",
                "");
        try {
            LogManager.getLogManager().readConfiguration(new ByteArrayInputStream(config.getBytes(StandardCharsets.ISO_8859_1)));
        } catch (IOException e) {
            throw new UncheckedIOException("configuring logging", e);
        }
    }

    /** The configured command line (also used by tests, which call {@code execute} in-process). */
    public static CommandLine commandLine() {
        CommandLine cl = new CommandLine(new Farm());
        cl.setExecutionExceptionHandler((ex, cmd, parsed) -> {
            cmd.getErr().println("farm " + cmd.getCommandName() + ": " + describe(ex));
            return ex instanceof IllegalArgumentException || ex instanceof java.io.IOException ? 2 : 1;
        });
        return cl;
    }

    private static String describe(Throwable ex) {
        String msg = ex.getMessage();
        return msg == null || msg.isBlank() ? ex.getClass().getSimpleName() : msg;
    }
}
