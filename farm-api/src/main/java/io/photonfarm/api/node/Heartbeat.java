package io.photonfarm.api.node;

/**
 * A node's periodic report ({@code POST /api/v1/nodes/{nodeId}/heartbeat}).
 *
 * @param activity          what it is doing
 * @param currentUnit       the unit it is rendering, as {@code job/frame/tile/range}, or null
 * @param samplesPerSecond  its measured throughput over recent units, pixel samples per second (0 before the first)
 * @param unitsDone         units it completed since it started
 * @param unitsFailed       units it reported as failed since it started
 */
public record Heartbeat(NodeActivity activity, String currentUnit, double samplesPerSecond, long unitsDone,
        long unitsFailed) {
    public Heartbeat {
        if (activity == null) {
            throw new IllegalArgumentException("heartbeat: activity must be set");
        }
        if (!(samplesPerSecond >= 0) || Double.isInfinite(samplesPerSecond) || unitsDone < 0 || unitsFailed < 0) {
            throw new IllegalArgumentException("heartbeat: samples/s " + samplesPerSecond + ", units done " + unitsDone
                    + ", failed " + unitsFailed + ": must be finite and >= 0");
        }
    }
}
