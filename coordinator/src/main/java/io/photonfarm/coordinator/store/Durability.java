package io.photonfarm.coordinator.store;

import com.hazelcast.config.MapConfig;
import com.hazelcast.config.MapStoreConfig;
import java.nio.file.Path;
import java.util.Properties;

/**
 * Where the coordinators keep the state that must outlive them: a JDBC database reached through a
 * Hazelcast {@link com.hazelcast.map.MapStore} per map ({@link JdbcMapStore}). The open-source
 * Hazelcast has no persistence of its own; without this, a whole-cluster restart forgets every job.
 *
 * <p>H2 (embedded, one file under the data directory) is the default and is on the classpath.
 * PostgreSQL ({@code jdbc:postgresql://host/db}) is for farms with several coordinator machines, which
 * cannot share an H2 file; its driver {@code org.postgresql:postgresql} ships with the coordinator.
 * Another database needs its driver on the classpath and a {@link SqlDialect}.
 *
 * <p>Any map can be made durable the same way, before its first use on each member:
 * <pre>{@code
 * config.addMapConfig(new MapConfig("farm.specs")
 *         .setMapStoreConfig(durability.mapStoreConfig("farm.specs", JobId.class, JobSpec.class, WritePolicy.THROUGH)));
 * }</pre>
 * Keys and values are stored as Jackson JSON, so they must be Jackson-readable (records are).
 *
 * @param jdbcUrl  {@code jdbc:h2:...}, {@code jdbc:postgresql:...}, or {@code none}: nothing is stored
 *                 and state lives only as long as some member does (tests, throw-away farms)
 * @param user     database user; empty for embedded H2
 * @param password database password; empty for embedded H2. Travels inside the Hazelcast map
 *                 configuration to every member (keep the cluster port private, as for everything else)
 */
public record Durability(String jdbcUrl, String user, String password) {
    private static final String NONE = "none";

    public Durability {
        if (jdbcUrl == null || jdbcUrl.isBlank()) {
            throw new IllegalArgumentException("durability: JDBC URL must be set (or 'none')");
        }
        if (!jdbcUrl.equals(NONE)) {
            SqlDialect.of(jdbcUrl);
        }
        user = user == null ? "" : user;
        password = password == null ? "" : password;
    }

    /** Nothing is stored: state lives in the members' memory only. */
    public static Durability none() {
        return new Durability(NONE, "", "");
    }

    /**
     * An embedded H2 database in {@code <dataDir>/state/farm.mv.db}. {@code DB_CLOSE_ON_EXIT=FALSE}
     * keeps the database open until Hazelcast's shutdown has flushed its write-behind queues;
     * {@code WRITE_DELAY=0} makes H2 write every commit to the file at once (its default holds commits
     * in memory for up to 500 ms, which a killed process would lose).
     */
    public static Durability h2(Path dataDir) {
        Path file = dataDir.resolve("state").resolve("farm").toAbsolutePath();
        return new Durability("jdbc:h2:file:" + file + ";DB_CLOSE_ON_EXIT=FALSE;WRITE_DELAY=0", "", "");
    }

    public boolean enabled() {
        return !jdbcUrl.equals(NONE);
    }

    public SqlDialect dialect() {
        if (!enabled()) {
            throw new IllegalStateException("durability 'none' has no SQL dialect");
        }
        return SqlDialect.of(jdbcUrl);
    }

    /**
     * The map store configuration that keeps map {@code mapName} in table
     * {@link JdbcMapStore#tableName(String) hz_<mapName>}, loaded EAGERly (every row when the map is
     * first used on a member, so queries and queue rebuilding see every entry), or a disabled
     * configuration if durability is {@code none}. The store is named by class and properties, not by
     * an instance, so the configuration can be added at run time and travels to every member.
     */
    public MapStoreConfig mapStoreConfig(String mapName, Class<?> keyType, Class<?> valueType, WritePolicy policy) {
        MapStoreConfig config = new MapStoreConfig().setEnabled(enabled());
        if (!enabled()) {
            return config;
        }
        Properties p = new Properties();
        p.setProperty(JdbcMapStoreFactory.URL, jdbcUrl);
        p.setProperty(JdbcMapStoreFactory.USER, user);
        p.setProperty(JdbcMapStoreFactory.PASSWORD, password);
        p.setProperty(JdbcMapStoreFactory.KEY_TYPE, keyType.getName());
        p.setProperty(JdbcMapStoreFactory.VALUE_TYPE, valueType.getName());
        return config.setFactoryClassName(JdbcMapStoreFactory.class.getName())
                .setProperties(p)
                .setInitialLoadMode(MapStoreConfig.InitialLoadMode.EAGER)
                .setWriteDelaySeconds(policy.delaySeconds())
                .setWriteBatchSize(policy.writeThrough() ? 1 : 1_000)
                .setWriteCoalescing(true);
    }

    /** Sets {@link #mapStoreConfig} on {@code map} if durability is enabled; returns {@code map}. */
    public MapConfig apply(MapConfig map, Class<?> keyType, Class<?> valueType, WritePolicy policy) {
        return enabled() ? map.setMapStoreConfig(mapStoreConfig(map.getName(), keyType, valueType, policy)) : map;
    }

    /** Hides the password: settings get logged. */
    @Override
    public String toString() {
        return "Durability[" + jdbcUrl + (user.isEmpty() ? "" : " as " + user) + "]";
    }
}
