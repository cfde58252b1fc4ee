package io.photonfarm.refine;

import static org.junit.jupiter.api.Assertions.assertEquals;

import java.util.Random;
import org.junit.jupiter.api.Test;

class PatchMeasuresTest {
    private static final int S = 64;

    @Test
    void whiteNoiseHasAFlatSpectrumAndItsOwnSigma() {
        Random rnd = new Random(1);
        double[] patch = new double[S * S];
        for (int i = 0; i < patch.length; i++) {
            patch[i] = 0.5 + 0.05 * rnd.nextGaussian();
        }
        assertEquals(0, PatchMeasures.spectrumSlope(patch, S, Fft.of(S)), 0.15);
        assertEquals(0.05, PatchMeasures.noiseSigma(patch, S, S), 0.05 * 0.05);
    }

    @Test
    void fieldsWithPowerFallingAsTheSquareOfFrequencyHaveSlopeMinusTwoOnAverage() {
        // One 64-pixel patch's estimate scatters by about 0.15 (few bins in the low rings); sixteen average it out.
        double sum = 0;
        for (int seed = 0; seed < 8; seed++) {
            sum += randomPhaseSlope(seed, true) + randomPhaseSlope(seed, false);
        }
        assertEquals(-2, sum / 16, 0.1);
    }

    /**
     * The slope measured on the real or imaginary part of a random-phase field with amplitude 1 / f
     * (the textbook model of natural images): either part keeps the radial power law.
     */
    private static double randomPhaseSlope(int seed, boolean realPart) {
        Random rnd = new Random(seed);
        double[] re = new double[S * S];
        double[] im = new double[S * S];
        for (int ky = 0; ky < S; ky++) {
            for (int kx = 0; kx < S; kx++) {
                double f = Math.hypot(Fft.signedFrequency(kx, S), Fft.signedFrequency(ky, S));
                double phase = 2 * Math.PI * rnd.nextDouble();
                double a = f == 0 ? 0 : 1 / f;
                re[ky * S + kx] = a * Math.cos(phase);
                im[ky * S + kx] = a * Math.sin(phase);
            }
        }
        Fft.inverse2d(re, im, S, S);
        double[] patch = new double[S * S];
        for (int i = 0; i < patch.length; i++) {
            patch[i] = 0.5 + 20 * (realPart ? re[i] : im[i]);
        }
        return PatchMeasures.spectrumSlope(patch, S, Fft.of(S));
    }

    @Test
    void aPlaneHasNoNoise() {
        double[] patch = new double[S * S];
        for (int y = 0; y < S; y++) {
            for (int x = 0; x < S; x++) {
                patch[y * S + x] = 0.1 + 0.004 * x + 0.003 * y;
            }
        }
        assertEquals(0, PatchMeasures.noiseSigma(patch, S, S), 1e-12);
    }
}
