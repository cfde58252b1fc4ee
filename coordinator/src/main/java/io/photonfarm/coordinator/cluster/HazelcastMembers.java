package io.photonfarm.coordinator.cluster;

import com.hazelcast.config.Config;
import com.hazelcast.config.JoinConfig;
import com.hazelcast.config.NetworkConfig;
import com.hazelcast.core.Hazelcast;
import com.hazelcast.core.HazelcastInstance;

/**
 * Builds the Hazelcast member configuration every coordinator uses: explicit TCP-IP members only,
 * bound to one interface, no phone-home, and no join delay (Hazelcast waits 5 s by default to
 * gather members, which only slows tests and single-coordinator farms down).
 */
public final class HazelcastMembers {
    private HazelcastMembers() {
    }

    public static Config config(ClusterSettings settings) {
        Config config = new Config();
        config.setClusterName(settings.clusterName());
        config.setInstanceName(settings.clusterName() + "@" + settings.port());
        config.setProperty("hazelcast.phone.home.enabled", "false");
        config.setProperty("hazelcast.logging.type", settings.loggingType());
        config.setProperty("hazelcast.wait.seconds.before.join", "0");
        config.setProperty("hazelcast.max.wait.seconds.before.join", "0");
        config.setProperty("hazelcast.partition.count", Integer.toString(settings.partitionCount()));
        // On a plain JVM exit, leave gracefully: a terminated member drops its map stores' write-behind queues.
        config.setProperty("hazelcast.shutdownhook.policy", "GRACEFUL");
        // Listen on the configured interface only, not on every address of the machine.
        config.setProperty("hazelcast.socket.bind.any", "false");

        NetworkConfig network = config.getNetworkConfig();
        network.setPort(settings.port()).setPortAutoIncrement(false);
        network.getInterfaces().setEnabled(true).addInterface(settings.bindAddress());
        JoinConfig join = network.getJoin();
        join.getMulticastConfig().setEnabled(false);
        join.getAutoDetectionConfig().setEnabled(false);
        join.getTcpIpConfig().setEnabled(true).setMembers(settings.members());
        return config;
    }

    /** Starts a member; the caller owns it and shuts it down. */
    public static HazelcastInstance start(ClusterSettings settings) {
        return Hazelcast.newHazelcastInstance(config(settings));
    }
}
