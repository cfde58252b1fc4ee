package io.photonfarm.node.work;

import io.photonfarm.api.node.HeartbeatReply;
import java.lang.System.Logger.Level;
import java.util.function.BooleanSupplier;
import java.util.function.Consumer;

/**
 * One heartbeat, sent every {@code heartbeatMillis}: activity, current unit, throughput, counts.
 * A reply asking to drain is passed to the work loop; a 404 means the coordinator lost the node,
 * which then registers again and carries on.
 */
final class HeartbeatSender implements Runnable {
    private static final System.Logger LOG = System.getLogger(HeartbeatSender.class.getName());

    private final CoordinatorClient client;
    private final Registration registration;
    private final NodeStats stats;
    private final Retrier retrier;
    private final Runnable drain;
    private final Consumer<CoordinatorException.Unauthorized> fatal;
    private final BooleanSupplier stopping;

    HeartbeatSender(CoordinatorClient client, Registration registration, NodeStats stats, Retrier retrier,
            Runnable drain, Consumer<CoordinatorException.Unauthorized> fatal, BooleanSupplier stopping) {
        this.client = client;
        this.registration = registration;
        this.stats = stats;
        this.retrier = retrier;
        this.drain = drain;
        this.fatal = fatal;
        this.stopping = stopping;
    }

    @Override
    public void run() {
        String nodeId = registration.nodeId();
        try {
            HeartbeatReply reply = client.heartbeat(nodeId, stats.heartbeat());
            retrier.noteSuccess();
            if (reply.drain()) {
                drain.run();
            }
        } catch (CoordinatorException.Unavailable e) {
            retrier.noteUnavailable("sending a heartbeat", e);
        } catch (CoordinatorException.UnknownNode e) {
            try {
                registration.reRegister(nodeId, stopping);
            } catch (InterruptedException ie) {
                Thread.currentThread().interrupt();
            } catch (CoordinatorException.Unauthorized ue) {
                fatal.accept(ue);
            } catch (RuntimeException re) {
                LOG.log(Level.WARNING, "node " + nodeId + ": registering again failed: " + re.getMessage(), re);
            }
        } catch (CoordinatorException.Unauthorized e) {
            fatal.accept(e);
        } catch (InterruptedException e) {
            Thread.currentThread().interrupt();
        } catch (RuntimeException e) {
            // A periodic task that throws is never run again: log and keep beating.
            LOG.log(Level.WARNING, "node " + nodeId + ": heartbeat failed: " + e.getMessage(), e);
        }
    }
}
