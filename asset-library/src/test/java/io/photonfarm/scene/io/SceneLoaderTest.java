package io.photonfarm.scene.io;

import static io.photonfarm.scene.io.GltfFixture.glb;
import static io.photonfarm.scene.io.GltfFixture.triangleBin;
import static io.photonfarm.scene.io.GltfFixture.triangleJson;
import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;

import io.photonfarm.scene.Scene;
import java.io.IOException;
import java.io.InputStream;
import java.nio.file.Files;
import java.nio.file.Path;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

class SceneLoaderTest {
    @TempDir
    Path dir;

    @Test
    void aBinaryGltfIsRecognisedByItsMagicWhateverItsName() throws IOException {
        Path f = dir.resolve("model.bin");
        Files.write(f, glb(triangleJson(""), triangleBin()));
        Scene s = SceneLoader.load(f);
        assertEquals(1, s.instancedTriangleCount());
    }

    @Test
    void objFilesGoToTheObjLoader() throws IOException {
        Path obj = dir.resolve("cornell.obj");
        for (String name : new String[] {"cornell.obj", "cornell.mtl"}) {
            try (InputStream in = SceneLoaderTest.class.getResourceAsStream("obj/" + name)) {
                Files.copy(in, dir.resolve(name));
            }
        }
        assertTrue(SceneLoader.load(obj).instancedTriangleCount() > 0);
    }

    @Test
    void anUnknownFormatOrAMissingFileIsNamed() throws IOException {
        Path f = dir.resolve("scene.fbx");
        Files.writeString(f, "Kaydara FBX Binary");
        SceneFormatException e = assertThrows(SceneFormatException.class, () -> SceneLoader.load(f));
        assertTrue(e.getMessage().contains("scene.fbx") && e.getMessage().contains(".obj"), e.getMessage());
        e = assertThrows(SceneFormatException.class, () -> SceneLoader.load(dir.resolve("gone.gltf")));
        assertTrue(e.getMessage().contains("gone.gltf: no such file"), e.getMessage());
    }
}
