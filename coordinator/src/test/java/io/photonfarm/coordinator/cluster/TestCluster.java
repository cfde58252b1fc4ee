package io.photonfarm.coordinator.cluster;

import com.hazelcast.core.HazelcastInstance;
import java.io.IOException;
import java.io.UncheckedIOException;
import java.net.InetAddress;
import java.net.ServerSocket;
import java.util.ArrayList;
import java.util.List;
import java.util.UUID;

/**
 * Hazelcast members in this JVM on free loopback ports, in a cluster of their own (a random name),
 * so tests never join another build's members on this machine.
 */
public final class TestCluster implements AutoCloseable {
    private final List<HazelcastInstance> members = new ArrayList<>();

    public TestCluster(int size) {
        String name = "test-" + UUID.randomUUID();
        List<String> addresses = new ArrayList<>();
        for (int i = 0; i < size; i++) {
            members.add(startMember(name, addresses));
        }
        if (members.get(0).getCluster().getMembers().size() != size) {
            close();
            throw new IllegalStateException("test cluster: " + size + " members started but "
                    + members.get(0).getCluster().getMembers().size() + " joined");
        }
    }

    /**
     * Starts a member on a free port that knows the members before it (a joiner needs only the
     * master's address). A port found free can be taken by another process before the member binds
     * it, so a failed start is retried on another port.
     */
    private static HazelcastInstance startMember(String name, List<String> addresses) {
        RuntimeException last = null;
        for (int attempt = 0; attempt < 5; attempt++) {
            int port = freePort();
            List<String> known = new ArrayList<>(addresses);
            known.add("127.0.0.1:" + port);
            try {
                HazelcastInstance member = HazelcastMembers.start(new ClusterSettings(name, "127.0.0.1", port, known, 31, "jdk"));
                addresses.add("127.0.0.1:" + port);
                return member;
            } catch (RuntimeException e) {
                last = e;
            }
        }
        throw new IllegalStateException("test cluster " + name + ": no member started in 5 attempts", last);
    }

    public HazelcastInstance member(int index) {
        return members.get(index);
    }

    public int size() {
        return members.size();
    }

    @Override
    public void close() {
        for (HazelcastInstance m : members) {
            if (m.getLifecycleService().isRunning()) {
                m.getLifecycleService().terminate();
            }
        }
    }

    private static int freePort() {
        try (ServerSocket socket = new ServerSocket(0, 1, InetAddress.getLoopbackAddress())) {
            return socket.getLocalPort();
        } catch (IOException e) {
            throw new UncheckedIOException("finding a free port for a test cluster member", e);
        }
    }
}
