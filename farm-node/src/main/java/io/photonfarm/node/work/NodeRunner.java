package io.photonfarm.node.work;

import io.photonfarm.api.node.NodeDevice;
import io.photonfarm.api.node.NodeHello;
import io.photonfarm.node.render.RenderBackend;
import java.lang.System.Logger.Level;
import java.time.Clock;
import java.time.Duration;
import java.time.Instant;
import java.util.concurrent.ThreadLocalRandom;

/**
 * The entry point of {@code farm node}: wires a {@link WorkLoop} for a backend and runs it on the
 * calling thread until it drains, is stopped or its token is refused.
 *
 * <pre>{@code
 * try (VulkanContext ctx = VulkanContext.create(devicePreference, false);
 *      VulkanBackend backend = new VulkanBackend(ctx, 0)) {
 *     int code = NodeRunner.run(NodeOptions.of(coordinatorUrl, token, nodeName, cacheDir), backend,
 *             NodeDevices.of(ctx));
 *     System.exit(code);
 * }
 * }</pre>
 *
 * It installs its own JVM shutdown hook, so SIGTERM (or Ctrl-C) makes the node finish and upload
 * the unit it is rendering, hand the rest of its batch back (leave), and exit: the launcher need not
 * install one. The hook waits at most {@link NodeOptions#stopGrace()} plus 10 s.
 */
public final class NodeRunner {
    private static final System.Logger LOG = System.getLogger(NodeRunner.class.getName());
    /**
     * How long a scene fetch keeps retrying while the coordinator is away before the unit is
     * reported failed: long enough for a coordinator restart, short enough not to sit on a batch.
     */
    static final Duration SCENE_FETCH_PATIENCE = Duration.ofMinutes(2);

    private NodeRunner() {
    }

    /**
     * Runs the node until it ends. The caller closes the backend afterwards.
     *
     * @return {@link WorkLoop#EXIT_OK} (0) after a stop or drain, {@link WorkLoop#EXIT_UNAUTHORIZED} (2) if the
     *         coordinator refused the token, {@link WorkLoop#EXIT_FAILED} (1) on anything unexpected (logged)
     */
    public static int run(NodeOptions options, RenderBackend backend, NodeDevice device) {
        return run(options, backend, device, loop -> { });
    }

    /**
     * {@link #run(NodeOptions, RenderBackend, NodeDevice)}, handing the loop to {@code started} before it
     * runs (benchmarks read its {@link WorkLoop#times()} and stop it with {@link WorkLoop#stop()}).
     */
    public static int run(NodeOptions options, RenderBackend backend, NodeDevice device,
            java.util.function.Consumer<WorkLoop> started) {
        Clock clock = Clock.systemUTC();
        CoordinatorClient client = CoordinatorClient.create(options.coordinator(), options.token());
        Retrier retrier = new Retrier(Backoff.standard(), d -> Thread.sleep(d.toMillis(), d.toNanosPart() % 1_000_000),
                () -> ThreadLocalRandom.current().nextDouble(), clock);
        SceneFiles files = new SceneFiles(options.sceneCacheDir(), hash -> {
            Instant giveUpAt = clock.instant().plus(SCENE_FETCH_PATIENCE);
            return retrier.call("fetching scene " + hash, () -> client.fetchScene(hash),
                    () -> !clock.instant().isBefore(giveUpAt));
        });
        NodeHello hello = new NodeHello(options.nodeName(), device, version());
        try (SceneCache scenes = new SceneCache(backend, files, options.sceneCacheSize())) {
            WorkLoop loop = new WorkLoop(client, new CachedSceneRenderer(backend, scenes), retrier, clock, options, hello);
            Thread hook = new Thread(() -> stopAndWait(loop, options), "node-shutdown");
            Runtime.getRuntime().addShutdownHook(hook);
            started.accept(loop);
            try {
                loop.run();
            } finally {
                removeHook(hook);
            }
            if (loop.exitCode() == WorkLoop.EXIT_UNAUTHORIZED) {
                System.err.println("farm node: the coordinator at " + options.coordinator()
                        + " refused the token (HTTP 401); check --token. " + loop.unauthorized().getMessage());
            }
            return loop.exitCode();
        }
    }

    private static void stopAndWait(WorkLoop loop, NodeOptions options) {
        loop.stop();
        try {
            if (!loop.awaitStopped(options.stopGrace().plusSeconds(10))) {
                LOG.log(Level.WARNING, "node did not stop within {0} s; exiting anyway",
                        options.stopGrace().plusSeconds(10).toSeconds());
            }
        } catch (InterruptedException e) {
            Thread.currentThread().interrupt();
        }
    }

    private static void removeHook(Thread hook) {
        try {
            Runtime.getRuntime().removeShutdownHook(hook);
        } catch (IllegalStateException shuttingDown) {
            // the JVM is already shutting down: the hook is running (or ran) and stopped the loop
        }
    }

    private static String version() {
        String v = NodeRunner.class.getPackage().getImplementationVersion();
        return v == null ? "dev" : v;
    }
}
