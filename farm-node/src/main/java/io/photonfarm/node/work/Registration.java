package io.photonfarm.node.work;

import io.photonfarm.api.node.NodeHello;
import io.photonfarm.api.node.NodeWelcome;
import java.lang.System.Logger.Level;
import java.util.function.BooleanSupplier;

/**
 * The node's registration with the coordinator: its id and timing, and registering again when the
 * coordinator forgot the node (404). Thread-safe; several threads noticing the same 404 register once.
 */
final class Registration {
    private static final System.Logger LOG = System.getLogger(Registration.class.getName());

    private final CoordinatorClient client;
    private final Retrier retrier;
    private final NodeHello hello;
    private final HeldLeases held;
    private volatile NodeWelcome current;

    Registration(CoordinatorClient client, Retrier retrier, NodeHello hello, HeldLeases held) {
        this.client = client;
        this.retrier = retrier;
        this.hello = hello;
        this.held = held;
    }

    /** Registers, retrying while the coordinator is away until {@code giveUp}. */
    synchronized NodeWelcome register(BooleanSupplier giveUp) throws InterruptedException {
        NodeWelcome w = retrier.call("registering node " + hello.name(), () -> client.register(hello), giveUp);
        current = w;
        LOG.log(Level.INFO, "node {0} registered as {1} on {2}: lease {3} ms, heartbeat {4} ms", hello.name(),
                w.nodeId(), hello.device().name(), w.leaseMillis(), w.heartbeatMillis());
        return w;
    }

    /**
     * Registers again because the coordinator answered 404 to {@code staleNodeId}. Every lease held
     * under the old id is marked lost: the coordinator has requeued or will requeue them.
     * Does nothing if another thread already registered again.
     */
    synchronized NodeWelcome reRegister(String staleNodeId, BooleanSupplier giveUp) throws InterruptedException {
        if (current != null && !current.nodeId().equals(staleNodeId)) {
            return current;
        }
        LOG.log(Level.WARNING, "node {0}: the coordinator does not know it (any more); dropping {1} held unit(s) "
                + "and registering again", staleNodeId, held.size());
        held.markAllLost();
        return register(giveUp);
    }

    /** The current registration, or null before the first. */
    NodeWelcome current() {
        return current;
    }

    String nodeId() {
        return current.nodeId();
    }
}
