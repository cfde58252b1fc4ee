package io.photonfarm.launcher;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

import io.photonfarm.image.FloatImage;
import io.photonfarm.image.Images;
import java.awt.image.BufferedImage;
import java.io.IOException;
import java.io.PrintWriter;
import java.io.StringWriter;
import java.nio.file.Files;
import java.nio.file.Path;
import javax.imageio.ImageIO;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;
import picocli.CommandLine;

class FarmCommandTest {
    @TempDir
    Path dir;

    record Run(int exit, String out, String err) {
    }

    static Run farm(String... args) {
        CommandLine cl = Farm.commandLine();
        StringWriter out = new StringWriter();
        StringWriter err = new StringWriter();
        cl.setOut(new PrintWriter(out, true));
        cl.setErr(new PrintWriter(err, true));
        int exit = cl.execute(args);
        return new Run(exit, out.toString(), err.toString());
    }

    @Test
    void devicesListsTheDeviceThatWouldRenderAndWhy() {
        Run r = farm("devices");
        assertEquals(0, r.exit(), r.err());
        assertTrue(r.out().contains("would use #"), r.out());
    }

    @Test
    void renderWritesAnSrgbPngOfTheCornellBox() throws IOException {
        Path png = dir.resolve("cornell.png");
        Run r = farm("render", "--scene", "builtin:cornell-box", "--width", "32", "--height", "24", "--spp", "4",
                "--out", png.toString());
        assertEquals(0, r.exit(), r.err());
        BufferedImage img = ImageIO.read(png.toFile());
        assertEquals(32, img.getWidth());
        assertEquals(24, img.getHeight());
        // The red wall is on the left of the image, the green wall on the right (at 4:3 the frame
        // also shows a little of the black outside the box at both edges).
        int left = img.getRGB(6, 12);
        int right = img.getRGB(26, 12);
        assertTrue(((left >> 16) & 255) > ((left >> 8) & 255), "left wall is red: " + Integer.toHexString(left));
        assertTrue(((right >> 8) & 255) > ((right >> 16) & 255), "right wall is green: " + Integer.toHexString(right));
        assertTrue(r.err().contains("M samples/s"), r.err());
    }

    @Test
    void renderCreatesTheOutputDirectory() {
        Path png = dir.resolve("new/deeper/box.png");
        Run r = farm("render", "--scene", "builtin:cornell-box", "--width", "8", "--height", "8", "--spp", "1",
                "--out", png.toString());
        assertEquals(0, r.exit(), r.err());
        assertTrue(Files.isRegularFile(png));
    }

    @Test
    void renderWritesALinearExrThatReadsBack() throws IOException {
        Path exr = dir.resolve("furnace.exr");
        Run r = farm("render", "--scene", "builtin:furnace", "--width", "16", "--height", "16", "--spp", "8",
                "--out", exr.toString());
        assertEquals(0, r.exit(), r.err());
        FloatImage img = Images.readEnvironment(exr);
        assertEquals(16, img.width());
        double mean = 0;
        for (float v : img.data()) {
            mean += v;
        }
        mean /= img.data().length;
        assertEquals(0.5, mean, 0.05, "a white furnace is as bright as its environment (0.5)");
    }

    @Test
    void badOptionsExitWithTwoAndNameTheOptionAndLimit() {
        Run r = farm("render", "--scene", "builtin:cornell-box", "--width", "0", "--out", dir.resolve("x.png").toString());
        assertEquals(2, r.exit());
        assertTrue(r.err().contains("--width must be in 1..16384, was 0"), r.err());
        r = farm("render", "--scene", "builtin:nope", "--out", dir.resolve("x.png").toString());
        assertEquals(2, r.exit());
        assertTrue(r.err().contains("cornell-box"), r.err());
        r = farm("render", "--scene", "builtin:cornell-box", "--out", dir.resolve("x.jpg").toString());
        assertEquals(2, r.exit());
        assertTrue(r.err().contains(".png or .exr"), r.err());
    }

    @Test
    void aBrokenSceneFileExitsWithTwoAndNamesTheFile() throws IOException {
        Path broken = dir.resolve("broken.glb");
        Files.write(broken, new byte[] {'g', 'l', 'T', 'F', 2, 0, 0, 0, (byte) 200, 0, 0, 0});
        Run r = farm("render", "--scene", broken.toString(), "--out", dir.resolve("x.png").toString());
        assertEquals(2, r.exit());
        assertTrue(r.err().contains("broken.glb"), r.err());
        assertTrue(Files.notExists(dir.resolve("x.png")));
    }
}
