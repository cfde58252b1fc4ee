package io.photonfarm.coordinator;

import io.photonfarm.api.job.JobLimits;
import io.photonfarm.coordinator.assets.AssetLimits;
import io.photonfarm.coordinator.auth.Tokens;
import io.photonfarm.coordinator.cluster.ClusterSettings;
import io.photonfarm.coordinator.nodes.UnitSizer;
import io.photonfarm.coordinator.schedule.SchedulingPolicy;
import io.photonfarm.coordinator.store.Durability;
import io.photonfarm.coordinator.work.WorkTiming;
import java.nio.file.Path;

/**
 * How one coordinator runs.
 *
 * @param httpHost    the interface the HTTP API listens on
 * @param httpPort    its port (0 picks a free one)
 * @param dataDir     where datasets, uploaded assets (and the embedded database, by default) live; coordinators of one
 *                    cluster must share it (a shared file system), since any of them may write any frame
 * @param cluster     the Hazelcast member settings
 * @param backupCount synchronous backups of every Hazelcast structure (1 survives losing one coordinator)
 * @param durability  where job and tile state outlive the cluster
 * @param tokens      the bearer tokens accepted
 * @param limits      the bounds on submitted jobs
 * @param timing      lease, heartbeat and long-poll timing of the node protocol
 * @param policy      retries and exclusions
 * @param sizer       how claims are sized to a node's throughput
 * @param assets      the bounds on uploaded assets
 */
public record CoordinatorSettings(String httpHost, int httpPort, Path dataDir, ClusterSettings cluster, int backupCount,
        Durability durability, Tokens tokens, JobLimits limits, WorkTiming timing, SchedulingPolicy policy,
        UnitSizer sizer, AssetLimits assets) {

    /** Prefix of every Hazelcast structure of the farm. */
    public static final String NAMESPACE = "farm";

    public CoordinatorSettings {
        if (httpHost == null || httpHost.isBlank() || httpPort < 0 || httpPort > 65_535 || dataDir == null
                || cluster == null || backupCount < 0 || durability == null || tokens == null || limits == null
                || timing == null || policy == null || sizer == null || assets == null) {
            throw new IllegalArgumentException("coordinator settings: every setting must be given, port in 0..65535");
        }
    }

    /** Settings with the default asset limits. */
    public CoordinatorSettings(String httpHost, int httpPort, Path dataDir, ClusterSettings cluster, int backupCount,
            Durability durability, Tokens tokens, JobLimits limits, WorkTiming timing, SchedulingPolicy policy,
            UnitSizer sizer) {
        this(httpHost, httpPort, dataDir, cluster, backupCount, durability, tokens, limits, timing, policy, sizer,
                AssetLimits.DEFAULT);
    }

    /** These settings with other asset limits. */
    public CoordinatorSettings withAssets(AssetLimits a) {
        return new CoordinatorSettings(httpHost, httpPort, dataDir, cluster, backupCount, durability, tokens, limits, timing,
                policy, sizer, a);
    }
}
