package io.photonfarm.coordinator.store;

import com.fasterxml.jackson.core.JsonProcessingException;
import com.fasterxml.jackson.databind.DeserializationFeature;
import com.fasterxml.jackson.databind.ObjectMapper;
import com.hazelcast.core.HazelcastInstance;
import com.hazelcast.map.MapLoaderLifecycleSupport;
import com.hazelcast.map.MapStore;
import java.sql.Connection;
import java.sql.PreparedStatement;
import java.sql.ResultSet;
import java.sql.SQLException;
import java.sql.Statement;
import java.util.ArrayList;
import java.util.Collection;
import java.util.HashMap;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import java.util.Properties;

/**
 * A Hazelcast {@link MapStore} keeping one map in one table of a JDBC database: column {@code k}
 * holds the key and {@code v} the value, both as Jackson JSON text. JSON rather than Java or
 * Hazelcast serialization so that a stored row survives the class changing: fields added later
 * read as their defaults, fields removed are ignored. The table ({@code hz_} and the map name with
 * every character other than a letter or digit replaced by {@code _}) is created if missing.
 *
 * <p>Keys must serialize to the same JSON every time (records and strings do) and to at most 1,000
 * characters. Errors surface as {@link IllegalStateException} naming the map and the operation;
 * Hazelcast then fails the map operation (write-through) or retries the batch (write-behind).
 *
 * @param <K> key type, read and written with Jackson
 * @param <V> value type, read and written with Jackson
 */
public final class JdbcMapStore<K, V> implements MapStore<K, V>, MapLoaderLifecycleSupport {
    private static final int IN_LIST = 500;
    private static final int IDLE_CONNECTIONS = 8;

    private final String mapName;
    private final String table;
    private final SqlDialect dialect;
    private final ConnectionPool pool;
    private final Class<K> keyType;
    private final Class<V> valueType;
    private final ObjectMapper json = new ObjectMapper()
            .configure(DeserializationFeature.FAIL_ON_UNKNOWN_PROPERTIES, false);

    /** Opens nothing yet; the table is created by {@link #init} (or {@link #createTable} outside Hazelcast). */
    public JdbcMapStore(String mapName, Durability durability, Class<K> keyType, Class<V> valueType) {
        if (!durability.enabled()) {
            throw new IllegalArgumentException("map store for " + mapName + ": durability is 'none'");
        }
        this.mapName = mapName;
        this.table = tableName(mapName);
        this.dialect = durability.dialect();
        this.pool = new ConnectionPool(durability.jdbcUrl(), durability.user(), durability.password(), IDLE_CONNECTIONS);
        this.keyType = keyType;
        this.valueType = valueType;
    }

    /** The table a map is stored in. */
    public static String tableName(String mapName) {
        return "hz_" + mapName.toLowerCase(Locale.ROOT).replaceAll("[^a-z0-9]", "_");
    }

    @Override
    public void init(HazelcastInstance hz, Properties properties, String name) {
        createTable();
    }

    /** Creates the table if it does not exist. */
    public void createTable() {
        run("creating table " + table, c -> {
            try (Statement s = c.createStatement()) {
                s.execute(dialect.createTable(table));
            }
            return null;
        });
    }

    @Override
    public void destroy() {
        pool.close();
    }

    @Override
    public void store(K key, V value) {
        run("storing " + key, c -> {
            try (PreparedStatement s = c.prepareStatement(dialect.upsert(table))) {
                s.setString(1, encode(key));
                s.setString(2, encode(value));
                s.executeUpdate();
            }
            return null;
        });
    }

    @Override
    public void storeAll(Map<K, V> entries) {
        if (entries.isEmpty()) {
            return;
        }
        run("storing " + entries.size() + " entries", c -> inTransaction(c, () -> {
            try (PreparedStatement s = c.prepareStatement(dialect.upsert(table))) {
                for (Map.Entry<K, V> e : entries.entrySet()) {
                    s.setString(1, encode(e.getKey()));
                    s.setString(2, encode(e.getValue()));
                    s.addBatch();
                }
                s.executeBatch();
            }
        }));
    }

