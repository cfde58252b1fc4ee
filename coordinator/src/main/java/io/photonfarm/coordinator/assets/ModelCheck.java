package io.photonfarm.coordinator.assets;

import io.photonfarm.api.camera.RefinerSpec;
import io.photonfarm.refine.Refiner;
import io.photonfarm.refine.Refiners;
import java.nio.file.Path;

/**
 * Checks an uploaded ONNX model loads in ONNX Runtime and has a refiner's signature (one rank-4
 * float input and output, [1, C, H, W], C 1 or 3), so a broken one is refused at upload with the
 * runtime's reason rather than failing every frame of a job later.
 */
final class ModelCheck {
    private ModelCheck() {
    }

    /** @throws AssetException 400 with the reason, the file named as {@code name} */
    static void check(Path file, String name) {
        RefinerSpec spec = new RefinerSpec(RefinerSpec.ONNX, null, null, name, null, null);
        try (Refiner refiner = Refiners.create(spec, null, ref -> file)) {
            // Loaded and its signature fits: nothing more to do.
        } catch (IllegalArgumentException e) {
            throw AssetException.invalid(e.getMessage().replace(file.toString(), name));
        }
    }
}
