package io.photonfarm.coordinator.cluster;

import java.util.List;

/**
 * How a coordinator joins its Hazelcast cluster. Members find each other only through the listed
 * addresses (no multicast, no cloud discovery), so a stray process can never join by accident.
 *
 * @param clusterName    members with another name refuse to join; use a fresh one per test
 * @param bindAddress    the interface to listen on, e.g. {@code 127.0.0.1}; keep the port private
 * @param port           this member's TCP port (no auto-increment: the address is exactly this)
 * @param members        {@code host:port} of every member, this one included
 * @param partitionCount Hazelcast partitions (271 in production; tests use fewer to migrate faster)
 * @param loggingType    Hazelcast's logging bridge: {@code jdk}, {@code slf4j} or {@code none}
 */
public record ClusterSettings(String clusterName, String bindAddress, int port, List<String> members,
        int partitionCount, String loggingType) {

    public ClusterSettings {
        if (clusterName == null || clusterName.isBlank() || bindAddress == null || bindAddress.isBlank()) {
            throw new IllegalArgumentException("cluster settings: cluster name and bind address must be set");
        }
        if (port < 1 || port > 65_535) {
            throw new IllegalArgumentException("cluster settings: port " + port + " out of range 1..65535");
        }
        if (partitionCount < 1) {
            throw new IllegalArgumentException("cluster settings: partition count " + partitionCount + " must be >= 1");
        }
        members = List.copyOf(members);
    }
}
