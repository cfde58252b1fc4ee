package io.photonfarm.refine;

import static org.junit.jupiter.api.Assertions.assertArrayEquals;
import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertNotEquals;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;

import io.photonfarm.api.camera.RefinerSpec;
import io.photonfarm.image.FloatImage;
import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.HashSet;
import java.util.List;
import java.util.Set;
import java.util.concurrent.ExecutorService;
import java.util.concurrent.Executors;
import java.util.concurrent.Future;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/** What every refiner promises: deterministic, shape-keeping, photometric only. */
class RefinerContractTest {
    private static final String MODEL = "asset:" + "cd".repeat(32);
    @TempDir
    Path dir;

    private List<RefinerSpec> specs() {
        return List.of(RefinerSpec.fda(0.05), RefinerSpec.reinhard(), RefinerSpec.histogram(), RefinerSpec.onnx(MODEL, 24, 2));
    }

    private Refiner create(RefinerSpec spec) throws IOException {
        // A near-identity convolution: centre 0.9, neighbours 0.0125, so edges stay sharp.
        float[] w = new float[27 * 3];
        for (int o = 0; o < 3; o++) {
            for (int k = 0; k < 9; k++) {
                w[(o * 3 + o) * 9 + k] = k == 4 ? 0.9f : 0.0125f;
            }
        }
        Path model = dir.resolve("near-identity.onnx");
        if (!Files.exists(model)) {
            Files.write(model, OnnxModels.convolution3x3(3, w, new float[] {0.02f, 0.02f, 0.02f}, 0, 0));
        }
        return Refiners.create(spec, TestImages.SMALL_TARGET, ref -> model);
    }

    @Test
    void refiningTheSameFrameTwiceOrOnAnotherInstanceOrConcurrentlyGivesIdenticalPixels() throws Exception {
        FloatImage frame = FlatShadedFrames.frame(70, 52, 1, 0);
        ExecutorService pool = Executors.newFixedThreadPool(3);
        try {
            for (RefinerSpec spec : specs()) {
                try (Refiner a = create(spec); Refiner b = create(spec)) {
                    float[] first = a.refine(frame, 42, 3).data();
                    assertArrayEquals(first, a.refine(frame, 42, 3).data(), spec.kind());
                    assertArrayEquals(first, b.refine(frame, 42, 3).data(), spec.kind() + " on a second instance");
                    List<Future<float[]>> runs = new ArrayList<>();
                    for (int i = 0; i < 3; i++) {
                        runs.add(pool.submit(() -> a.refine(frame, 42, 3).data()));
                    }
                    for (Future<float[]> run : runs) {
                        assertArrayEquals(first, run.get(), spec.kind() + " concurrently");
                    }
                    assertEquals(a.parameters(42, 3), b.parameters(42, 3));
                }
            }
        } finally {
            pool.shutdownNow();
        }
    }

    @Test
    void differentFramesMayTakeDifferentTargetPhotos() throws IOException {
        FloatImage frame = FlatShadedFrames.frame(48, 36, 1, 0);
        try (Refiner fda = create(RefinerSpec.fda(0.05))) {
            Set<Object> targets = new HashSet<>();
            Set<List<Float>> firstPixels = new HashSet<>();
            for (int f = 0; f < 12; f++) {
                targets.add(fda.parameters(42, f).get("target"));
                float[] d = fda.refine(frame, 42, f).data();
                firstPixels.add(List.of(d[0], d[1], d[2]));
            }
            assertEquals(3, targets.size());
            assertEquals(3, firstPixels.size()); // one look per target photo
        }
    }

    @Test
    void everyRefinerKeepsSizeAndChannelsOfGreyAndColourFramesAndLeavesItsInputAlone() throws IOException {
        for (RefinerSpec spec : specs()) {
            try (Refiner r = create(spec)) {
                for (int channels : new int[] {1, 3}) {
                    FloatImage in = TestImages.smoothFrame(33, 17, channels, 4);
                    float[] before = in.data().clone();
                    FloatImage out = r.refine(in, 1, 0);
                    assertEquals(33, out.width(), spec.kind());
                    assertEquals(17, out.height(), spec.kind());
                    assertEquals(channels, out.channels(), spec.kind());
                    assertArrayEquals(before, in.data(), spec.kind() + " wrote to its input");
                    for (float v : out.data()) {
                        assertTrue(v >= 0 && v <= 1, spec.kind() + " gave " + v);
                    }
                }
                assertThrows(IllegalArgumentException.class, () -> r.refine(FloatImage.blank(4, 4, 4), 1, 0), spec.kind());
            }
        }
    }

