package io.photonfarm.coordinator.dataset;

import com.fasterxml.jackson.databind.ObjectMapper;
import com.fasterxml.jackson.databind.SerializationFeature;
import io.photonfarm.api.job.JobId;
import io.photonfarm.api.job.JobSpec;
import java.io.IOException;

/** Writes a job's job-level dataset files. */
public final class JobFiles {
    private final DatasetLayout layout;
    private final ObjectMapper json = new ObjectMapper().enable(SerializationFeature.INDENT_OUTPUT);

    public JobFiles(DatasetLayout layout) {
        this.layout = layout;
    }

    /**
     * Writes {@code job.json}, the resolved spec, atomically and durably, creating the job directory.
     * Call once the job is accepted; writing the same spec again replaces the file with equal bytes.
     */
    public void writeJobJson(JobId job, JobSpec spec) throws IOException {
        DurableFiles.write(layout.jobJson(job), json.writeValueAsBytes(spec));
    }

    /** Writes {@code stats.json} of a job (whole, by an atomic rename). */
    public void writeStatsJson(JobId job, Object stats) throws IOException {
        DurableFiles.write(layout.jobDir(job).resolve(DatasetLayout.STATS_JSON), json.writeValueAsBytes(stats));
    }
}
