package io.photonfarm.coordinator.schedule;

import java.util.Arrays;
import java.util.Objects;

/**
 * The stored scheduling state of one job. Immutable; changed only where the entry lives.
 *
 * @param status        where the job is in its life
 * @param priority      higher-priority jobs are served first
 * @param order         cluster-unique, roughly time-ordered; among equal priorities older jobs go first
 * @param units         how many work units the job has
 * @param error         why the job failed, or null
 * @param nodes         nodes that failed at least one unit of this job
 * @param nodeFailures  how many units each of {@code nodes} failed, index by index
 * @param lastNodeError the message of the latest unit failure, or null
 */
public record JobState(JobStatus status, int priority, long order, int units, String error, String[] nodes,
        int[] nodeFailures, String lastNodeError) {

    public JobState {
        nodes = nodes == null ? new String[0] : nodes.clone();
        nodeFailures = nodeFailures == null ? new int[0] : nodeFailures.clone();
        if (nodes.length != nodeFailures.length) {
            throw new IllegalArgumentException("job state: " + nodes.length + " nodes but " + nodeFailures.length
                    + " failure counts");
        }
    }

    public static JobState running(int priority, long order, int units) {
        return new JobState(JobStatus.RUNNING, priority, order, units, null, new String[0], new int[0], null);
    }

    @Override
    public String[] nodes() {
        return nodes.clone();
    }

    @Override
    public int[] nodeFailures() {
        return nodeFailures.clone();
    }

    /** How many units of this job {@code node} failed. */
    public int failuresOf(String node) {
        int i = Arrays.asList(nodes).indexOf(node);
        return i < 0 ? 0 : nodeFailures[i];
    }

    JobState withNodeFailure(String node, String message) {
        int i = Arrays.asList(nodes).indexOf(node);
        String[] n = nodes;
        int[] f = nodeFailures;
        if (i < 0) {
            i = n.length;
            n = Arrays.copyOf(n, i + 1);
            f = Arrays.copyOf(f, i + 1);
            n[i] = node;
        } else {
            f = f.clone();
        }
        f[i]++;
        return new JobState(status, priority, order, units, error, n, f, message);
    }

    JobState withStatus(JobStatus next) {
        return new JobState(next, priority, order, units, error, nodes, nodeFailures, lastNodeError);
    }

    JobState withPriority(int next) {
        return new JobState(status, next, order, units, error, nodes, nodeFailures, lastNodeError);
    }

    JobState failed(String why) {
        return new JobState(JobStatus.FAILED, priority, order, units, why, nodes, nodeFailures, lastNodeError);
    }

    JobState completed() {
        return new JobState(JobStatus.COMPLETED, priority, order, units, null, nodes, nodeFailures, lastNodeError);
    }

    @Override
    public boolean equals(Object o) {
        return o instanceof JobState s && status == s.status && priority == s.priority && order == s.order
                && units == s.units && Objects.equals(error, s.error) && Arrays.equals(nodes, s.nodes)
                && Arrays.equals(nodeFailures, s.nodeFailures) && Objects.equals(lastNodeError, s.lastNodeError);
    }

    @Override
    public int hashCode() {
        return Objects.hash(status, priority, order, units, Arrays.hashCode(nodes));
    }

    @Override
    public String toString() {
        return "JobState[" + status + " priority " + priority + " units " + units + " node failures "
                + Arrays.toString(nodes) + "=" + Arrays.toString(nodeFailures) + (error == null ? "" : " error: " + error)
                + "]";
    }
}
