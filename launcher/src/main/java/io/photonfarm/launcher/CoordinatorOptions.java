package io.photonfarm.launcher;

import io.photonfarm.api.job.JobLimits;
import io.photonfarm.coordinator.CoordinatorSettings;
import io.photonfarm.coordinator.assets.AssetLimits;
import io.photonfarm.coordinator.auth.Tokens;
import io.photonfarm.coordinator.cluster.ClusterSettings;
import io.photonfarm.coordinator.nodes.UnitSizer;
import io.photonfarm.coordinator.schedule.SchedulingPolicy;
import io.photonfarm.coordinator.store.Durability;
import io.photonfarm.coordinator.work.WorkTiming;
import java.nio.file.Path;
import java.util.List;
import picocli.CommandLine.Option;

/** The options of a coordinator, shared by {@code farm coordinator} and {@code farm up}. */
final class CoordinatorOptions {
    static final String TOKEN_ENV = "PHOTONFARM_TOKEN";
    static final String NODE_TOKEN_ENV = "PHOTONFARM_NODE_TOKEN";

    @Option(names = "--host", defaultValue = "127.0.0.1", description = "Interface the HTTP API listens on (default: ${DEFAULT-VALUE}).")
    String host;
    @Option(names = "--port", defaultValue = "7070", description = "HTTP port (default: ${DEFAULT-VALUE}; 0 picks a free one).")
    int port;
    @Option(names = "--data", defaultValue = "farm-data", description = "Data directory: datasets and the embedded database (default: ${DEFAULT-VALUE}).")
    Path data;
    @Option(names = "--cluster-name", defaultValue = "photonfarm", description = "Hazelcast cluster name (default: ${DEFAULT-VALUE}).")
    String clusterName;
    @Option(names = "--cluster-host", defaultValue = "127.0.0.1", description = "Interface for cluster traffic; keep it private (default: ${DEFAULT-VALUE}).")
    String clusterHost;
    @Option(names = "--cluster-port", defaultValue = "5701", description = "Hazelcast port of this coordinator (default: ${DEFAULT-VALUE}).")
    int clusterPort;
    @Option(names = "--members", split = ",", description = "host:port of every coordinator of the cluster, this one included (default: this one alone).")
    List<String> members;
    @Option(names = "--backups", defaultValue = "1", description = "Synchronous backups of the farm state (default: ${DEFAULT-VALUE}).")
    int backups;
    @Option(names = "--jdbc-url", description = "Database for job and tile state, e.g. jdbc:postgresql://db/farm, or 'none' (default: H2 under --data).")
    String jdbcUrl;
    @Option(names = "--jdbc-user", defaultValue = "", description = "Database user.")
    String jdbcUser;
    @Option(names = "--jdbc-password-env", description = "Name of the environment variable holding the database password.")
    String jdbcPasswordEnv;
    @Option(names = "--token-env", defaultValue = TOKEN_ENV, description = "Environment variable with the client token (default: ${DEFAULT-VALUE}); a token is generated and printed when it is unset.")
    String tokenEnv;
    @Option(names = "--node-token-env", defaultValue = NODE_TOKEN_ENV, description = "Environment variable with the node token (default: ${DEFAULT-VALUE}; unset: the client token).")
    String nodeTokenEnv;
    @Option(names = "--lease-seconds", defaultValue = "30", description = "Lease duration; nodes renew at a third of it (default: ${DEFAULT-VALUE}).")
    int leaseSeconds;
    @Option(names = "--max-image-size", defaultValue = "16384", description = "Largest width and height of a job (default: ${DEFAULT-VALUE}).")
    int maxImageSize;
    @Option(names = "--max-frames", defaultValue = "1000000", description = "Most frames of a job (default: ${DEFAULT-VALUE}).")
    int maxFrames;
    @Option(names = "--max-spp", defaultValue = "1048576", description = "Most samples per pixel (default: ${DEFAULT-VALUE}).")
    int maxSpp;
    @Option(names = "--max-work-units", defaultValue = "1000000", description = "Most work units of a job (default: ${DEFAULT-VALUE}).")
    long maxWorkUnits;

    @Option(names = "--max-upload-mb", defaultValue = "256", description = "Largest asset upload, MiB (default: ${DEFAULT-VALUE}).")
    long maxUploadMb;
    @Option(names = "--max-asset-triangles", defaultValue = "2000000", description = "Most triangles of an uploaded mesh (default: ${DEFAULT-VALUE}).")
    long maxAssetTriangles;
    @Option(names = "--max-archive-entries", defaultValue = "1000", description = "Most entries of an uploaded archive (default: ${DEFAULT-VALUE}).")
    int maxArchiveEntries;
    @Option(names = "--max-unpacked-mb", defaultValue = "1024", description = "Most bytes an uploaded archive unpacks to, MiB (default: ${DEFAULT-VALUE}).")
    long maxUnpackedMb;

    /** Whether the token was generated (and must be shown to the user). */
    boolean generatedToken;

    CoordinatorSettings settings() {
        Limits.check("--port", port, 0, 65_535);
        Limits.check("--cluster-port", clusterPort, 1, 65_535);
        Limits.check("--backups", backups, 0, 6);
        Limits.check("--lease-seconds", leaseSeconds, 3, 3_600);
        String self = clusterHost + ":" + clusterPort;
        List<String> all = members == null || members.isEmpty() ? List.of(self) : members;
        ClusterSettings cluster = new ClusterSettings(clusterName, clusterHost, clusterPort, all, 271, "jdk");
        Durability durability = jdbcUrl == null ? Durability.h2(data)
                : new Durability(jdbcUrl, jdbcUser, jdbcPasswordEnv == null ? "" : System.getenv(jdbcPasswordEnv));
        JobLimits d = JobLimits.DEFAULT;
        JobLimits limits = new JobLimits(maxImageSize, maxFrames, maxSpp, d.maxBounces(), d.minTileSize(), d.maxTileSize(),
                d.maxPriority(), maxWorkUnits, d.maxSceneRefLength());
        WorkTiming timing = new WorkTiming(leaseSeconds * 1000L, WorkTiming.DEFAULT.heartbeatMillis(),
                WorkTiming.DEFAULT.maxClaimWaitMillis(), WorkTiming.DEFAULT.claimPollMillis(),
                WorkTiming.DEFAULT.lostAfterMillis());
        Limits.check("--max-upload-mb", maxUploadMb, 1, 1L << 20);
        Limits.check("--max-asset-triangles", maxAssetTriangles, 1, 1L << 31);
        Limits.check("--max-archive-entries", maxArchiveEntries, 1, 1_000_000);
        Limits.check("--max-unpacked-mb", maxUnpackedMb, 1, 1L << 24);
        AssetLimits assets = new AssetLimits(maxUploadMb << 20, maxAssetTriangles, maxArchiveEntries, maxUnpackedMb << 20);
        return new CoordinatorSettings(host, port, data, cluster, all.size() > 1 ? backups : 0, durability, tokens(), limits,
                timing, SchedulingPolicy.DEFAULT, UnitSizer.DEFAULT, assets);
    }

    private Tokens tokens() {
        String client = System.getenv(tokenEnv);
        String node = System.getenv(nodeTokenEnv);
        if (client == null || client.isBlank()) {
            generatedToken = true;
            Tokens t = Tokens.generate();
            return node == null || node.isBlank() ? t : new Tokens(t.clientToken(), node);
        }
        return new Tokens(client, node == null || node.isBlank() ? client : node);
    }
}
