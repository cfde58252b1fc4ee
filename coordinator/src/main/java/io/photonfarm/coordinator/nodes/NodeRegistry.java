package io.photonfarm.coordinator.nodes;

import io.photonfarm.api.node.Heartbeat;
import io.photonfarm.api.node.NodeActivity;
import io.photonfarm.api.node.NodeHello;
import io.photonfarm.api.node.NodeView;
import java.util.ArrayList;
import java.util.Comparator;
import java.util.List;
import java.util.Optional;
import java.util.UUID;
import java.util.concurrent.ConcurrentMap;

/**
 * The farm's nodes: who registered, what they last reported, who was asked to drain. Backed by
 * maps the caller provides (Hazelcast maps in a coordinator, so every coordinator sees every node).
 * A node that sends nothing for {@code lostAfterMillis} counts as lost.
 */
public final class NodeRegistry {
    private final ConcurrentMap<String, NodeRecord> nodes;
    private final ConcurrentMap<String, Boolean> drains;
    private final ConcurrentMap<String, Boolean> reportedLost;
    private final long lostAfterMillis;

    /**
     * @param nodes          node records by id
     * @param drains         ids of nodes asked to drain
     * @param reportedLost   ids of nodes whose loss was announced, so it is announced once farm-wide
     * @param lostAfterMillis silence after which a node counts as lost, milliseconds
     */
    public NodeRegistry(ConcurrentMap<String, NodeRecord> nodes, ConcurrentMap<String, Boolean> drains,
            ConcurrentMap<String, Boolean> reportedLost, long lostAfterMillis) {
        this.nodes = nodes;
        this.drains = drains;
        this.reportedLost = reportedLost;
        this.lostAfterMillis = lostAfterMillis;
    }

    /** Registers a node under a new id. */
    public NodeRecord register(NodeHello hello, long nowMillis) {
        String id = "node-" + UUID.randomUUID().toString().substring(0, 13).replace("-", "");
        NodeRecord record = new NodeRecord(id, hello, null, nowMillis, nowMillis, false);
        nodes.put(id, record);
        return record;
    }

    /**
     * Records a heartbeat.
     *
     * @return whether the node is asked to drain, or empty if the node is unknown (it must register again)
     */
    public Optional<Boolean> heartbeat(String nodeId, Heartbeat beat, long nowMillis) {
        NodeRecord record = nodes.get(nodeId);
        if (record == null) {
            return Optional.empty();
        }
        nodes.put(nodeId, record.seen(beat, nowMillis));
        return Optional.of(drains.containsKey(nodeId));
    }

    /** Marks a node as gone; returns its record, or empty if unknown. */
    public Optional<NodeRecord> leave(String nodeId, long nowMillis) {
        NodeRecord record = nodes.get(nodeId);
        if (record == null) {
            return Optional.empty();
        }
        NodeRecord gone = record.leaving(nowMillis);
        nodes.put(nodeId, gone);
        return Optional.of(gone);
    }

    /** Asks a node to drain; false if unknown. */
    public boolean drain(String nodeId) {
        if (!nodes.containsKey(nodeId)) {
            return false;
        }
        drains.put(nodeId, Boolean.TRUE);
        return true;
    }

    public Optional<NodeRecord> get(String nodeId) {
        return Optional.ofNullable(nodes.get(nodeId));
    }

    /**
     * Nodes that went silent and were not yet announced as lost; each is returned by exactly one call
     * farm-wide, so the caller announces it once.
     */
    public List<NodeRecord> newlyLost(long nowMillis) {
        List<NodeRecord> lost = new ArrayList<>();
        for (NodeRecord r : nodes.values()) {
            if (!r.left() && nowMillis - r.lastSeenAtMillis() > lostAfterMillis
                    && reportedLost.putIfAbsent(r.nodeId() + "@" + r.lastSeenAtMillis(), Boolean.TRUE) == null) {
                lost.add(r);
            }
        }
        return lost;
    }

    /** Every node, newest registration first. */
    public List<NodeView> views(long nowMillis) {
        List<NodeView> out = new ArrayList<>();
        for (NodeRecord r : nodes.values()) {
            out.add(view(r, nowMillis));
        }
        out.sort(Comparator.comparingLong(NodeView::registeredAtMillis).reversed().thenComparing(NodeView::nodeId));
        return out;
    }

    /** The throughput the node last reported, pixel samples per second, or 0 if unknown. */
    public double samplesPerSecond(String nodeId) {
        NodeRecord r = nodes.get(nodeId);
        return r == null || r.heartbeat() == null ? 0 : r.heartbeat().samplesPerSecond();
    }

    private NodeView view(NodeRecord r, long nowMillis) {
        boolean lost = !r.left() && nowMillis - r.lastSeenAtMillis() > lostAfterMillis;
        Heartbeat h = r.heartbeat();
        NodeActivity activity = r.left() || lost ? NodeActivity.GONE : h == null ? NodeActivity.IDLE : h.activity();
        return new NodeView(r.nodeId(), r.hello().name(), r.hello().device(), activity,
                h == null || activity == NodeActivity.GONE ? null : h.currentUnit(), h == null ? 0 : h.samplesPerSecond(),
                h == null ? 0 : h.unitsDone(), h == null ? 0 : h.unitsFailed(), r.registeredAtMillis(),
                r.lastSeenAtMillis(), drains.containsKey(r.nodeId()), lost);
    }
}
