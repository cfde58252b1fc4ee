package io.photonfarm.coordinator.schedule;

import com.hazelcast.cluster.MembershipEvent;
import com.hazelcast.cluster.MembershipListener;
import com.hazelcast.core.HazelcastInstance;
import java.util.UUID;
import java.util.concurrent.ExecutorService;
import java.util.concurrent.Executors;
import java.util.function.IntSupplier;

/**
 * Runs a queue-restoring sweep whenever a member leaves the cluster: a member that died between
 * polling a unit's key and claiming the unit took the key with it. Only the oldest member sweeps,
 * so the cluster sweeps once per departure; the sweep runs off Hazelcast's event thread.
 */
final class HzOrphanSweep implements MembershipListener, AutoCloseable {
    private static final System.Logger LOG = System.getLogger(HzOrphanSweep.class.getName());

    private final HazelcastInstance hz;
    private final IntSupplier sweep;
    private final ExecutorService executor;
    private final UUID registration;

    /** @param sweep restores lost queue entries and returns how many */
    HzOrphanSweep(HazelcastInstance hz, String name, IntSupplier sweep) {
        this.hz = hz;
        this.sweep = sweep;
        this.executor = Executors.newSingleThreadExecutor(r -> {
            Thread t = new Thread(r, "orphan-sweep-" + name);
            t.setDaemon(true);
            return t;
        });
        this.registration = hz.getCluster().addMembershipListener(this);
    }

    @Override
    public void memberAdded(MembershipEvent event) {
        // A new member brings no queue entries and loses none.
    }

    @Override
    public void memberRemoved(MembershipEvent event) {
        executor.execute(() -> {
            try {
                if (hz.getCluster().getMembers().iterator().next().localMember()) {
                    int pushed = sweep.getAsInt();
                    LOG.log(System.Logger.Level.INFO, "member {0} left; {1} lost queue entries restored",
                            event.getMember().getAddress(), pushed);
                }
            } catch (RuntimeException e) {
                LOG.log(System.Logger.Level.WARNING, "restoring queue entries after member "
                        + event.getMember().getAddress() + " left failed", e);
            }
        });
    }

    @Override
    public void close() {
        executor.shutdownNow();
        if (hz.getLifecycleService().isRunning()) {
            hz.getCluster().removeMembershipListener(registration);
        }
    }
}
