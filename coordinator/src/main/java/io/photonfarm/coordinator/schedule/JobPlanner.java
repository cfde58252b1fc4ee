package io.photonfarm.coordinator.schedule;

import io.photonfarm.api.job.JobId;
import io.photonfarm.api.job.JobLimits;
import io.photonfarm.api.job.JobSpec;
import io.photonfarm.api.tile.SampleRange;
import io.photonfarm.api.tile.TileRect;
import io.photonfarm.api.work.WorkUnit;
import io.photonfarm.api.work.WorkUnitKey;
import java.util.ArrayList;
import java.util.List;

/**
 * Expands a job into work units: every frame, cut into square tiles (row-major from the top-left;
 * tiles on the right and bottom edges are narrower or shorter), each tile's samples
 * {@code [0, spp)} cut into ranges of {@code samplesPerUnit} (the last range takes the remainder).
 */
public final class JobPlanner {
    private final JobLimits limits;

    public JobPlanner(JobLimits limits) {
        this.limits = limits;
    }

    /**
     * Plans a job after validating its spec.
     *
     * <p>Units come frame by frame, and within a frame sample range by sample range: the farm hands
     * them out in this order, so a frame gets its first samples everywhere before any tile gets
     * its second range, and a preview of the whole frame sharpens progressively.
     *
     * @throws io.photonfarm.api.job.JobSpecException if the spec breaks the limits
     */
    public List<WorkUnit> plan(JobId jobId, JobSpec spec) {
        spec.validate(limits);
        int across = spec.tilesAcross();
        int down = spec.tilesDown();
        int ranges = spec.rangesPerTile();
        List<WorkUnit> units = new ArrayList<>(Math.toIntExact(spec.workUnitCount()));
        for (int frame = 0; frame < spec.frames(); frame++) {
            for (int range = 0; range < ranges; range++) {
                int first = range * spec.samplesPerUnit();
                SampleRange samples = new SampleRange(first, Math.min(spec.samplesPerUnit(), spec.spp() - first));
                for (int ty = 0; ty < down; ty++) {
                    for (int tx = 0; tx < across; tx++) {
                        int x = tx * spec.tileSize();
                        int y = ty * spec.tileSize();
                        TileRect rect = new TileRect(x, y, Math.min(spec.tileSize(), spec.width() - x),
                                Math.min(spec.tileSize(), spec.height() - y));
                        units.add(new WorkUnit(new WorkUnitKey(jobId, frame, ty * across + tx, range), rect, samples));
                    }
                }
            }
        }
        return units;
    }
}
