package io.photonfarm.coordinator.dataset;

import static org.junit.jupiter.api.Assertions.assertEquals;

import com.fasterxml.jackson.databind.ObjectMapper;
import io.photonfarm.api.job.JobId;
import io.photonfarm.api.job.JobSpec;
import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.List;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

class JobFilesTest {
    @TempDir
    Path root;

    @Test
    void jobJsonHoldsTheSpecAndNothingElseIsLeftInTheJobDirectory() throws IOException {
        DatasetLayout layout = new DatasetLayout(root);
        JobId job = new JobId("spec-1");
        JobSpec spec = new JobSpec("builtin:cornell", 3, 64, 48, 16, 4, 9L, 32, 8, 0);

        new JobFiles(layout).writeJobJson(job, spec);

        assertEquals(spec, new ObjectMapper().readValue(Files.readAllBytes(layout.jobJson(job)), JobSpec.class));
        try (var files = Files.list(layout.jobDir(job))) {
            assertEquals(List.of("job.json"), files.map(p -> p.getFileName().toString()).toList());
        }
    }
}
