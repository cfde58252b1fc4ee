package io.photonfarm.coordinator.store;

/**
 * The few SQL statements that differ between the databases the farm stores its state in. Each map
 * gets one table of two columns: {@code k} (the key's JSON text, primary key) and {@code v} (the
 * value's JSON text).
 */
public enum SqlDialect {
    /** H2 2.x, the embedded default. */
    H2("VARCHAR(1000000)") {
        @Override
        String upsert(String table) {
            return "MERGE INTO " + table + " (k, v) KEY (k) VALUES (?, ?)";
        }
    },
    /** PostgreSQL 9.5 and later (for {@code ON CONFLICT}). */
    POSTGRESQL("TEXT") {
        @Override
        String upsert(String table) {
            return "INSERT INTO " + table + " (k, v) VALUES (?, ?) ON CONFLICT (k) DO UPDATE SET v = EXCLUDED.v";
        }
    };

    private final String textType;

    SqlDialect(String textType) {
        this.textType = textType;
    }

    /** The dialect a JDBC URL names, e.g. {@code jdbc:h2:file:...} or {@code jdbc:postgresql://...}. */
    public static SqlDialect of(String jdbcUrl) {
        if (jdbcUrl.startsWith("jdbc:h2:")) {
            return H2;
        }
        if (jdbcUrl.startsWith("jdbc:postgresql:")) {
            return POSTGRESQL;
        }
        throw new IllegalArgumentException("JDBC URL '" + jdbcUrl + "': only jdbc:h2: and jdbc:postgresql: are supported");
    }

    String createTable(String table) {
        return "CREATE TABLE IF NOT EXISTS " + table + " (k VARCHAR(1000) PRIMARY KEY, v " + textType + " NOT NULL)";
    }

    /** Inserts or replaces one row; parameters: key, value. */
    abstract String upsert(String table);
}
