package io.photonfarm.node.work;

import io.photonfarm.api.work.LeaseRef;
import io.photonfarm.api.work.RenewReply;
import io.photonfarm.api.work.RenewRequest;
import io.photonfarm.api.work.WorkUnitKey;
import java.lang.System.Logger.Level;
import java.util.List;
import java.util.function.BooleanSupplier;
import java.util.function.Consumer;

/**
 * One renewal round, run every third of the lease time: extends every lease the node holds and
 * marks the units the coordinator says are lost, so the work loop skips them (or drops their
 * result). A round that fails is simply tried again at the next tick.
 */
final class LeaseRenewer implements Runnable {
    private static final System.Logger LOG = System.getLogger(LeaseRenewer.class.getName());

    private final CoordinatorClient client;
    private final Registration registration;
    private final HeldLeases held;
    private final Retrier retrier;
    private final Consumer<CoordinatorException.Unauthorized> fatal;
    private final BooleanSupplier stopping;

    LeaseRenewer(CoordinatorClient client, Registration registration, HeldLeases held, Retrier retrier,
            Consumer<CoordinatorException.Unauthorized> fatal, BooleanSupplier stopping) {
        this.client = client;
        this.registration = registration;
        this.held = held;
        this.retrier = retrier;
        this.fatal = fatal;
        this.stopping = stopping;
    }

    @Override
    public void run() {
        List<LeaseRef> leases = held.renewable();
        if (leases.isEmpty()) {
            return;
        }
        String nodeId = registration.nodeId();
        try {
            RenewReply reply = client.renew(nodeId, new RenewRequest(leases));
            retrier.noteSuccess();
            for (WorkUnitKey k : reply.lost()) {
                if (held.markLost(k)) {
                    LOG.log(Level.WARNING, "node {0}: lease on unit {1} lost (job {2} frame {3} tile {4} range {5}); "
                            + "abandoning it", nodeId, k, k.jobId(), k.frame(), k.tileIndex(), k.rangeIndex());
                }
            }
        } catch (CoordinatorException.Unavailable e) {
            retrier.noteUnavailable("renewing leases", e);
        } catch (CoordinatorException.UnknownNode e) {
            reRegister(nodeId);
        } catch (CoordinatorException.Unauthorized e) {
            fatal.accept(e);
        } catch (InterruptedException e) {
            Thread.currentThread().interrupt();
        } catch (RuntimeException e) {
            // A periodic task that throws is never run again: log and keep renewing.
            LOG.log(Level.WARNING, "node " + nodeId + ": renewing " + leases.size() + " lease(s) failed: " + e.getMessage(), e);
        }
    }

    private void reRegister(String nodeId) {
        try {
            registration.reRegister(nodeId, stopping);
        } catch (CoordinatorException.Unauthorized e) {
            fatal.accept(e);
        } catch (InterruptedException e) {
            Thread.currentThread().interrupt();
        } catch (RuntimeException e) {
            LOG.log(Level.WARNING, "node " + nodeId + ": registering again failed: " + e.getMessage(), e);
        }
    }
}
