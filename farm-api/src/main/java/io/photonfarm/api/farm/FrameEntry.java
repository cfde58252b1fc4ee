package io.photonfarm.api.farm;

import java.util.List;

/**
 * One frame of a job's dataset.
 *
 * @param frame   its index
 * @param written whether it is written (its {@code meta.json} exists)
 * @param files   the files of its directory, sorted (empty until written)
 */
public record FrameEntry(int frame, boolean written, List<String> files) {
    public FrameEntry {
        files = List.copyOf(files);
    }
}
