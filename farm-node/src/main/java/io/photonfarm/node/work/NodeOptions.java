package io.photonfarm.node.work;

import java.net.URI;
import java.nio.file.Path;
import java.time.Duration;

/**
 * How a node reaches its coordinator and what it keeps.
 *
 * @param coordinator      the coordinator's base URL, e.g. {@code http://coordinator:7070} (the API lives under {@code /api/v1})
 * @param token            the bearer token every request carries
 * @param nodeName         a name for people, e.g. {@code render-07:4711}
 * @param claimWait        the longest one claim waits for work (long poll); the coordinator may cut it shorter
 * @param maxUnitsPerClaim the most units one claim may grant (the coordinator sizes batches; this only caps them)
 * @param sceneCacheSize   the most scenes kept loaded on the device at once (least recently used is closed first)
 * @param sceneCacheDir    where fetched scene files are kept, one folder per scene hash
 * @param stopGrace        after {@code stop()}, how long the node keeps trying to upload its last result and to
 *                         leave while the coordinator is away, before it gives up
 */
public record NodeOptions(URI coordinator, String token, String nodeName, Duration claimWait, int maxUnitsPerClaim,
        int sceneCacheSize, Path sceneCacheDir, Duration stopGrace) {
    public NodeOptions {
        if (coordinator == null || coordinator.getScheme() == null || coordinator.getHost() == null) {
            throw new IllegalArgumentException("node options: coordinator URL " + coordinator
                    + " must be absolute, e.g. http://coordinator:7070");
        }
        if (token == null || token.isBlank()) {
            throw new IllegalArgumentException("node options: a token must be set (the coordinator refuses calls without one)");
        }
        if (nodeName == null || nodeName.isBlank()) {
            throw new IllegalArgumentException("node options: node name must be set");
        }
        if (claimWait == null || claimWait.isNegative() || stopGrace == null || stopGrace.isNegative()) {
            throw new IllegalArgumentException("node options: claim wait " + claimWait + " and stop grace " + stopGrace
                    + " must be set and >= 0");
        }
        if (maxUnitsPerClaim < 1 || sceneCacheSize < 1 || sceneCacheDir == null) {
            throw new IllegalArgumentException("node options: max units per claim " + maxUnitsPerClaim
                    + " and scene cache size " + sceneCacheSize + " must be >= 1, scene cache folder set");
        }
    }

    /**
     * Options with the usual timing: claims wait up to 20 s, at most 64 units a claim, 4 scenes kept,
     * 30 s to finish up after {@code stop()}.
     */
    public static NodeOptions of(URI coordinator, String token, String nodeName, Path sceneCacheDir) {
        return new NodeOptions(coordinator, token, nodeName, Duration.ofSeconds(20), 64, 4, sceneCacheDir,
                Duration.ofSeconds(30));
    }

    public NodeOptions withClaimWait(Duration wait) {
        return new NodeOptions(coordinator, token, nodeName, wait, maxUnitsPerClaim, sceneCacheSize, sceneCacheDir,
                stopGrace);
    }

    public NodeOptions withStopGrace(Duration grace) {
        return new NodeOptions(coordinator, token, nodeName, claimWait, maxUnitsPerClaim, sceneCacheSize, sceneCacheDir,
                grace);
    }
}
