package io.photonfarm.launcher;

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
        System.exit(commandLine().execute(args));
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
