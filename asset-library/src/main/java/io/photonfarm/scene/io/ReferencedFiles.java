package io.photonfarm.scene.io;

import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.InvalidPathException;
import java.nio.file.Path;

/**
 * Resolves files that a scene file refers to (OBJ {@code mtllib} and {@code map_*}, glTF buffer
 * and image URIs) and reads them with a size limit. A reference must stay inside {@code root}: a
 * scene uploaded to the farm cannot read the coordinator's or a node's other files through
 * {@code ../} or an absolute path.
 *
 * @param root  the directory that references may not leave (usually the scene file's directory)
 * @param scene the scene file whose references these are (named in every message)
 */
public record ReferencedFiles(Path root, Path scene) {
    /** Largest referenced file read into memory, bytes. */
    public static final long MAX_BYTES = 1L << 30;

    public ReferencedFiles {
        root = root.toAbsolutePath().normalize();
        scene = scene.toAbsolutePath().normalize();
    }

    /** References resolved against {@code scene}'s directory, which is also the root. */
    public static ReferencedFiles beside(Path scene) {
        Path abs = scene.toAbsolutePath().normalize();
        return new ReferencedFiles(abs.getParent(), abs);
    }

    /**
     * @param reference a relative path as written in the scene file (URI escapes already decoded)
     * @param what      what the reference is, for messages ("mtllib", "buffer 2", "image 'wood'")
     */
    public Path resolve(String reference, String what) throws SceneFormatException {
        Path resolved;
        try {
            Path rel = Path.of(reference);
            if (rel.isAbsolute()) {
                throw new SceneFormatException(scene, what + " refers to the absolute path '" + reference
                        + "'; references must be relative to the scene file");
            }
            resolved = scene.getParent().resolve(rel).normalize();
        } catch (InvalidPathException e) {
            throw new SceneFormatException(scene, what + " refers to an invalid path '" + reference + "'");
        }
        if (!resolved.startsWith(root)) {
            throw new SceneFormatException(scene, what + " refers to '" + reference + "', outside the scene's directory "
                    + root);
        }
        return resolved;
    }

    /** Reads a referenced file whole, refusing missing files and files over {@link #MAX_BYTES}. */
    public byte[] read(String reference, String what) throws SceneFormatException {
        Path file = resolve(reference, what);
        try {
            if (!Files.isRegularFile(file)) {
                throw new SceneFormatException(scene, what + " refers to '" + reference + "', which does not exist");
            }
            long size = Files.size(file);
            if (size > MAX_BYTES) {
                throw new SceneFormatException(scene, what + " '" + reference + "' is " + size + " bytes; at most "
                        + MAX_BYTES + " are read");
            }
            return Files.readAllBytes(file);
        } catch (SceneFormatException e) {
            throw e;
        } catch (IOException e) {
            throw new SceneFormatException(scene, "reading " + what + " '" + reference + "': " + e.getMessage(), e);
        }
    }
}
