package io.photonfarm.sensor;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

import org.junit.jupiter.api.Test;

class DistributionsTest {
    private static final int DRAWS = 100_000;

    @Test
    void normalQuantilesMatchTabulatedValues() {
        assertEquals(0, Distributions.normalQuantile(0.5), 0);
        assertEquals(1.959963984540054, Distributions.normalQuantile(0.975), 1e-14);
        assertEquals(1.0, Distributions.normalQuantile(0.8413447460685429), 1e-14);
        assertEquals(-3.090232306167813, Distributions.normalQuantile(0.001), 1e-13);
        assertEquals(-6.361340902404056, Distributions.normalQuantile(1e-10), 1e-12);
        assertEquals(8.209536151601387, Distributions.normalQuantile(1 - 1.1102230246251565e-16), 1e-9);
    }

    @Test
    void poissonDrawsHaveTheRightMeanAndVarianceOnBothSidesOfTheMethodSwitch() {
        for (double mean : new double[] {0.3, 4, 9.99, 10, 37.5, 6000}) {
            long key = CounterRng.streamKey(5, 1, CounterRng.Stream.SHOT);
            double sum = 0;
            double squares = 0;
            for (int i = 0; i < DRAWS; i++) {
                long k = Distributions.poisson(mean, CounterRng.pixelKey(key, i));
                sum += k;
                squares += (double) k * k;
            }
            double m = sum / DRAWS;
            double var = squares / DRAWS - m * m;
            assertEquals(mean, m, 4 * Math.sqrt(mean / DRAWS), "mean of Poisson(" + mean + ")");
            assertEquals(mean, var, 0.03 * mean, "variance of Poisson(" + mean + ")");
        }
    }

    @Test
    void poissonProbabilitiesMatchTheDistributionForInversionAndPtrs() {
        for (double mean : new double[] {3, 25}) {
            long key = CounterRng.streamKey(6, 2, CounterRng.Stream.SHOT);
            int[] counts = new int[200];
            for (int i = 0; i < DRAWS; i++) {
                counts[(int) Distributions.poisson(mean, CounterRng.pixelKey(key, i))]++;
            }
            for (int k = 0; k < 60; k++) {
                double p = Math.exp(-mean + k * Math.log(mean) - Distributions.logFactorial(k));
                double tolerance = 5 * Math.sqrt(p * (1 - p) / DRAWS) + 1e-5;
                assertEquals(p, counts[k] / (double) DRAWS, tolerance, "P(k = " + k + ") of Poisson(" + mean + ")");
            }
        }
    }

    @Test
    void logFactorialIsContinuousWhereTheTableHandsOverToStirling() {
        assertEquals(Distributions.logFactorial(255) + Math.log(256), Distributions.logFactorial(256), 1e-10);
        assertEquals(Distributions.logFactorial(256) + Math.log(257), Distributions.logFactorial(257), 1e-10);
        assertTrue(Distributions.logFactorial(0) == 0 && Distributions.logFactorial(1) == 0);
    }
}
