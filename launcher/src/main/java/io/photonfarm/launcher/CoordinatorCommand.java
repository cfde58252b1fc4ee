package io.photonfarm.launcher;

import io.photonfarm.coordinator.Coordinator;
import io.photonfarm.coordinator.CoordinatorSettings;
import java.io.PrintWriter;
import java.util.concurrent.Callable;
import java.util.concurrent.CountDownLatch;
import picocli.CommandLine.Command;
import picocli.CommandLine.Mixin;
import picocli.CommandLine.Model.CommandSpec;
import picocli.CommandLine.Spec;

/** Runs one coordinator until SIGTERM or Ctrl-C. */
@Command(name = "coordinator", description = "Run a coordinator: the HTTP API, farm state and dataset writing.")
final class CoordinatorCommand implements Callable<Integer> {
    @Mixin
    CoordinatorOptions options;
    @Spec
    CommandSpec spec;

    @Override
    public Integer call() throws InterruptedException {
        CoordinatorSettings settings = options.settings();
        PrintWriter out = spec.commandLine().getOut();
        Coordinator coordinator = Coordinator.start(settings);
        Greeting.print(out, coordinator, options.generatedToken);
        CountDownLatch stopped = new CountDownLatch(1);
        Runtime.getRuntime().addShutdownHook(new Thread(() -> {
            coordinator.close();
            stopped.countDown();
        }, "coordinator-shutdown"));
        stopped.await();
        return 0;
    }
}
