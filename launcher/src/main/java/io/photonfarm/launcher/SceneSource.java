package io.photonfarm.launcher;

import io.photonfarm.scene.Scene;
import io.photonfarm.scene.builtin.BuiltinScenes;
import io.photonfarm.scene.io.SceneLoader;
import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.Map;
import java.util.function.Supplier;

/** Resolves {@code --scene}: a file (OBJ, glTF, GLB) or {@code builtin:NAME}. */
final class SceneSource {
    static final String BUILTIN = "builtin:";
    static final Map<String, Supplier<Scene>> BUILTINS = Map.of(
            "cornell-box", BuiltinScenes::cornellBox,
            "furnace", () -> BuiltinScenes.whiteFurnace(io.photonfarm.scene.Rgb.WHITE.scale(0.5f)),
            "heavy", () -> BuiltinScenes.heavy(1_000_000),
            "instances", () -> BuiltinScenes.manyInstances(10_000));

    private SceneSource() {
    }

    static Scene load(String spec) throws IOException {
        if (spec.startsWith(BUILTIN)) {
            String name = spec.substring(BUILTIN.length());
            Supplier<Scene> s = BUILTINS.get(name);
            if (s == null) {
                throw new IllegalArgumentException("--scene: no built-in scene '" + name + "'; built-in scenes: "
                        + String.join(", ", new java.util.TreeSet<>(BUILTINS.keySet())));
            }
            return s.get();
        }
        Path file = Path.of(spec);
        if (!Files.isRegularFile(file)) {
            throw new IllegalArgumentException("--scene: " + spec + " is not a file (or use builtin:NAME)");
        }
        return SceneLoader.load(file);
    }
}