    /**
     * A refiner changes how things look, never where they are: a disc's mask, the label of its
     * pixels, is recovered from the refined frame exactly as from the rendered one. (Labels are not
     * even an input: a refiner cannot touch them; this shows the image still agrees with them.)
     */
    @Test
    void refinersArePhotometricOnlySoEveryObjectStaysUnderItsLabel() throws IOException {
        int w = 80;
        int h = 60;
        boolean[] mask = new boolean[w * h];
        float[] d = new float[w * h * 3];
        for (int y = 0; y < h; y++) {
            for (int x = 0; x < w; x++) {
                boolean disc = (x - 45) * (x - 45) + (y - 28) * (y - 28) < 15 * 15;
                mask[y * w + x] = disc;
                float[] rgb = disc ? new float[] {0.8f, 0.3f, 0.2f} : new float[] {0.2f + 0.2f * x / w, 0.4f, 0.6f};
                System.arraycopy(rgb, 0, d, (y * w + x) * 3, 3);
            }
        }
        FloatImage frame = new FloatImage(w, h, 3, d);
        for (RefinerSpec spec : specs()) {
            try (Refiner r = create(spec)) {
                FloatImage out = r.refine(frame, 9, 1);
                assertEquals(1.0, iou(mask, segmentLike(out, mask)), 1e-9, spec.kind() + " moved the disc");
            }
        }
        // The pixelwise refiners are functions of the pixel value alone: equal inputs, equal outputs.
        for (RefinerSpec spec : List.of(RefinerSpec.reinhard(), RefinerSpec.histogram())) {
            try (Refiner r = create(spec)) {
                FloatImage out = r.refine(frame, 9, 1);
                float[] inside = null;
                for (int i = 0; i < w * h; i++) {
                    if (mask[i]) {
                        float[] px = {out.data()[i * 3], out.data()[i * 3 + 1], out.data()[i * 3 + 2]};
                        if (inside == null) {
                            inside = px;
                        }
                        assertArrayEquals(inside, px, spec.kind());
                    }
                }
            }
        }
    }

    /** Each pixel labelled by the nearer of the two mean colours the mask's regions have in {@code img}. */
    private static boolean[] segmentLike(FloatImage img, boolean[] mask) {
        double[][] mean = new double[2][3];
        int[] count = new int[2];
        for (int i = 0; i < mask.length; i++) {
            int k = mask[i] ? 1 : 0;
            count[k]++;
            for (int c = 0; c < 3; c++) {
                mean[k][c] += img.data()[i * 3 + c];
            }
        }
        boolean[] out = new boolean[mask.length];
        for (int i = 0; i < mask.length; i++) {
            double[] dist = new double[2];
            for (int k = 0; k < 2; k++) {
                for (int c = 0; c < 3; c++) {
                    double diff = img.data()[i * 3 + c] - mean[k][c] / count[k];
                    dist[k] += diff * diff;
                }
            }
            out[i] = dist[1] < dist[0];
        }
        return out;
    }

    private static double iou(boolean[] a, boolean[] b) {
        int both = 0;
        int either = 0;
        for (int i = 0; i < a.length; i++) {
            both += a[i] && b[i] ? 1 : 0;
            either += a[i] || b[i] ? 1 : 0;
        }
        return (double) both / either;
    }

    @Test
    void aRefinerWithoutTheTargetItNeedsIsRefusedAndAnInvalidSpecNamesItsField() {
        IllegalArgumentException e = assertThrows(IllegalArgumentException.class,
                () -> Refiners.create(RefinerSpec.histogram(), null, ref -> null));
        assertTrue(e.getMessage().contains("target set"), e.getMessage());
        e = assertThrows(IllegalArgumentException.class, () -> Refiners.create(RefinerSpec.fda(0.9), TestImages.SMALL_TARGET, null));
        assertTrue(e.getMessage().contains("refiner.beta"), e.getMessage());
    }

    @Test
    void aClosedRefinerRefusesFrames() throws IOException {
        for (RefinerSpec spec : specs()) {
            Refiner r = create(spec);
            r.close();
            assertThrows(IllegalStateException.class, () -> r.refine(FloatImage.blank(8, 8, 3), 1, 0), spec.kind());
            assertNotEquals(null, r.parameters(1, 0).get("kind"));
        }
    }
}
