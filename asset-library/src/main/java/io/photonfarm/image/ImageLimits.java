package io.photonfarm.image;

import io.photonfarm.scene.io.SceneFormatException;
import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;

/**
 * Size limits every image reader checks against the header before it allocates anything, so a
 * small hostile file cannot claim a huge image and exhaust the heap of a coordinator or node.
 */
final class ImageLimits {
    /** Most pixels along either side of an image. */
    static final int MAX_SIDE = 16384;
    /** Most pixels in one image (16384 x 16384). */
    static final long MAX_PIXELS = 1L << 28;
    /** Most float samples decoded from one file over all channels (4 GiB of floats). */
    static final long MAX_SAMPLES = 1L << 30;
    /** Most channels one OpenEXR file may declare. */
    static final int MAX_CHANNELS = 1024;

    private ImageLimits() {
    }

    /**
     * The size of a file about to be read, refusing a missing file or a directory with a message
     * that names it (the plain I/O errors for those do not always do so).
     */
    static long regularFileSize(Path file) throws IOException {
        if (!Files.isRegularFile(file)) {
            throw new SceneFormatException(file, Files.exists(file) ? "is not a regular file" : "does not exist");
        }
        return Files.size(file);
    }

    /** Refuses a declared size outside 1..{@link #MAX_SIDE} per side or over {@link #MAX_PIXELS}. */
    static void checkSize(Path file, long width, long height) throws SceneFormatException {
        if (width < 1 || height < 1) {
            throw new SceneFormatException(file, "declares an empty image (" + width + "x" + height + ")");
        }
        if (width > MAX_SIDE || height > MAX_SIDE || width * height > MAX_PIXELS) {
            throw new SceneFormatException(file, "declares a " + width + "x" + height + " image; at most " + MAX_SIDE
                    + " pixels per side and " + MAX_PIXELS + " pixels in all are accepted (size limit)");
        }
    }
}
