package io.photonfarm.coordinator.annotations;

import static org.junit.jupiter.api.Assertions.assertEquals;

import java.awt.image.BufferedImage;
import java.io.ByteArrayInputStream;
import java.io.IOException;
import java.util.SplittableRandom;
import javax.imageio.ImageIO;
import org.junit.jupiter.api.Test;

class MaskPngTest {
    @Test
    void aStandardDecoderReadsEveryMaskBackExactly() throws IOException {
        SplittableRandom rnd = new SplittableRandom(11);
        for (int trial = 0; trial < 40; trial++) {
            int w = 1 + rnd.nextInt(300);
            int h = 1 + rnd.nextInt(200);
            int[] pass = new int[w * h];
            for (int i = 0; i < pass.length; i++) {
                pass[i] = rnd.nextInt(4);
            }
            Mask m = new Mask.Visible(pass, w, h, 1, PixelStats.of(pass, w, h, new int[] {1})[0]);
            BufferedImage img = ImageIO.read(new ByteArrayInputStream(MaskPng.encode(m)));
            assertEquals(BufferedImage.TYPE_BYTE_GRAY, img.getType());
            assertEquals(w, img.getWidth());
            assertEquals(h, img.getHeight());
            for (int y = 0; y < h; y++) {
                for (int x = 0; x < w; x++) {
                    assertEquals(pass[y * w + x] == 1 ? 255 : 0, img.getRaster().getSample(x, y, 0),
                            "trial " + trial + " pixel " + x + "," + y);
                }
            }
        }
    }
}
