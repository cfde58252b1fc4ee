package io.photonfarm.coordinator.labels;

import io.photonfarm.api.job.JobSpec;
import io.photonfarm.coordinator.annotations.AnnotationWriters;
import io.photonfarm.coordinator.annotations.FinishReport;
import io.photonfarm.coordinator.dataset.DatasetLayout;
import io.photonfarm.coordinator.dataset.FrameJob;
import io.photonfarm.coordinator.jobs.JobRecord;
import java.io.IOException;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;

/**
 * The job-level files of a labelled job: {@code conventions.json} when the job starts, and the
 * aggregated annotations ({@code annotations/}: COCO, BOP, KITTI, YOLO) once every frame is written.
 * Finishing reads the frames' own files back, so it is idempotent and survives restarts; a hidden
 * marker ({@code annotations/.finished}, never archived) records that a job's annotations are complete.
 */
public final class JobLabels {
    private static final String FINISHED = ".finished";

    private final DatasetLayout layout;
    private final FrameLabeler labeler;

    public JobLabels(DatasetLayout layout, FrameLabeler labeler) {
        this.layout = layout;
        this.labeler = labeler;
    }

    /** Writes {@code conventions.json} of a job with labels; nothing for a job without. */
    public void started(JobRecord job) throws IOException {
        JobSpec spec = job.spec();
        if (spec.labels()) {
            writers(spec).writeConventions(layout.jobDir(job.jobId()));
        }
    }

    /** Whether a job with labels has every frame written but its job-level annotations not yet finished. */
    public boolean needsFinishing(JobRecord job) {
        return !job.spec().writers().isEmpty() && !Files.exists(marker(job));
    }

    /**
     * Aggregates the job's annotations from its written frames (all of them, once the job is complete)
     * and marks them finished.
     */
    public FinishReport finish(JobRecord job) throws IOException {
        Path jobDir = layout.jobDir(job.jobId());
        FinishReport report = writers(job.spec()).finishJob(jobDir);
        Files.createDirectories(marker(job).getParent());
        Files.writeString(marker(job), report.writtenFrames() + " frames\n", StandardCharsets.UTF_8);
        return report;
    }

    private Path marker(JobRecord job) {
        return layout.jobDir(job.jobId()).resolve(DatasetLayout.ANNOTATIONS).resolve(FINISHED);
    }

    private AnnotationWriters writers(JobSpec spec) {
        return labeler.writers(new FrameJob.LabelRequest(spec.sceneRef(), spec.labelPasses(), spec.annotationFormats()));
    }
}
