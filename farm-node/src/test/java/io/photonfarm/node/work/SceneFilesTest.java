package io.photonfarm.node.work;

import static org.junit.jupiter.api.Assertions.assertArrayEquals;
import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.concurrent.atomic.AtomicInteger;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

class SceneFilesTest {
    private static final byte[] SCENE = "v 0 0 0\nv 1 0 0\nv 0 1 0\nf 1 2 3\n".getBytes(StandardCharsets.US_ASCII);
    private static final String HASH = SceneFiles.sha256(SCENE);
    @TempDir
    Path dir;
    private final AtomicInteger fetches = new AtomicInteger();

    @Test
    void aSceneIsFetchedOnceAndKeptUnderItsHashWithItsFileName() throws Exception {
        SceneFiles files = new SceneFiles(dir, h -> {
            fetches.incrementAndGet();
            return new SceneFile("triangle.obj", SCENE);
        });
        Path first = files.file(HASH);
        Path second = files.file(HASH.toUpperCase());
        assertEquals(dir.resolve(HASH).resolve("triangle.obj"), first);
        assertEquals(first, second);
        assertArrayEquals(SCENE, Files.readAllBytes(first));
        assertEquals(1, fetches.get());
    }

    @Test
    void aKeptFileSurvivesANewNodeProcess() throws Exception {
        new SceneFiles(dir, h -> new SceneFile("triangle.obj", SCENE)).file(HASH);
        SceneFiles restarted = new SceneFiles(dir, h -> {
            throw new IllegalStateException("must not fetch again");
        });
        assertEquals(dir.resolve(HASH).resolve("triangle.obj"), restarted.file(HASH));
    }

    @Test
    void bytesWhoseSha256IsNotTheHashAreRefusedAndNotKept() {
        String otherHash = "0".repeat(64);
        SceneFiles files = new SceneFiles(dir, h -> new SceneFile("triangle.obj", SCENE));
        IllegalArgumentException e = assertThrows(IllegalArgumentException.class, () -> files.file(otherHash));
        assertTrue(e.getMessage().contains(HASH), e.getMessage());
        assertFalse(Files.exists(dir.resolve(otherHash).resolve("triangle.obj")));
    }

    @Test
    void aFileNameThatCouldLeaveTheCacheFolderIsRefused() {
        SceneFiles files = new SceneFiles(dir, h -> new SceneFile("../escape.obj", SCENE));
        assertThrows(IllegalArgumentException.class, () -> files.file(HASH));
        assertFalse(Files.exists(dir.resolve("escape.obj")));
    }

    @Test
    void aHashThatIsNotHexSha256IsRefusedBeforeFetching() {
        SceneFiles files = new SceneFiles(dir, h -> {
            fetches.incrementAndGet();
            return new SceneFile("triangle.obj", SCENE);
        });
        assertThrows(IllegalArgumentException.class, () -> files.file("../../etc"));
        assertEquals(0, fetches.get());
    }

    @Test
    void anAssetArchiveIsFetchedOnceAndUnpackedWithItsSceneFileFirst() throws Exception {
        Path src = java.nio.file.Files.createDirectories(dir.resolve("src/maps"));
        Files.writeString(dir.resolve("src/model.obj"), "mtllib model.mtl\nv 0 0 0\nv 1 0 0\nv 0 1 0\nf 1 2 3\n");
        Files.writeString(dir.resolve("src/model.mtl"), "newmtl a\nKd 1 0 0\n");
        Files.write(src.resolve("x.png"), new byte[] {1, 2, 3});
        byte[] tar = io.photonfarm.scene.upload.AssetTar.bytes(java.util.List.of(
                new io.photonfarm.scene.upload.AssetTar.Entry("model.obj", dir.resolve("src/model.obj")),
                new io.photonfarm.scene.upload.AssetTar.Entry("maps/x.png", src.resolve("x.png")),
                new io.photonfarm.scene.upload.AssetTar.Entry("model.mtl", dir.resolve("src/model.mtl"))));
        String hash = SceneFiles.sha256(tar);
        Path cache = dir.resolve("cache");
        SceneFiles files = new SceneFiles(cache, h -> {
            fetches.incrementAndGet();
            return new SceneFile(SceneFiles.ARCHIVE, tar);
        });
        SceneFiles.Local first = files.local(hash);
        assertEquals(cache.resolve(hash).resolve("files"), first.root());
        assertEquals(first.root().resolve("model.obj"), first.file());
        assertArrayEquals(new byte[] {1, 2, 3}, Files.readAllBytes(first.root().resolve("maps/x.png")));
        assertEquals(first, files.local(hash));
        SceneFiles restarted = new SceneFiles(cache, h -> {
            throw new IllegalStateException("must not fetch again");
        });
        assertEquals(first, restarted.local(hash));
        assertEquals(1, fetches.get());
    }
}
