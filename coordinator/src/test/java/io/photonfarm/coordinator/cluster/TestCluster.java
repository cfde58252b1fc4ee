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
        List<Integer> ports = freePorts(size);
        List<String> addresses = ports.stream().map(p -> "127.0.0.1:" + p).toList();
        for (int port : ports) {
            members.add(HazelcastMembers.start(new ClusterSettings(name, "127.0.0.1", port, addresses, 31, "jdk")));
        }
        if (members.get(0).getCluster().getMembers().size() != size) {
            close();
            throw new IllegalStateException("test cluster: " + size + " members started but "
                    + members.get(0).getCluster().getMembers().size() + " joined");
        }
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

    private static List<Integer> freePorts(int count) {
        List<ServerSocket> sockets = new ArrayList<>();
        try {
            for (int i = 0; i < count; i++) {
                sockets.add(new ServerSocket(0, 1, InetAddress.getLoopbackAddress()));
            }
            return sockets.stream().map(ServerSocket::getLocalPort).toList();
        } catch (IOException e) {
            throw new UncheckedIOException("finding free ports for a test cluster", e);
        } finally {
            for (ServerSocket s : sockets) {
                try {
                    s.close();
                } catch (IOException ignored) {
                    // the port is free either way
                }
            }
        }
    }
}
