package io.photonfarm.coordinator.annotations;

import io.photonfarm.api.job.AnnotationFormat;
import java.util.List;

/**
 * What finishing one format produced.
 *
 * @param format   the format
 * @param frames   how many written frames it took in
 * @param skipped  written frames that had none of this format's files (assembled before the format
 *                 was configured, or by a writer that failed), left out of its files
 * @param files    the job-level files and directories written, relative to the job directory, '/'-separated
 */
public record FormatReport(AnnotationFormat format, int frames, List<Integer> skipped, List<String> files) {
    public FormatReport {
        skipped = List.copyOf(skipped);
        files = List.copyOf(files);
    }
}
