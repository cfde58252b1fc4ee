package io.photonfarm.launcher;

import io.photonfarm.scene.Scene;
import io.photonfarm.scene.builtin.BuiltinScenes;
import io.photonfarm.scene.io.SceneLoader;
import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;

/** Resolves {@code --scene}: a file (OBJ, glTF, GLB) or {@code builtin:NAME}. */
final class SceneSource {
    static final String BUILTIN = BuiltinScenes.PREFIX;

    private SceneSource() {
    }

    static Scene load(String spec) throws IOException {
        if (spec.startsWith(BUILTIN)) {
            String name = spec.substring(BUILTIN.length());
            return BuiltinScenes.byName(name).orElseThrow(() -> new IllegalArgumentException("--scene: no built-in scene '"
                    + name + "'; built-in scenes: " + String.join(", ", BuiltinScenes.names())));
        }
        Path file = Path.of(spec);
        if (!Files.isRegularFile(file)) {
            throw new IllegalArgumentException("--scene: " + spec + " is not a file (or use builtin:NAME)");
        }
        return SceneLoader.load(file);
    }
}
