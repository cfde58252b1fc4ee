package io.photonfarm.node.work;

/**
 * An uploaded scene file as the coordinator serves it.
 *
 * @param fileName its name with extension (e.g. {@code scene.glb}), which tells the loader its format
 * @param bytes    its content
 */
public record SceneFile(String fileName, byte[] bytes) {
    public SceneFile {
        if (fileName == null || bytes == null) {
            throw new IllegalArgumentException("scene file: name and bytes must be set");
        }
    }
}
