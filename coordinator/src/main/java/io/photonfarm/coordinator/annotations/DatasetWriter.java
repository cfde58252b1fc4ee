package io.photonfarm.coordinator.annotations;

import io.photonfarm.api.job.AnnotationFormat;
import java.io.IOException;
import java.nio.file.Path;
import java.util.List;
import java.util.Map;

/**
 * One annotation format's writer, in two phases: per frame, files in the frame's directory (the
 * crash-safe truth, listed in its meta.json); per job, the format's job-level files under
 * {@code annotations/}, rebuilt from the written frames' files alone, so that finishing is
 * idempotent and can run at any time, on any coordinator, after any restart.
 */
sealed interface DatasetWriter permits CocoWriter, BopWriter, KittiWriter, YoloWriter {
    AnnotationFormat format();

    /**
     * Writes this format's files of {@code frame} into {@code frameDir} (which exists), each one
     * atomically (temporary file, forced, renamed). Writing a frame again replaces its files with
     * equal bytes.
     *
     * @return the names of the files written, relative to {@code frameDir}
     */
    List<String> writeFrame(LabelledFrame frame, Path frameDir) throws IOException;

    /**
     * Builds this format's job-level files under {@code annotationsDir} from the files that
     * {@link #writeFrame} left in {@code frames}' directories, replacing earlier ones (each file
     * atomically) and deleting per-frame files of frames no longer present.
     *
     * @param frames the job's written frames in frame order
     */
    FormatReport finishJob(List<WrittenFrame> frames, Path annotationsDir) throws IOException;

    /** What this format's files contain and how to read them, for {@code conventions.json}. */
    Map<String, String> conventions();
}
