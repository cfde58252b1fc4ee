package io.photonfarm.node.render;

import static org.junit.jupiter.api.Assertions.assertTrue;

import io.photonfarm.image.FloatImage;
import io.photonfarm.scene.Scene;
import io.photonfarm.scene.builtin.BuiltinScenes;
import java.util.Arrays;
import org.junit.jupiter.api.AfterAll;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;

/**
 * Next-event estimation with MIS and pure path tracing estimate the same integral. The Cornell box
 * is rendered by both with {@link #SEEDS} independent seeds each; per 8x8 block and channel, the
 * difference of the two methods' means is divided by its standard error estimated from the
 * seed-to-seed spread (a Welch t-statistic with about 6 degrees of freedom). Under the null
 * hypothesis the median of z^2 is about 0.5 and |z| > 4 happens in under 1% of blocks; a missing MIS
 * weight or a wrong pdf shifts whole regions by many standard errors.
 */
class NeeConvergenceTest {
    static final int W = 48;
    static final int H = 48;
    static final int BLOCK = 8;
    static final int SEEDS = 4;
    static RenderFixture fx;

    @BeforeAll
    static void open() {
        fx = new RenderFixture();
    }

    @AfterAll
    static void close() {
        fx.close();
    }

    static double[] blockMeans(FloatImage img) {
        int bw = W / BLOCK;
        double[] out = new double[bw * (H / BLOCK) * 3];
        for (int y = 0; y < H; y++) {
            for (int x = 0; x < W; x++) {
                for (int c = 0; c < 3; c++) {
                    out[((y / BLOCK) * bw + x / BLOCK) * 3 + c] += img.get(x, y, c) / (BLOCK * BLOCK);
                }
            }
        }
        return out;
    }

    @Test
    void lightSamplingWithMisAndPurePathTracingConvergeToTheSameImage() {
        Scene s = BuiltinScenes.cornellBox();
        try (GpuScene scene = fx.load(s)) {
            double[][] nee = new double[SEEDS][];
            double[][] pt = new double[SEEDS][];
            for (int k = 0; k < SEEDS; k++) {
                FrameSettings f = FrameSettings.of(W, H, 100 + k, 4, true, s.camera().orElseThrow());
                nee[k] = blockMeans(fx.render(scene, f, 32).toImage());
                pt[k] = blockMeans(fx.render(scene, f.withNee(false), 128).toImage());
            }
            int n = nee[0].length;
            double[] z2 = new double[n];
            int extreme = 0;
            for (int i = 0; i < n; i++) {
                double[] a = column(nee, i);
                double[] b = column(pt, i);
                double var = variance(a) / SEEDS + variance(b) / SEEDS;
                // Blocks that are black for every seed (no light reaches them) have no spread at all.
                var = Math.max(var, Math.pow(1e-4 * mean(b), 2) + 1e-12);
                z2[i] = Math.pow(mean(a) - mean(b), 2) / var;
                if (z2[i] > 16) {
                    extreme++;
                }
            }
            double[] sorted = z2.clone();
            Arrays.sort(sorted);
            double median = sorted[n / 2];
            double total = 0;
            double totalNee = 0;
            for (int k = 0; k < SEEDS; k++) {
                total += sum(pt[k]);
                totalNee += sum(nee[k]);
            }
            assertTrue(total > 1.0, "the Cornell box is lit");
            assertTrue(median < 1.5, "median squared z-score " + median + " (about 0.5 expected)");
            assertTrue(extreme <= n / 10, extreme + " of " + n + " block channels differ by more than 4 standard errors");
            double relMean = totalNee / total - 1;
            assertTrue(Math.abs(relMean) < 0.02, "whole-image mean differs by " + relMean);
        }
    }

    static double[] column(double[][] rows, int i) {
        double[] c = new double[rows.length];
        for (int k = 0; k < rows.length; k++) {
            c[k] = rows[k][i];
        }
        return c;
    }

    static double mean(double[] a) {
        return sum(a) / a.length;
    }

    /** Unbiased sample variance. */
    static double variance(double[] a) {
        double m = mean(a);
        double v = 0;
        for (double x : a) {
            v += (x - m) * (x - m);
        }
        return v / (a.length - 1);
    }

    static double sum(double[] a) {
        double s = 0;
        for (double v : a) {
            s += v;
        }
        return s;
    }
}
