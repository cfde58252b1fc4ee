package io.photonfarm.coordinator.annotations;

import java.util.List;

/**
 * What {@link AnnotationWriters#finishJob} produced.
 *
 * @param writtenFrames the job's written frames (directories with meta.json) it found
 * @param formats       one report per configured format, in format order
 */
public record FinishReport(int writtenFrames, List<FormatReport> formats) {
    public FinishReport {
        formats = List.copyOf(formats);
    }
}
