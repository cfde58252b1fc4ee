package io.photonfarm.coordinator.store;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertNull;
import static org.junit.jupiter.api.Assertions.assertThrows;

import io.photonfarm.api.job.JobId;
import io.photonfarm.coordinator.frames.FrameKey;
import java.nio.file.Path;
import java.sql.Connection;
import java.sql.DriverManager;
import java.sql.Statement;
import java.util.HashSet;
import java.util.List;
import java.util.Map;
import java.util.Set;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/** The JDBC map store on its own, against an H2 file. */
class JdbcMapStoreTest {
    /** A value type as a later version might have it: one field more than the stored rows. */
    record Spec(String scene, int frames) {
    }

    record SpecV2(String scene, int frames, String note) {
    }

    @TempDir
    Path dir;

    @Test
    void storedRowsLoadBackByKeyAndEveryKeyIsListed() {
        JdbcMapStore<FrameKey, Spec> store = new JdbcMapStore<>("farm.specs", Durability.h2(dir), FrameKey.class, Spec.class);
        store.createTable();
        FrameKey a = new FrameKey(new JobId("a"), 0);
        FrameKey b = new FrameKey(new JobId("b"), 7);
        store.store(a, new Spec("cornell", 1));
        store.storeAll(Map.of(b, new Spec("kitchen", 9), a, new Spec("cornell", 2)));
        assertEquals(new Spec("cornell", 2), store.load(a));
        assertEquals(Map.of(a, new Spec("cornell", 2), b, new Spec("kitchen", 9)), store.loadAll(List.of(a, b)));
        Set<FrameKey> keys = new HashSet<>();
        store.loadAllKeys().forEach(keys::add);
        assertEquals(Set.of(a, b), keys);
        store.delete(a);
        assertNull(store.load(a));
        store.deleteAll(List.of(b));
        assertEquals(Map.of(), store.loadAll(List.of(a, b)));
        store.destroy();
    }

    @Test
    void rowsWrittenByAnotherVersionOfTheValueClassStillLoad() {
        Durability durability = Durability.h2(dir);
        JdbcMapStore<String, SpecV2> newer = new JdbcMapStore<>("farm.specs", durability, String.class, SpecV2.class);
        newer.createTable();
        newer.store("x", new SpecV2("cornell", 3, "added later"));
        JdbcMapStore<String, Spec> older = new JdbcMapStore<>("farm.specs", durability, String.class, Spec.class);
        assertEquals(new Spec("cornell", 3), older.load("x"));
        older.store("y", new Spec("kitchen", 4));
        assertEquals(new SpecV2("kitchen", 4, null), newer.load("y"));
        newer.destroy();
        older.destroy();
    }

    @Test
    void aMalformedRowIsReportedWithItsMapAndTable() throws Exception {
        Durability durability = Durability.h2(dir);
        JdbcMapStore<String, Spec> store = new JdbcMapStore<>("farm.specs", durability, String.class, Spec.class);
        store.createTable();
        try (Connection c = DriverManager.getConnection(durability.jdbcUrl()); Statement s = c.createStatement()) {
            s.execute("INSERT INTO hz_farm_specs (k, v) VALUES ('\"z\"', 'not json')");
        }
        IllegalStateException e = assertThrows(IllegalStateException.class, () -> store.load("z"));
        assertEquals("map store farm.specs: decoding a Spec from table hz_farm_specs failed: not json", e.getMessage());
        store.destroy();
    }

    @Test
    void theDialectFollowsTheUrlAndThePasswordIsNeverPrinted() {
        assertEquals(SqlDialect.H2, Durability.h2(dir).dialect());
        Durability pg = new Durability("jdbc:postgresql://db/farm", "farm", "secret");
        assertEquals(SqlDialect.POSTGRESQL, pg.dialect());
        assertEquals("Durability[jdbc:postgresql://db/farm as farm]", pg.toString());
        assertEquals("INSERT INTO t (k, v) VALUES (?, ?) ON CONFLICT (k) DO UPDATE SET v = EXCLUDED.v",
                SqlDialect.POSTGRESQL.upsert("t"));
        assertThrows(IllegalArgumentException.class, () -> new Durability("jdbc:mysql://db/farm", "", ""));
        assertEquals(false, Durability.none().mapStoreConfig("m", String.class, String.class, WritePolicy.THROUGH).isEnabled());
    }
}
