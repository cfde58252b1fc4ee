package io.photonfarm.api.camera;

import io.photonfarm.api.job.JobSpecException;
import java.util.List;

/**
 * A camera sensor and its image signal processor, versioned. PLACEHOLDER: the full stage records
 * replace this.
 *
 * @param version the profile format's version
 * @param preset  a built-in profile's name this profile starts from, or null
 * @param name    a label for the profile
 */
public record SensorProfile(Integer version, String preset, String name) {
    public void check(String field, List<JobSpecException.Violation> bad) {
    }
}
