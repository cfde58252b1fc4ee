package io.photonfarm.api.camera;

import io.photonfarm.api.job.JobSpecException;
import java.util.List;

/**
 * One photometric refiner. PLACEHOLDER: the refiner kinds and parameters replace this.
 *
 * @param kind the refiner's name
 */
public record RefinerSpec(String kind) {
    public void check(String field, List<JobSpecException.Violation> bad) {
    }

    /** Whether this refiner needs the job's target domain. */
    public boolean needsTarget() {
        return true;
    }
}
