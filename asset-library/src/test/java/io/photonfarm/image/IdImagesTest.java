package io.photonfarm.image;

import static org.junit.jupiter.api.Assertions.assertArrayEquals;
import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.nio.ByteBuffer;
import java.nio.ByteOrder;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

class IdImagesTest {
    @TempDir
    Path dir;

    @Test
    void sixteenBitPngReadsBackEveryValueExactly() throws Exception {
        int[] values = {0, 1, 255, 256, 65535, 40000};
        Path f = dir.resolve("ids.png");
        IdImages.writePng16(3, 2, values, f);
        assertArrayEquals(values, IdImages.readGreyPng(f));
    }

    @Test
    void aValueAbove16BitsIsRefusedNamingThePixel() {
        IllegalArgumentException e = assertThrows(IllegalArgumentException.class,
                () -> IdImages.writePng16(2, 1, new int[] {1, 70000}, dir.resolve("x.png")));
        assertTrue(e.getMessage().contains("pixel (1, 0)"), e.getMessage());
    }

    @Test
    void npyHasTheNumpyHeaderShapeAndLittleEndianValues() throws Exception {
        Path f = dir.resolve("ids.npy");
        IdImages.writeNpyUint32(2, 3, new int[] {1, 2, 3, 70000, 5, 6}, f);
        byte[] bytes = Files.readAllBytes(f);
        assertEquals((byte) 0x93, bytes[0]);
        assertEquals("NUMPY", new String(bytes, 1, 5, StandardCharsets.US_ASCII));
        int headerLen = ByteBuffer.wrap(bytes, 8, 2).order(ByteOrder.LITTLE_ENDIAN).getShort();
        assertEquals(0, (10 + headerLen) % 64, "data starts on a 64-byte boundary");
        String header = new String(bytes, 10, headerLen, StandardCharsets.US_ASCII);
        assertTrue(header.contains("'descr': '<u4'") && header.contains("'shape': (3, 2)"), header);
        ByteBuffer data = ByteBuffer.wrap(bytes, 10 + headerLen, 24).order(ByteOrder.LITTLE_ENDIAN);
        assertEquals(70000, data.getInt(10 + headerLen + 12));
        assertEquals(10 + headerLen + 24, bytes.length);
    }
}
