package io.photonfarm.scene.io;

import static org.junit.jupiter.api.Assertions.assertArrayEquals;
import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertSame;

import io.photonfarm.scene.Texture;
import org.junit.jupiter.api.Test;

class TextureScalingTest {

    @Test
    void everySrgbCodeSurvivesTheTripThroughLinearLight() {
        for (int i = 0; i < 256; i++) {
            byte[] rgba = new byte[4 * 4 * 4];
            java.util.Arrays.fill(rgba, (byte) i);
            Texture t = TextureScaling.fit(new Texture("t", 4, 4, rgba), 2);
            for (byte b : t.rgba()) {
                assertEquals(i, b & 0xFF, "code " + i);
            }
        }
    }

    @Test
    void theLongestSideBecomesTheLimitAndTheOtherKeepsTheAspectRoundedDown() {
        Texture t = TextureScaling.fit(new Texture("t", 3000, 1000, new byte[3000 * 1000 * 4]), 1024);
        assertEquals(1024, t.width());
        assertEquals(341, t.height());
        Texture tall = TextureScaling.fit(new Texture("t", 5, 4000, new byte[5 * 4000 * 4]), 1024);
        assertEquals(1, tall.width());
        assertEquals(1024, tall.height());
    }

    @Test
    void aTextureWithinTheLimitIsReturnedAsIs() {
        Texture t = new Texture("t", 8, 8, new byte[8 * 8 * 4]);
        assertSame(t, TextureScaling.fit(t, 8));
    }

    @Test
    void blackAndWhiteAverageInLinearLight() {
        byte[] rgba = {0, 0, 0, (byte) 255, (byte) 255, (byte) 255, (byte) 255, (byte) 255};
        Texture t = TextureScaling.fit(new Texture("t", 2, 1, rgba), 1);
        // Half of linear white is sRGB 187.5 -> 188, not the 128 of averaging the codes.
        assertEquals(188, t.rgba()[0] & 0xFF);
        assertEquals(255, t.rgba()[3] & 0xFF);
    }
}
