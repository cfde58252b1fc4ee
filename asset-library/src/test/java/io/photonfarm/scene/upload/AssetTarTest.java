package io.photonfarm.scene.upload;

import static org.junit.jupiter.api.Assertions.assertArrayEquals;
import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.io.ByteArrayInputStream;
import java.io.IOException;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.List;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

class AssetTarTest {
    @TempDir
    Path dir;

    private List<AssetTar.Entry> entries() throws IOException {
        Path src = Files.createDirectories(dir.resolve("src/textures"));
        Files.writeString(dir.resolve("src/model.obj"), "mtllib model.mtl\n");
        Files.writeString(dir.resolve("src/model.mtl"), "newmtl a\n");
        Files.write(src.resolve("wood.png"), new byte[1000]);
        return List.of(new AssetTar.Entry("model.obj", dir.resolve("src/model.obj")),
                new AssetTar.Entry("model.mtl", dir.resolve("src/model.mtl")),
                new AssetTar.Entry("textures/wood.png", src.resolve("wood.png")));
    }

    @Test
    void theSameFilesAlwaysGiveTheSameBytesAndUnpackToThemInOrder() throws IOException {
        byte[] first = AssetTar.bytes(entries());
        assertArrayEquals(first, AssetTar.bytes(entries()), "no time, owner or other varying header field");
        assertEquals(0, first.length % 512);
        Path out = Files.createDirectory(dir.resolve("out"));
        assertEquals(List.of("model.obj", "model.mtl", "textures/wood.png"),
                AssetTar.unpack(new ByteArrayInputStream(first), out, 1 << 20));
        assertEquals("mtllib model.mtl\n", Files.readString(out.resolve("model.obj")));
        assertEquals(1000, Files.size(out.resolve("textures/wood.png")));
        assertEquals("model.obj", AssetTar.firstPath(new ByteArrayInputStream(first)));
    }

    @Test
    void unpackingStopsAtTheByteLimit() throws IOException {
        byte[] tar = AssetTar.bytes(entries());
        Path out = Files.createDirectory(dir.resolve("out"));
        IOException e = assertThrows(IOException.class, () -> AssetTar.unpack(new ByteArrayInputStream(tar), out, 500));
        assertTrue(e.getMessage().contains("500"), e.getMessage());
        assertFalse(Files.exists(out.resolve("textures/wood.png")));
    }

    @Test
    void pathsThatCouldLeaveTheFolderAreNeitherWrittenNorRead() throws IOException {
        for (String bad : List.of("../evil", "a/../../evil", "/etc/passwd", "./x", "a//b", "", "a\\..\\b", "x".repeat(101))) {
            assertFalse(AssetTar.isSafePath(bad), bad);
        }
        assertTrue(AssetTar.isSafePath("textures/wood grain (1).png"));
        byte[] tar = AssetTar.bytes(entries());
        byte[] forged = tar.clone();
        byte[] evil = "../evil.obj".getBytes(StandardCharsets.US_ASCII);
        System.arraycopy(evil, 0, forged, 0, evil.length);
        Path out = Files.createDirectory(dir.resolve("out"));
        assertThrows(IOException.class, () -> AssetTar.unpack(new ByteArrayInputStream(forged), out, 1 << 20));
        assertFalse(Files.exists(dir.resolve("evil.obj")));
        assertThrows(IOException.class, () -> AssetTar.write(List.of(new AssetTar.Entry("../x", dir.resolve("src/model.obj"))),
                new java.io.ByteArrayOutputStream()));
    }

    @Test
    void aTruncatedArchiveIsRefused() throws IOException {
        byte[] tar = AssetTar.bytes(entries());
        Path out = Files.createDirectory(dir.resolve("out"));
        assertThrows(IOException.class, () -> AssetTar.unpack(new ByteArrayInputStream(java.util.Arrays.copyOf(tar, 1200)),
                out, 1 << 20));
    }
}
