package io.photonfarm.api.job;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertSame;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;

import com.fasterxml.jackson.databind.ObjectMapper;
import java.util.List;
import java.util.function.UnaryOperator;
import org.junit.jupiter.api.Test;

class JobSpecTest {
    private static final JobSpec GOOD = new JobSpec("scenes/cornell.json", 10, 640, 480, 256, 8, 42L, 64, 64, 5);

    private static JobSpec with(UnaryOperator<Object[]> change) {
        Object[] f = {GOOD.sceneRef(), GOOD.frames(), GOOD.width(), GOOD.height(), GOOD.spp(), GOOD.maxBounces(),
                GOOD.seed(), GOOD.tileSize(), GOOD.samplesPerUnit(), GOOD.priority()};
        f = change.apply(f);
        return new JobSpec((String) f[0], (int) f[1], (int) f[2], (int) f[3], (int) f[4], (int) f[5], (long) f[6],
                (int) f[7], (int) f[8], (int) f[9]);
    }

    private static JobSpec set(int index, Object value) {
        return with(f -> {
            f[index] = value;
            return f;
        });
    }

    private static void assertRejected(JobSpec spec, String field, String value, String limit) {
        JobSpecException e = assertThrows(JobSpecException.class, () -> spec.validate(JobLimits.DEFAULT));
        assertEquals(1, e.violations().size(), e.getMessage());
        JobSpecException.Violation v = e.violations().get(0);
        assertEquals(field, v.field());
        assertEquals(value, v.value());
        assertEquals(limit, v.limit());
        assertTrue(e.getMessage().contains(field) && e.getMessage().contains(value) && e.getMessage().contains(limit),
                e.getMessage());
    }

    @Test
    void aSaneSpecPassesAndCountsItsWorkUnits() {
        assertSame(GOOD, GOOD.validate(JobLimits.DEFAULT));
        assertEquals(10, GOOD.tilesAcross());
        assertEquals(8, GOOD.tilesDown());
        assertEquals(4, GOOD.rangesPerTile());
        assertEquals(10L * 80 * 4, GOOD.workUnitCount());
    }

    @Test
    void eachNumericFieldOutOfRangeIsNamedWithItsValueAndLimit() {
        assertRejected(set(1, 0), "frames", "0", "1..1000000");
        assertRejected(set(1, 1_000_001), "frames", "1000001", "1..1000000");
        assertRejected(set(2, 0), "width", "0", "1..16384");
        assertRejected(set(2, 16_385), "width", "16385", "1..16384");
        assertRejected(set(3, -1), "height", "-1", "1..16384");
        assertRejected(set(4, 0), "spp", "0", "1..1048576");
        assertRejected(set(4, 2_000_000), "spp", "2000000", "1..1048576");
        assertRejected(set(5, -1), "maxBounces", "-1", "0..1024");
        assertRejected(set(7, 4), "tileSize", "4", "8..4096");
        assertRejected(set(7, 8192), "tileSize", "8192", "8..4096");
        assertRejected(set(8, 0), "samplesPerUnit", "0", "1..1048576");
        assertRejected(set(9, 10), "priority", "10", "0..9");
        assertRejected(set(9, -1), "priority", "-1", "0..9");
    }

    @Test
    void aMissingBlankOrOverlongSceneReferenceIsRejected() {
        assertRejected(set(0, null), "sceneRef", "null", "1..1024 characters, not blank");
        assertRejected(set(0, "  "), "sceneRef", "'  '", "1..1024 characters, not blank");
        assertRejected(set(0, "x".repeat(1025)), "sceneRef", "1025 characters", "1..1024 characters, not blank");
    }

    @Test
    void tooManyWorkUnitsIsRejectedWithTheProductSpelledOut() {
        JobSpec huge = new JobSpec("s", 1000, 4096, 4096, 1024, 8, 1, 64, 8, 0);
        JobSpecException e = assertThrows(JobSpecException.class, () -> huge.validate(JobLimits.DEFAULT));
        JobSpecException.Violation v = e.violations().get(0);
        assertEquals("workUnits", v.field());
        assertTrue(v.value().startsWith("524288000 (1000 frames x 4096 tiles x 128 sample ranges)"), v.value());
        assertTrue(v.limit().startsWith("at most 1000000"), v.limit());
    }

    @Test
    void everyBadFieldIsReportedAtOnce() {
        JobSpec bad = new JobSpec("", 0, 0, 0, 0, -1, 0, 0, 0, 99);
        JobSpecException e = assertThrows(JobSpecException.class, () -> bad.validate(JobLimits.DEFAULT));
        assertEquals(List.of("sceneRef", "frames", "width", "height", "spp", "maxBounces", "tileSize", "samplesPerUnit",
                "priority"), e.violations().stream().map(JobSpecException.Violation::field).toList());
    }

    @Test
    void customLimitsApply() {
        JobLimits small = new JobLimits(256, 10, 64, 4, 16, 128, 2, 1000, 64);
        JobSpecException e = assertThrows(JobSpecException.class, () -> GOOD.validate(small));
        assertEquals(List.of("width", "height", "spp", "maxBounces", "priority"),
                e.violations().stream().map(JobSpecException.Violation::field).toList());
    }

    @Test
    void theSpecRoundTripsThroughJsonWithThePlainFieldNames() throws Exception {
        ObjectMapper json = new ObjectMapper();
        String text = json.writeValueAsString(GOOD);
        assertTrue(text.contains("\"samplesPerUnit\":64"), text);
        assertEquals(GOOD, json.readValue(text, JobSpec.class));
    }

    @Test
    void aJobIdIsAPlainJsonStringAndRefusesUnsafeCharacters() throws Exception {
        ObjectMapper json = new ObjectMapper();
        assertEquals("\"job-1\"", json.writeValueAsString(new JobId("job-1")));
        assertEquals(new JobId("a.b_c-9"), json.readValue("\"a.b_c-9\"", JobId.class));
        for (String bad : new String[] {"", "../etc", "a/b", "-lead", "x".repeat(65), "sp ace"}) {
            IllegalArgumentException e = assertThrows(IllegalArgumentException.class, () -> new JobId(bad));
            assertTrue(e.getMessage().contains("job id"), e.getMessage());
        }
    }
}
