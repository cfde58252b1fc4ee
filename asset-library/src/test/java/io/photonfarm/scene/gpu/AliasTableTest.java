package io.photonfarm.scene.gpu;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertThrows;

import java.nio.ByteBuffer;
import java.nio.ByteOrder;
import java.util.SplittableRandom;
import org.junit.jupiter.api.Test;

class AliasTableTest {

    /** The probability the table gives each entry: q_i / N plus (1 - q_j) / N from every j aliasing to i. */
    static double[] impliedProbabilities(AliasTable t) {
        int n = t.size();
        double[] p = new double[n];
        for (int i = 0; i < n; i++) {
            p[i] += t.threshold(i) / (double) n;
            p[t.alias(i)] += (1.0 - t.threshold(i)) / n;
        }
        return p;
    }

    @Test
    void impliedProbabilitiesEqualNormalisedWeights() {
        SplittableRandom rnd = new SplittableRandom(1);
        double[] w = new double[1000];
        double total = 0;
        for (int i = 0; i < w.length; i++) {
            w[i] = i % 10 == 0 ? 0 : Math.pow(rnd.nextDouble(), 4) * 100;
            total += w[i];
        }
        AliasTable table = AliasTable.build(w);
        assertEquals(total, table.totalWeight(), 1e-9 * total);
        double[] p = impliedProbabilities(table);
        double sum = 0;
        for (int i = 0; i < w.length; i++) {
            assertEquals(w[i] / total, p[i], 1e-6, "entry " + i);
            sum += p[i];
        }
        assertEquals(1.0, sum, 1e-9);
    }

    @Test
    void empiricalFrequenciesMatchWeights() {
        double[] w = {1, 0, 3, 0.5, 7, 0.01, 2, 0};
        double total = 13.51;
        AliasTable table = AliasTable.build(w);
        SplittableRandom rnd = new SplittableRandom(2);
        int samples = 2_000_000;
        int[] counts = new int[w.length];
        for (int s = 0; s < samples; s++) {
            counts[table.sample((float) rnd.nextDouble())]++;
        }
        for (int i = 0; i < w.length; i++) {
            double p = w[i] / total;
            double sigma = Math.sqrt(samples * p * (1 - p));
            // 5 sigma (float u limits the resolution to ~1e-7, far below this)
            assertEquals(samples * p, counts[i], 5 * sigma + 1, "entry " + i + " weight " + w[i]);
            if (w[i] == 0) {
                assertEquals(0, counts[i], "a zero-weight entry was picked");
            }
        }
    }

    @Test
    void allZeroWeightsGiveAUniformTableWithZeroTotal() {
        AliasTable table = AliasTable.build(new double[] {0, 0, 0});
        assertEquals(0, table.totalWeight());
        for (int i = 0; i < 3; i++) {
            assertEquals(1f, table.threshold(i));
            assertEquals(i, table.alias(i));
        }
    }

    @Test
    void singleEntryAlwaysPicksItself() {
        AliasTable table = AliasTable.build(new double[] {5});
        assertEquals(0, table.sample(0f));
        assertEquals(0, table.sample(0.99999994f));
    }

    @Test
    void writesEightBytesPerEntry() {
        AliasTable table = AliasTable.build(new double[] {1, 3});
        ByteBuffer b = ByteBuffer.allocate(2 * GpuLayout.ALIAS).order(ByteOrder.LITTLE_ENDIAN);
        table.writeTo(b);
        assertEquals(0, b.remaining());
        assertEquals(table.threshold(0), b.getFloat(0));
        assertEquals(table.alias(0), b.getInt(4));
        assertEquals(table.threshold(1), b.getFloat(8));
        assertEquals(table.alias(1), b.getInt(12));
    }

    @Test
    void rejectsNegativeOrNonFiniteWeights() {
        for (double bad : new double[] {-1, Double.NaN, Double.POSITIVE_INFINITY}) {
            assertThrows(IllegalArgumentException.class, () -> AliasTable.build(new double[] {1, bad}), "weight " + bad);
        }
    }
}
