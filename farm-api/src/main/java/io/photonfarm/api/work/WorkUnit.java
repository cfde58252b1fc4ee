package io.photonfarm.api.work;

import io.photonfarm.api.tile.SampleRange;
import io.photonfarm.api.tile.TileRect;

/**
 * One schedulable piece of a job: render {@code samples} of every pixel of {@code rect} in one frame.
 *
 * @param key     the unit's name
 * @param rect    the pixels, in frame coordinates
 * @param samples the sample indices of every pixel
 */
public record WorkUnit(WorkUnitKey key, TileRect rect, SampleRange samples) {
    public WorkUnit {
        if (key == null || rect == null || samples == null) {
            throw new IllegalArgumentException("work unit " + key + ": key, rect and samples must be set");
        }
    }
}
