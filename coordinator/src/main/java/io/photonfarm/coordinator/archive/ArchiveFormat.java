package io.photonfarm.coordinator.archive;

import java.util.Arrays;
import java.util.stream.Collectors;

/** The archive formats a dataset can be streamed as, named as the download's query value and file extension. */
public enum ArchiveFormat {
    TAR("tar", "application/x-tar"),
    TAR_GZ("tar.gz", "application/gzip"),
    ZIP("zip", "application/zip");

    private final String value;
    private final String contentType;

    ArchiveFormat(String value, String contentType) {
        this.value = value;
        this.contentType = contentType;
    }

    /** The query value and file extension: {@code tar}, {@code tar.gz} or {@code zip}. */
    public String value() {
        return value;
    }

    /** The media type of a download in this format. */
    public String contentType() {
        return contentType;
    }

    /**
     * The format a query value names, exactly (lower case).
     *
     * @throws IllegalArgumentException naming the value and the allowed ones, e.g.
     *         {@code archive format 'rar': expected one of tar, tar.gz, zip}
     */
    public static ArchiveFormat parse(String value) {
        for (ArchiveFormat f : values()) {
            if (f.value.equals(value)) {
                return f;
            }
        }
        throw new IllegalArgumentException("archive format " + (value == null ? "missing" : "'" + value + "'")
                + ": expected one of " + Arrays.stream(values()).map(ArchiveFormat::value).collect(Collectors.joining(", ")));
    }

    @Override
    public String toString() {
        return value;
    }
}
