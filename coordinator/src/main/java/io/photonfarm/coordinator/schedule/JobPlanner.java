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
                for (int tile = 0; tile < across * down; tile++) {
                    units.add(unitOf(jobId, spec, frame, tile, range));
                }
            }
        }
        return units;
    }

    /**
     * The unit {@code tileIndex}/{@code rangeIndex} of {@code frame} of a (valid) spec: the same unit
     * {@link #plan} produces, computed without planning the job.
     *
     * @throws IllegalArgumentException if an index is outside the job
     */
    public static WorkUnit unitOf(JobId jobId, JobSpec spec, int frame, int tileIndex, int rangeIndex) {
        int across = spec.tilesAcross();
        if (frame < 0 || frame >= spec.frames() || tileIndex < 0 || tileIndex >= across * spec.tilesDown()
                || rangeIndex < 0 || rangeIndex >= spec.rangesPerTile()) {
            throw new IllegalArgumentException("unit " + jobId + "/" + frame + "/" + tileIndex + "/" + rangeIndex
                    + " is outside the job (" + spec.frames() + " frames, " + across * spec.tilesDown() + " tiles, "
                    + spec.rangesPerTile() + " sample ranges)");
        }
        int x = tileIndex % across * spec.tileSize();
        int y = tileIndex / across * spec.tileSize();
        TileRect rect = new TileRect(x, y, Math.min(spec.tileSize(), spec.width() - x),
                Math.min(spec.tileSize(), spec.height() - y));
        int first = rangeIndex * spec.samplesPerUnit();
        SampleRange samples = new SampleRange(first, Math.min(spec.samplesPerUnit(), spec.spp() - first));
        return new WorkUnit(new WorkUnitKey(jobId, frame, tileIndex, rangeIndex), rect, samples);
    }
}
