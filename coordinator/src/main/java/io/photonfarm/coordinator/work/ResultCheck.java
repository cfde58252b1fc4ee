package io.photonfarm.coordinator.work;

import io.photonfarm.api.tile.MalformedTileResultException;
import io.photonfarm.api.tile.TileResult;
import io.photonfarm.api.tile.TileResultCodec;
import io.photonfarm.api.work.WorkUnit;
import io.photonfarm.api.work.WorkUnitKey;
import io.photonfarm.coordinator.jobs.JobRecord;
import io.photonfarm.coordinator.schedule.JobPlanner;

/** Whether uploaded bytes are a tile result of exactly one unit: its rectangle, samples and label sections. */
final class ResultCheck {
    private final TileResultCodec codec;

    /** @param maxTilePixels the most pixels a tile may have; larger results are refused */
    ResultCheck(long maxTilePixels) {
        this.codec = new TileResultCodec(maxTilePixels);
    }

    /** @throws MalformedTileResultException if the bytes are not a tile result of this unit of this job */
    void check(JobRecord job, WorkUnitKey key, byte[] encoded) {
        WorkUnit unit = JobPlanner.unitOf(key.jobId(), job.spec(), key.frame(), key.tileIndex(), key.rangeIndex());
        TileResult result = codec.decode(encoded);
        if (!result.rect().equals(unit.rect()) || !result.samples().equals(unit.samples())) {
            throw new MalformedTileResultException("result for " + key + " covers " + result.rect() + " samples "
                    + result.samples() + ", but the unit is " + unit.rect() + " samples " + unit.samples());
        }
        boolean labels = job.spec().labels();
        boolean carriesLabels = labels && unit.samples().first() == 0;
        if ((result.coverage() != null) != labels || (result.labels() != null) != carriesLabels) {
            throw new MalformedTileResultException("result for " + key + ": " + (labels ? "the job has labels, so every result "
                    + "carries coverage counts and the one starting at sample 0 label records" : "the job has no labels")
                    + "; this one has " + (result.coverage() != null ? "" : "no ") + "coverage and "
                    + (result.labels() != null ? "" : "no ") + "label records");
        }
    }
}
