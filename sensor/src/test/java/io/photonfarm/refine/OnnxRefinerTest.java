package io.photonfarm.refine;

import static org.junit.jupiter.api.Assertions.assertDoesNotThrow;
import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;

import io.photonfarm.api.camera.RefinerSpec;
import io.photonfarm.image.FloatImage;
import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.Random;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

class OnnxRefinerTest {
    private static final String REF = "asset:" + "ab".repeat(32);
    @TempDir
    Path dir;

    /** A 3x3 kernel per (out, in) channel pair: a mild blur, some channel mixing, bias 0.02. */
    private static float[] weights(int channels) {
        Random rnd = new Random(7);
        float[] w = new float[channels * channels * 9];
        for (int o = 0; o < channels; o++) {
            for (int i = 0; i < channels; i++) {
                for (int k = 0; k < 9; k++) {
                    double base = o == i ? (k == 4 ? 0.5 : 0.0625) : 0.0;
                    w[((o * channels + i) * 9) + k] = (float) (base + 0.02 * (rnd.nextDouble() - 0.5));
                }
            }
        }
        return w;
    }

    private static float[] bias(int channels) {
        float[] b = new float[channels];
        java.util.Arrays.fill(b, 0.02f);
        return b;
    }

    /** The convolution the model computes, in double; {@code replicate} pads with the edge pixel instead of zero. */
    private static double expected(FloatImage img, float[] w, float[] b, int x, int y, int o, boolean replicate) {
        int c = img.channels();
        double sum = b[o];
        for (int i = 0; i < c; i++) {
            for (int dy = -1; dy <= 1; dy++) {
                for (int dx = -1; dx <= 1; dx++) {
                    int sx = x + dx;
                    int sy = y + dy;
                    boolean inside = sx >= 0 && sy >= 0 && sx < img.width() && sy < img.height();
                    if (!inside && !replicate) {
                        continue;
                    }
                    sx = Math.max(0, Math.min(img.width() - 1, sx));
                    sy = Math.max(0, Math.min(img.height() - 1, sy));
                    sum += w[(o * c + i) * 9 + (dy + 1) * 3 + dx + 1] * img.get(sx, sy, i);
                }
            }
        }
        return Math.max(0, Math.min(1, sum));
    }

    private Path model(int channels, int fixedH, int fixedW) throws IOException {
        return Files.write(dir.resolve("model-" + channels + "-" + fixedH + "x" + fixedW + ".onnx"),
                OnnxModels.convolution3x3(channels, weights(channels), bias(channels), fixedH, fixedW));
    }

    private static double largestError(FloatImage img, FloatImage out, int modelChannels, boolean replicate) {
        float[] w = weights(modelChannels);
        float[] b = bias(modelChannels);
        double worst = 0;
        for (int y = 0; y < img.height(); y++) {
            for (int x = 0; x < img.width(); x++) {
                for (int o = 0; o < img.channels(); o++) {
                    worst = Math.max(worst, Math.abs(out.get(x, y, o) - expected(img, w, b, x, y, o, replicate)));
                }
            }
        }
        return worst;
    }

    @Test
    void aTiledDynamicModelGivesTheWholeImageConvolutionEverywhereWithoutSeams() throws IOException {
        FloatImage img = TestImages.smoothFrame(150, 97, 3, 1);
        Path file = model(3, 0, 0);
        try (Refiner r = Refiners.create(RefinerSpec.onnx(REF, 32, 2), null, ref -> file)) {
            FloatImage out = r.refine(img, 1, 0);
            assertEquals(150, out.width());
            assertEquals(97, out.height());
            // 5 x 4 tiles, so 7 interior seams, all invisible: float32 rounding only.
            assertTrue(largestError(img, out, 3, false) < 1e-5, "largest error " + largestError(img, out, 3, false));
        }
    }

    @Test
    void aFixedSizeModelPadsTheImageEdgeByRepetitionAndStillLeavesNoSeams() throws IOException {
        FloatImage img = TestImages.smoothFrame(70, 45, 3, 2);
        Path file = model(3, 24, 24);
        try (Refiner r = Refiners.create(RefinerSpec.onnx(REF, 256, 3), null, ref -> file)) {
            FloatImage out = r.refine(img, 1, 0);
            assertTrue(largestError(img, out, 3, true) < 1e-5, "largest error " + largestError(img, out, 3, true));
            assertEquals(18, r.parameters(1, 0).get("tileWidth"));
        }
    }

    @Test
    void aGreyFrameThroughAColourModelComesBackGrey() throws IOException {
        FloatImage grey = TestImages.smoothFrame(40, 30, 1, 3);
        Path file = model(3, 0, 0);
        try (Refiner r = Refiners.create(RefinerSpec.onnx(REF, 16, 1), null, ref -> file)) {
            FloatImage out = r.refine(grey, 1, 0);
            assertEquals(1, out.channels());
            assertEquals(40 * 30, out.data().length);
        }
    }

    @Test
    void closeReleasesTheSessionAndLaterFramesAreRefused() throws IOException {
        Path file = model(3, 0, 0);
        OnnxRefiner r = (OnnxRefiner) Refiners.create(RefinerSpec.onnx(REF, 64, 2), null, ref -> file);
        assertFalse(r.sessionReleased());
        r.close();
        assertTrue(r.sessionReleased());
        IllegalStateException e = assertThrows(IllegalStateException.class, () -> r.refine(FloatImage.blank(8, 8, 3), 1, 0));
        assertTrue(e.getMessage().contains("closed"), e.getMessage());
        assertDoesNotThrow(r::close);
    }

    @Test
    void aModelThatIsNotAnImageToImageModelIsRefusedNamingIt() throws IOException {
        Path junk = Files.write(dir.resolve("junk.onnx"), new byte[] {1, 2, 3, 4});
        IllegalArgumentException e = assertThrows(IllegalArgumentException.class,
                () -> Refiners.create(RefinerSpec.onnx(REF, 64, 2), null, ref -> junk));
        assertTrue(e.getMessage().contains(REF), e.getMessage());
        Path tooSmall = model(3, 8, 8);
        e = assertThrows(IllegalArgumentException.class, () -> Refiners.create(RefinerSpec.onnx(REF, 64, 4), null, ref -> tooSmall));
        assertTrue(e.getMessage().contains("overlap of 4"), e.getMessage());
    }
}
