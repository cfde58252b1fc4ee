package io.photonfarm.api.camera;

import io.photonfarm.api.job.JobSpecException;
import java.util.List;

/**
 * A depth sensor. PLACEHOLDER: the full parameters replace this.
 *
 * @param kind the sensor's principle
 */
public record DepthSensorProfile(String kind) {
    public void check(String field, List<JobSpecException.Violation> bad) {
    }
}
