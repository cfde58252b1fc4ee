package io.photonfarm.scene.io;

import java.io.IOException;
import java.nio.file.Path;

/**
 * A scene, image or camera file that cannot be read: malformed, truncated, hostile or over a
 * limit. The message always names the file and says what is wrong, so users can fix their input;
 * the launcher turns it into exit status 2 and the coordinator into HTTP 400.
 */
public final class SceneFormatException extends IOException {
    private static final long serialVersionUID = 1L;

    public SceneFormatException(Path file, String problem) {
        super(file.getFileName() + ": " + problem + " (" + file + ")");
    }

    public SceneFormatException(Path file, String problem, Throwable cause) {
        super(file.getFileName() + ": " + problem + " (" + file + ")", cause);
    }
}
