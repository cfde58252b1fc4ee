package io.photonfarm.api.farm;

import io.photonfarm.api.node.NodeView;
import java.util.List;

/**
 * The whole farm at one instant ({@code GET /api/v1/farm}, and the {@code farm} server-sent event
 * the dashboard lives on).
 *
 * @param atMillis          when it was taken, epoch milliseconds (UTC)
 * @param nodes             every node the farm knows, including lost and departed ones
 * @param nodesActive       nodes neither gone nor lost
 * @param jobs              the newest jobs (at most {@link #MAX_JOBS}) and every unfinished one, newest first
 * @param unitsQueued       work units waiting for a node, over every job
 * @param unitsLeased       work units being rendered, over every job
 * @param samplesPerSecond  the sum of the active nodes' last reported throughput, pixel samples per second
 * @param framesPerMinute   frames written over the last minute
 * @param history           throughput over the last minutes, oldest first, one point per sampling period
 */
public record FarmStatus(long atMillis, List<NodeView> nodes, int nodesActive, List<JobProgress> jobs,
        long unitsQueued, long unitsLeased, double samplesPerSecond, double framesPerMinute, List<ThroughputPoint> history) {
    /** The most finished jobs a status lists (unfinished ones are always listed). */
    public static final int MAX_JOBS = 20;

    public FarmStatus {
        nodes = List.copyOf(nodes);
        jobs = List.copyOf(jobs);
        history = List.copyOf(history);
    }

    /** The same status without its history (what each live event carries; a client keeps its own). */
    public FarmStatus withoutHistory() {
        return new FarmStatus(atMillis, nodes, nodesActive, jobs, unitsQueued, unitsLeased, samplesPerSecond,
                framesPerMinute, List.of());
    }
}
