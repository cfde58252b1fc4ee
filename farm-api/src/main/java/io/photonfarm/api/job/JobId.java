package io.photonfarm.api.job;

import com.fasterxml.jackson.annotation.JsonCreator;
import com.fasterxml.jackson.annotation.JsonValue;
import java.util.regex.Pattern;

/**
 * The name of a job: 1 to 64 characters from {@code [A-Za-z0-9._-]}, starting with a letter or digit.
 * It appears in URLs, file names and Hazelcast structure names, hence the narrow alphabet.
 * On the wire it is a plain JSON string.
 */
public record JobId(String value) {
    private static final Pattern FORM = Pattern.compile("[A-Za-z0-9][A-Za-z0-9._-]{0,63}");

    public JobId {
        if (value == null || !FORM.matcher(value).matches()) {
            throw new IllegalArgumentException("job id " + (value == null ? "null" : "'" + value + "'")
                    + ": expected 1-64 characters of [A-Za-z0-9._-], starting with a letter or digit");
        }
    }

    @JsonCreator
    public static JobId of(String value) {
        return new JobId(value);
    }

    @JsonValue
    @Override
    public String value() {
        return value;
    }

    @Override
    public String toString() {
        return value;
    }
}
