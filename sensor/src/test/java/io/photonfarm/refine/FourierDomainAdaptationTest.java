package io.photonfarm.refine;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

import io.photonfarm.api.camera.RefinerSpec;
import io.photonfarm.image.FloatImage;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.ValueSource;

class FourierDomainAdaptationTest {
    /** Full 2-D spectrum {re, im} of one channel. */
    private static double[][] spectrum(double[] plane, int w, int h) {
        double[] re = plane.clone();
        double[] im = new double[re.length];
        Fft.forward2d(re, im, w, h);
        return new double[][] {re, im};
    }

    private static double[] plane(FloatImage img, int ch) {
        double[] p = new double[img.width() * img.height()];
        for (int i = 0; i < p.length; i++) {
            p[i] = img.data()[i * img.channels() + ch];
        }
        return p;
    }

    private static double angleBetween(double re1, double im1, double re2, double im2) {
        double d = Math.atan2(im1, re1) - Math.atan2(im2, re2);
        return Math.abs(Math.IEEEremainder(d, 2 * Math.PI));
    }

    /** Beta 0.05 sums the square's few row bins directly, 0.3 transforms whole rows: both must agree with the full FFT. */
    @ParameterizedTest
    @ValueSource(doubles = {0.05, 0.3})
    void fdaKeepsThePhaseOfTheSourceAndMovesItsLowFrequencyAmplitudeToTheTarget(double beta) {
        int w = 96;
        int h = 72; // Bluestein lengths along both axes
        FloatImage source = TestImages.smoothFrame(w, h, 3, 11);
        FourierDomainAdaptation fda = (FourierDomainAdaptation) Refiners.create(RefinerSpec.fda(beta), TestImages.SMALL_TARGET, null);
        int photo = 1;
        int b = fda.halfWidth(w, h);
        assertEquals((int) Math.floor(beta * 72), b);
        double[][] adapted = fda.adapt(source, photo);
        FloatImage target = Resize.cover(TestImages.SMALL_TARGET.photoShared(photo), w, h);
        int inSquare = 0;
        for (int ch = 0; ch < 3; ch++) {
            double[][] out = spectrum(adapted[ch], w, h);
            double[][] src = spectrum(plane(source, ch), w, h);
            double[][] trg = spectrum(plane(target, ch), w, h);
            double scale = Math.hypot(src[0][0], src[1][0]); // the DC amplitude bounds every other
            // The two really differ where they are swapped: the photo's mean is not the frame's.
            assertTrue(Math.abs(Math.hypot(trg[0][0], trg[1][0]) - scale) > 0.01 * scale, "channel " + ch + " DC");
            for (int ky = 0; ky < h; ky++) {
                for (int kx = 0; kx < w; kx++) {
                    int i = ky * w + kx;
                    boolean low = Math.abs(Fft.signedFrequency(kx, w)) <= b && Math.abs(Fft.signedFrequency(ky, h)) <= b;
                    double amplitude = Math.hypot(out[0][i], out[1][i]);
                    double wanted = low ? Math.hypot(trg[0][i], trg[1][i]) : Math.hypot(src[0][i], src[1][i]);
                    assertEquals(wanted, amplitude, 1e-9 * scale, "amplitude of channel " + ch + " bin " + kx + "," + ky);
                    if (Math.hypot(src[0][i], src[1][i]) > 1e-7 * scale && amplitude > 1e-7 * scale) {
                        double dPhase = angleBetween(out[0][i], out[1][i], src[0][i], src[1][i]);
                        assertTrue(dPhase < 1e-5, "phase of channel " + ch + " bin " + kx + "," + ky + " moved by " + dPhase);
                    }
                    inSquare += low ? 1 : 0;
                }
            }
        }
        assertEquals(3 * (2 * b + 1) * (2 * b + 1), inSquare);
    }

    @Test
    void theRefinedFrameIsTheAdaptedOneClampedToTheDisplayRange() {
        FloatImage source = TestImages.smoothFrame(64, 50, 3, 12);
        try (Refiner r = Refiners.create(RefinerSpec.fda(0.1), TestImages.SMALL_TARGET, null)) {
            FourierDomainAdaptation fda = (FourierDomainAdaptation) r;
            FloatImage out = r.refine(source, 99, 4);
            double[][] adapted = fda.adapt(source, fda.targetIndex(99, 4));
            int clamped = 0;
            for (int i = 0; i < 64 * 50; i++) {
                for (int ch = 0; ch < 3; ch++) {
                    double a = adapted[ch][i];
                    assertEquals(Math.max(0, Math.min(1, a)), out.data()[i * 3 + ch], 1e-6);
                    clamped += a < 0 || a > 1 ? 1 : 0;
                }
            }
            // Most pixels need no clamping: the frame only takes on the target's overall look.
            assertTrue(clamped < 64 * 50 * 3 / 10, clamped + " values clamped");
        }
    }

    @Test
    void aGreyFrameTakesTheLowFrequencyAmplitudeOfTheTargetsLuma() {
        int w = 40;
        int h = 30;
        FloatImage source = TestImages.smoothFrame(w, h, 1, 13);
        FourierDomainAdaptation fda = (FourierDomainAdaptation) Refiners.create(RefinerSpec.fda(0.1), TestImages.SMALL_TARGET, null);
        double[][] adapted = fda.adapt(source, 2);
        FloatImage rgb = Resize.cover(TestImages.SMALL_TARGET.photoShared(2), w, h);
        double[] luma = new double[w * h];
        for (int i = 0; i < luma.length; i++) {
            luma[i] = (float) Colour.luma(rgb.data()[i * 3], rgb.data()[i * 3 + 1], rgb.data()[i * 3 + 2]);
        }
        double[][] out = spectrum(adapted[0], w, h);
        double[][] trg = spectrum(luma, w, h);
        // DC and the first horizontal harmonic both lie in the square of half-width 3.
        for (int i : new int[] {0, 1, w - 1, w, 3 * w + 3}) {
            assertEquals(Math.hypot(trg[0][i], trg[1][i]), Math.hypot(out[0][i], out[1][i]), 1e-6);
        }
    }

    @Test
    void theTargetPhotoIsAPureFunctionOfSeedAndFrameAndVariesOverFrames() {
        FourierDomainAdaptation fda = (FourierDomainAdaptation) Refiners.create(RefinerSpec.fda(0.01), TestImages.SMALL_TARGET, null);
        java.util.Set<Integer> chosen = new java.util.HashSet<>();
        for (int f = 0; f < 30; f++) {
            assertEquals(fda.targetIndex(5, f), fda.targetIndex(5, f));
            chosen.add(fda.targetIndex(5, f));
            assertEquals(TestImages.PHOTOS.get(fda.targetIndex(5, f)), fda.parameters(5, f).get("target"));
        }
        assertEquals(3, chosen.size());
    }
}
