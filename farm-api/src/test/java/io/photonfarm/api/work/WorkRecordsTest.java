package io.photonfarm.api.work;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertThrows;

import com.fasterxml.jackson.databind.ObjectMapper;
import io.photonfarm.api.job.JobId;
import io.photonfarm.api.tile.SampleRange;
import io.photonfarm.api.tile.TileRect;
import org.junit.jupiter.api.Test;

class WorkRecordsTest {
    private final WorkUnitKey key = new WorkUnitKey(new JobId("job-1"), 3, 5, 0);

    @Test
    void aKeyPrintsAsJobFrameTileRange() {
        assertEquals("job-1/3/5/0", key.toString());
        assertThrows(IllegalArgumentException.class, () -> new WorkUnitKey(new JobId("j"), -1, 0, 0));
    }

    @Test
    void anAssignmentRoundTripsThroughJson() throws Exception {
        Assignment a = new Assignment(new Lease(key, 4, "node-a", 1_000_000L),
                new WorkUnit(key, new TileRect(64, 0, 32, 64), new SampleRange(16, 16)));
        ObjectMapper json = new ObjectMapper();
        String text = json.writeValueAsString(a);
        assertEquals(a, json.readValue(text, Assignment.class));
    }

    @Test
    void anAssignmentWhoseLeaseNamesAnotherUnitIsRefused() {
        WorkUnitKey other = new WorkUnitKey(new JobId("job-1"), 3, 5, 1);
        assertThrows(IllegalArgumentException.class, () -> new Assignment(new Lease(other, 1, "n", 0),
                new WorkUnit(key, new TileRect(0, 0, 8, 8), new SampleRange(0, 1))));
    }
}
