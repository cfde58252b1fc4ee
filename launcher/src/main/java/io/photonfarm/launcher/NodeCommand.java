package io.photonfarm.launcher;

import io.photonfarm.node.render.VulkanBackend;
import io.photonfarm.node.vulkan.VulkanContext;
import io.photonfarm.node.work.NodeDevices;
import io.photonfarm.node.work.NodeOptions;
import io.photonfarm.node.work.NodeRunner;
import java.net.URI;
import java.net.URISyntaxException;
import java.nio.file.Path;
import java.util.concurrent.Callable;
import picocli.CommandLine.Command;
import picocli.CommandLine.Model.CommandSpec;
import picocli.CommandLine.Option;
import picocli.CommandLine.Spec;

/** Runs one render node against a coordinator until SIGTERM, a drain request or a refused token. */
@Command(name = "node", description = "Run a render node: claim tiles from a coordinator, render them on a Vulkan device, send them back.")
final class NodeCommand implements Callable<Integer> {
    @Option(names = "--coordinator", required = true, description = "The coordinator's URL, e.g. http://coordinator:7070.")
    String coordinator;
    @Option(names = "--token", description = "The node token (default: $" + CoordinatorOptions.NODE_TOKEN_ENV + ", else $"
            + CoordinatorOptions.TOKEN_ENV + "). Prefer the environment: arguments are visible to other users.")
    String token;
    @Option(names = "--name", description = "A name for people (default: host:pid).")
    String name;
    @Option(names = "--device", description = "Device: index or part of a name (see 'farm devices').")
    String device;
    @Option(names = "--cache", defaultValue = "node-cache", description = "Where fetched scenes are kept (default: ${DEFAULT-VALUE}).")
    Path cache;

    @Spec
    CommandSpec spec;

    @Override
    public Integer call() {
        URI uri = uri(coordinator);
        String t = token(token);
        try (VulkanContext ctx = VulkanContext.create(device, false);
             VulkanBackend backend = new VulkanBackend(ctx, 0)) {
            spec.commandLine().getErr().println("node on " + backend.deviceDescription() + ", coordinator " + uri);
            return NodeRunner.run(NodeOptions.of(uri, t, name == null ? defaultName() : name, cache), backend,
                    NodeDevices.of(ctx));
        }
    }

    static URI uri(String text) {
        try {
            URI uri = new URI(text);
            if (uri.getScheme() == null || uri.getHost() == null || !(uri.getScheme().equals("http") || uri.getScheme().equals("https"))) {
                throw new IllegalArgumentException("--coordinator: '" + text + "' is not an http(s) URL like http://host:7070");
            }
            return uri;
        } catch (URISyntaxException e) {
            throw new IllegalArgumentException("--coordinator: '" + text + "' is not a URL: " + e.getMessage());
        }
    }

    static String token(String given) {
        String t = given != null ? given : System.getenv(CoordinatorOptions.NODE_TOKEN_ENV);
        t = t != null && !t.isBlank() ? t : System.getenv(CoordinatorOptions.TOKEN_ENV);
        if (t == null || t.isBlank()) {
            throw new IllegalArgumentException("no token: pass --token or set " + CoordinatorOptions.NODE_TOKEN_ENV
                    + " (the coordinator printed it when it started)");
        }
        return t;
    }

    static String defaultName() {
        String host = System.getenv("HOSTNAME");
        if (host == null || host.isBlank()) {
            try {
                host = java.net.InetAddress.getLocalHost().getHostName();
            } catch (java.net.UnknownHostException e) {
                host = "node";
            }
        }
        return host + ":" + ProcessHandle.current().pid();
    }
}
