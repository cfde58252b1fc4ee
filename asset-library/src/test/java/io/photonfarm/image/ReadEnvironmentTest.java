package io.photonfarm.image;

import static org.junit.jupiter.api.Assertions.assertEquals;

import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

class ReadEnvironmentTest {
    @TempDir
    Path dir;

    @Test
    void anExrNamedHdrIsReadAsExrByItsMagicAndLosesItsAlpha() throws IOException {
        FloatImage rgba = ExrRoundTripTest.noise(6, 5, 4, 9);
        Path file = dir.resolve("sky.hdr");
        Images.writeExr(rgba, file);
        FloatImage env = Images.readEnvironment(file);
        assertEquals(3, env.channels());
        assertEquals(6, env.width());
        assertEquals(5, env.height());
        for (int y = 0; y < 5; y++) {
            for (int x = 0; x < 6; x++) {
                for (int c = 0; c < 3; c++) {
                    assertEquals(Float.floatToRawIntBits(rgba.get(x, y, c)), Float.floatToRawIntBits(env.get(x, y, c)),
                            "pixel " + x + "," + y + " channel " + c);
                }
            }
        }
    }

    @Test
    void anHdrNamedExrIsReadAsRadianceByItsMagic() throws IOException {
        Path file = Files.write(dir.resolve("sky.exr"), HdrFiles.file("#?RADIANCE\n\n-Y 1 +X 2\n",
                128, 64, 32, 129, /**/ 0, 0, 0, 0));
        FloatImage env = Images.readEnvironment(file);
        assertEquals(3, env.channels());
        assertEquals(1f, env.get(0, 0, 0));
        assertEquals(0.5f, env.get(0, 0, 1));
        assertEquals(0.25f, env.get(0, 0, 2));
        assertEquals(0f, env.get(1, 0, 0));
    }

    @Test
    void anRgbExrEnvironmentIsReturnedAsIs() throws IOException {
        FloatImage rgb = ExrRoundTripTest.smooth(4, 2, 3);
        Path file = dir.resolve("studio.exr");
        Images.writeExr(rgb, file);
        ExrRoundTripTest.assertBitExact(rgb, Images.readEnvironment(file));
    }
}
