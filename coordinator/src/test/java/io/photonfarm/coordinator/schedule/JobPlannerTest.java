package io.photonfarm.coordinator.schedule;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;

import io.photonfarm.api.job.JobId;
import io.photonfarm.api.job.JobLimits;
import io.photonfarm.api.job.JobSpec;
import io.photonfarm.api.job.JobSpecException;
import io.photonfarm.api.tile.TileRect;
import io.photonfarm.api.work.WorkUnit;
import io.photonfarm.api.work.WorkUnitKey;
import java.util.HashSet;
import java.util.List;
import java.util.Set;
import org.junit.jupiter.api.Test;

class JobPlannerTest {
    private final JobPlanner planner = new JobPlanner(JobLimits.DEFAULT);
    private final JobId job = new JobId("plan-1");

    /** width 100, height 70, tile 32: 4 x 3 tiles, the last column 4 px wide and the last row 6 px high. */
    private final JobSpec spec = new JobSpec("scene", 3, 100, 70, 10, 4, 9L, 32, 4, 0);

    @Test
    void everyPixelAndSampleOfEveryFrameIsCoveredExactlyOnce() {
        List<WorkUnit> units = planner.plan(job, spec);
        // coverage[frame][y][x][sample]: how many units render that sample of that pixel
        int[][][][] coverage = new int[spec.frames()][spec.height()][spec.width()][spec.spp()];
        for (WorkUnit u : units) {
            TileRect r = u.rect();
            assertTrue(r.fitsIn(spec.width(), spec.height()), u.toString());
            for (int y = r.y(); y < r.y() + r.height(); y++) {
                for (int x = r.x(); x < r.x() + r.width(); x++) {
                    for (int s = u.samples().first(); s < u.samples().end(); s++) {
                        coverage[u.key().frame()][y][x][s]++;
                    }
                }
            }
        }
        for (int f = 0; f < spec.frames(); f++) {
            for (int y = 0; y < spec.height(); y++) {
                for (int x = 0; x < spec.width(); x++) {
                    for (int s = 0; s < spec.spp(); s++) {
                        assertEquals(1, coverage[f][y][x][s], "frame " + f + " pixel " + x + "," + y + " sample " + s);
                    }
                }
            }
        }
        assertEquals(spec.workUnitCount(), units.size());
        Set<WorkUnitKey> keys = new HashSet<>();
        units.forEach(u -> assertTrue(keys.add(u.key()), "duplicate key " + u.key()));
    }

    @Test
    void tilesAreRowMajorAndEdgeTilesAreSmaller() {
        List<TileRect> firstRange = planner.plan(job, spec).stream()
                .filter(u -> u.key().frame() == 0 && u.key().rangeIndex() == 0).map(WorkUnit::rect).toList();
        assertEquals(List.of(
                new TileRect(0, 0, 32, 32), new TileRect(32, 0, 32, 32), new TileRect(64, 0, 32, 32), new TileRect(96, 0, 4, 32),
                new TileRect(0, 32, 32, 32), new TileRect(32, 32, 32, 32), new TileRect(64, 32, 32, 32), new TileRect(96, 32, 4, 32),
                new TileRect(0, 64, 32, 6), new TileRect(32, 64, 32, 6), new TileRect(64, 64, 32, 6), new TileRect(96, 64, 4, 6)),
                firstRange);
        List<Integer> tileIndices = planner.plan(job, spec).stream()
                .filter(u -> u.key().frame() == 0 && u.key().rangeIndex() == 0).map(u -> u.key().tileIndex()).toList();
        assertEquals(List.of(0, 1, 2, 3, 4, 5, 6, 7, 8, 9, 10, 11), tileIndices);
    }

    @Test
    void sppThatIsNotAMultipleOfSamplesPerUnitLeavesTheRemainderToTheLastRange() {
        List<String> ranges = planner.plan(job, spec).stream().filter(u -> u.key().frame() == 0 && u.key().tileIndex() == 0)
                .map(u -> u.key().rangeIndex() + ":" + u.samples().first() + "+" + u.samples().count()).toList();
        assertEquals(List.of("0:0+4", "1:4+4", "2:8+2"), ranges);
    }

    @Test
    void aTileLargerThanTheImageAndMoreSamplesPerUnitThanSppGiveOneUnitPerFrame() {
        List<WorkUnit> units = planner.plan(job, new JobSpec("scene", 2, 20, 10, 3, 1, 0, 64, 16, 0));
        assertEquals(2, units.size());
        assertEquals(new TileRect(0, 0, 20, 10), units.get(1).rect());
        assertEquals(3, units.get(1).samples().count());
    }

    @Test
    void anInvalidSpecIsRejectedBeforePlanning() {
        assertThrows(JobSpecException.class, () -> planner.plan(job, new JobSpec("scene", 1, 0, 10, 1, 1, 0, 8, 1, 0)));
    }
}