    @Override
    public void delete(K key) {
        deleteAll(List.of(key));
    }

    @Override
    public void deleteAll(Collection<K> keys) {
        if (keys.isEmpty()) {
            return;
        }
        run("deleting " + keys.size() + " entries", c -> inTransaction(c, () -> {
            try (PreparedStatement s = c.prepareStatement("DELETE FROM " + table + " WHERE k = ?")) {
                for (K key : keys) {
                    s.setString(1, encode(key));
                    s.addBatch();
                }
                s.executeBatch();
            }
        }));
    }

    @Override
    public V load(K key) {
        return loadAll(List.of(key)).get(key);
    }

    @Override
    public Map<K, V> loadAll(Collection<K> keys) {
        List<String> encoded = keys.stream().map(this::encode).toList();
        return run("loading " + keys.size() + " entries", c -> {
            Map<K, V> found = new HashMap<>();
            for (int from = 0; from < encoded.size(); from += IN_LIST) {
                List<String> chunk = encoded.subList(from, Math.min(encoded.size(), from + IN_LIST));
                String sql = "SELECT k, v FROM " + table + " WHERE k IN (" + "?,".repeat(chunk.size() - 1) + "?)";
                try (PreparedStatement s = c.prepareStatement(sql)) {
                    for (int i = 0; i < chunk.size(); i++) {
                        s.setString(i + 1, chunk.get(i));
                    }
                    try (ResultSet rows = s.executeQuery()) {
                        while (rows.next()) {
                            found.put(decode(rows.getString(1), keyType), decode(rows.getString(2), valueType));
                        }
                    }
                }
            }
            return found;
        });
    }

    /** Every key in the table: Hazelcast loads them all when the map is first used (EAGER). */
    @Override
    public Iterable<K> loadAllKeys() {
        return run("listing keys", c -> {
            List<K> keys = new ArrayList<>();
            try (Statement s = c.createStatement(); ResultSet rows = s.executeQuery("SELECT k FROM " + table)) {
                while (rows.next()) {
                    keys.add(decode(rows.getString(1), keyType));
                }
            }
            return keys;
        });
    }

    private String encode(Object o) {
        try {
            return json.writeValueAsString(o);
        } catch (JsonProcessingException e) {
            throw new IllegalStateException("map store " + mapName + ": encoding " + o + " as JSON failed", e);
        }
    }

    private <T> T decode(String text, Class<T> type) {
        try {
            return json.readValue(text, type);
        } catch (JsonProcessingException e) {
            throw new IllegalStateException("map store " + mapName + ": decoding a " + type.getSimpleName()
                    + " from table " + table + " failed: " + text, e);
        }
    }

    private interface SqlWork<T> {
        T apply(Connection c) throws SQLException;
    }

    private interface SqlAction {
        void run() throws SQLException;
    }

    private <T> T run(String what, SqlWork<T> work) {
        Connection c = null;
        boolean healthy = false;
        try {
            c = pool.borrow();
            T result = work.apply(c);
            healthy = true;
            return result;
        } catch (SQLException e) {
            throw new IllegalStateException("map store " + mapName + ": " + what + " in table " + table + " failed: "
                    + e.getMessage(), e);
        } finally {
            if (c != null) {
                giveBack(c, healthy);
            }
        }
    }

    private void giveBack(Connection c, boolean healthy) {
        if (!healthy) {
            pool.discard(c);
            return;
        }
        try {
            pool.release(c);
        } catch (SQLException e) {
            pool.discard(c);
        }
    }

    private static Void inTransaction(Connection c, SqlAction action) throws SQLException {
        c.setAutoCommit(false);
        try {
            action.run();
            c.commit();
        } catch (SQLException | RuntimeException e) {
            c.rollback();
            throw e;
        } finally {
            c.setAutoCommit(true);
        }
        return null;
    }
}
