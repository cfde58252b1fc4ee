package io.photonfarm.image;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.io.IOException;
import java.nio.ByteBuffer;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.List;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

class AtomicFilesTest {
    @TempDir
    Path dir;

    private List<Path> listing() throws IOException {
        try (var files = Files.list(dir)) {
            return files.sorted().toList();
        }
    }

    @Test
    void aWriteThatFailsHalfwayLeavesTheOldFileAndNoTemporaryFile() throws IOException {
        Path target = Files.writeString(dir.resolve("frame.exr"), "old content");
        IOException e = assertThrows(IOException.class, () -> AtomicFiles.write(target, ch -> {
            AtomicFiles.writeFully(ch, ByteBuffer.wrap("half a fr".getBytes(StandardCharsets.UTF_8)));
            throw new IOException("disk full");
        }));
        assertEquals("disk full", e.getMessage());
        assertEquals("old content", Files.readString(target));
        assertEquals(List.of(target), listing());
    }

    @Test
    void aSuccessfulWriteReplacesTheFileWhole() throws IOException {
        Path target = Files.writeString(dir.resolve("frame.png"), "a much longer old content than the new one");
        AtomicFiles.write(target, ch -> AtomicFiles.writeFully(ch, ByteBuffer.wrap(new byte[] {1, 2, 3})));
        assertEquals(3, Files.size(target));
        assertEquals(List.of(target), listing());
    }

    @Test
    void writingIntoAMissingDirectoryFailsWithoutCreatingIt() {
        Path target = dir.resolve("missing").resolve("frame.exr");
        IOException e = assertThrows(IOException.class, () -> Images.writeExr(FloatImage.blank(1, 1, 3), target));
        assertTrue(e.getMessage().contains("the directory") && e.getMessage().contains("does not exist"), e.getMessage());
        assertThrows(IOException.class, () -> Images.writeSrgbPng(FloatImage.blank(1, 1, 3), target));
        assertEquals(false, Files.exists(target.getParent()));
    }

    @Test
    void aPngWriteReplacesAnExistingFileAndLeavesNoTemporaryFile() throws IOException {
        Path target = Files.writeString(dir.resolve("preview.png"), "not a png");
        Images.writeSrgbPng(FloatImage.blank(3, 2, 4), target);
        assertEquals(List.of(target), listing());
        assertEquals(3, javax.imageio.ImageIO.read(target.toFile()).getWidth());
    }
}
