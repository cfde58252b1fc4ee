package io.photonfarm.refine;

import static org.junit.jupiter.api.Assertions.assertEquals;

import java.util.Random;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.ValueSource;
import org.junit.jupiter.api.Test;

class FftTest {
    private static double[][] naive(double[] re, double[] im, int sign) {
        int n = re.length;
        double[][] out = new double[2][n];
        for (int k = 0; k < n; k++) {
            for (int j = 0; j < n; j++) {
                double a = sign * 2 * Math.PI * ((long) j * k % n) / n;
                out[0][k] += re[j] * Math.cos(a) - im[j] * Math.sin(a);
                out[1][k] += re[j] * Math.sin(a) + im[j] * Math.cos(a);
            }
        }
        return out;
    }

    @ParameterizedTest
    @ValueSource(ints = {1, 2, 3, 5, 8, 12, 17, 64, 100, 127, 360})
    void everyLengthMatchesTheDefiningSumForwardAndInverse(int n) {
        Random rnd = new Random(n);
        double[] re = rnd.doubles(n, -1, 1).toArray();
        double[] im = rnd.doubles(n, -1, 1).toArray();
        double[][] want = naive(re, im, -1);
        double[][] wantInverse = naive(re, im, 1);
        double[] fr = re.clone();
        double[] fi = im.clone();
        Fft.of(n).forward(fr, fi);
        double[] ir = re.clone();
        double[] ii = im.clone();
        Fft.of(n).inverse(ir, ii);
        for (int k = 0; k < n; k++) {
            assertEquals(want[0][k], fr[k], 1e-9 * n);
            assertEquals(want[1][k], fi[k], 1e-9 * n);
            assertEquals(wantInverse[0][k], ir[k], 1e-9 * n);
            assertEquals(wantInverse[1][k], ii[k], 1e-9 * n);
        }
    }

    @Test
    void aTwoDimensionalRoundTripGivesTheImageBackForOddSizes() {
        int w = 45;
        int h = 14;
        Random rnd = new Random(3);
        double[] re = rnd.doubles(w * h).toArray();
        double[] im = new double[w * h];
        double[] fr = re.clone();
        double[] fi = im.clone();
        Fft.forward2d(fr, fi, w, h);
        // The DC bin is the plain sum.
        assertEquals(java.util.Arrays.stream(re).sum(), fr[0], 1e-9);
        Fft.inverse2d(fr, fi, w, h);
        for (int i = 0; i < w * h; i++) {
            assertEquals(re[i], fr[i], 1e-12);
            assertEquals(0, fi[i], 1e-12);
        }
    }

    @Test
    void signedFrequenciesPutNyquistOnTheNegativeSideAsFftShiftDoes() {
        assertEquals(-2, Fft.signedFrequency(2, 4));
        assertEquals(2, Fft.signedFrequency(2, 5));
        assertEquals(-2, Fft.signedFrequency(3, 5));
        assertEquals(0, Fft.signedFrequency(0, 7));
    }
}
