package io.photonfarm.coordinator.cluster;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertTrue;

import com.hazelcast.config.Config;
import com.hazelcast.config.JoinConfig;
import java.util.List;
import org.junit.jupiter.api.Test;

class HazelcastMembersTest {

    @Test
    void theConfigJoinsOnlyListedMembersOnTheBoundInterfaceWithoutDelay() {
        Config c = HazelcastMembers.config(new ClusterSettings("farm-a", "127.0.0.1", 5801,
                List.of("127.0.0.1:5801", "127.0.0.1:5802"), 271, "none"));
        assertEquals("farm-a", c.getClusterName());
        JoinConfig join = c.getNetworkConfig().getJoin();
        assertFalse(join.getMulticastConfig().isEnabled());
        assertFalse(join.getAutoDetectionConfig().isEnabled());
        assertTrue(join.getTcpIpConfig().isEnabled());
        assertEquals(List.of("127.0.0.1:5801", "127.0.0.1:5802"), join.getTcpIpConfig().getMembers());
        assertEquals(5801, c.getNetworkConfig().getPort());
        assertFalse(c.getNetworkConfig().isPortAutoIncrement());
        assertEquals(List.of("127.0.0.1"), List.copyOf(c.getNetworkConfig().getInterfaces().getInterfaces()));
        assertEquals("false", c.getProperty("hazelcast.phone.home.enabled"));
        assertEquals("0", c.getProperty("hazelcast.wait.seconds.before.join"));
        assertEquals("0", c.getProperty("hazelcast.max.wait.seconds.before.join"));
        assertEquals("false", c.getProperty("hazelcast.socket.bind.any"));
    }
}
