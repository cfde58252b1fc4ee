package io.photonfarm.scene.io;

import io.photonfarm.scene.Scene;
import java.io.IOException;
import java.io.InputStream;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.Locale;

/**
 * Loads a scene file by its kind: Wavefront OBJ (+ MTL), glTF 2.0 ({@code .gltf}, or binary
 * {@code .glb}, recognised by its magic bytes whatever the name). Every failure is a
 * {@link SceneFormatException} naming the file and the problem.
 */
public final class SceneLoader {
    private SceneLoader() {
    }

    /** Loads {@code file}; the files it refers to must lie in its directory or below. */
    public static Scene load(Path file) throws SceneFormatException {
        return load(file, ReferencedFiles.beside(file));
    }

    /** Loads {@code file}; the files it refers to must lie under {@code refs.root()}. */
    public static Scene load(Path file, ReferencedFiles refs) throws SceneFormatException {
        if (!Files.isRegularFile(file)) {
            throw new SceneFormatException(file, "no such file");
        }
        String name = file.getFileName().toString().toLowerCase(Locale.ROOT);
        if (isGlb(file) || name.endsWith(".gltf") || name.endsWith(".glb")) {
            return GltfLoader.load(file, refs);
        }
        if (name.endsWith(".obj")) {
            return ObjLoader.load(file, refs);
        }
        throw new SceneFormatException(file, "unknown scene format; PhotonFarm reads .obj (with .mtl), .gltf and .glb");
    }

    private static boolean isGlb(Path file) throws SceneFormatException {
        try (InputStream in = Files.newInputStream(file)) {
            byte[] magic = in.readNBytes(4);
            return magic.length == 4 && magic[0] == 'g' && magic[1] == 'l' && magic[2] == 'T' && magic[3] == 'F';
        } catch (IOException e) {
            throw new SceneFormatException(file, "cannot be read: " + e.getMessage(), e);
        }
    }
}
