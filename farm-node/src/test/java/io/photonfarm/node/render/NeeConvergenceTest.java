package io.photonfarm.node.render;

import static org.junit.jupiter.api.Assertions.assertTrue;

import io.photonfarm.image.FloatImage;
import io.photonfarm.scene.Scene;
import io.photonfarm.scene.builtin.BuiltinScenes;
import org.junit.jupiter.api.AfterAll;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;

/**
 * Next-event estimation with MIS and pure path tracing estimate the same integral. The Cornell box
 * is rendered by both, twice each with independent seeds; per 8x8 block, the difference of the two
 * methods is compared with the noise measured from the seed-to-seed differences. Under the null
 * hypothesis the mean squared z-score is about 1; a biased estimator makes it explode.
 */
class NeeConvergenceTest {
    static final int W = 48;
    static final int H = 48;
    static final int BLOCK = 8;
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
            double[][] nee = new double[2][];
            double[][] pt = new double[2][];
            for (int k = 0; k < 2; k++) {
                FrameSettings f = FrameSettings.of(W, H, 100 + k, 4, true, s.camera().orElseThrow());
                nee[k] = blockMeans(fx.render(scene, f, 32).toImage());
                pt[k] = blockMeans(fx.render(scene, f.withNee(false), 128).toImage());
            }
            double z2 = 0;
            int n = nee[0].length;
            double total = 0;
            for (int i = 0; i < n; i++) {
                double meanNee = (nee[0][i] + nee[1][i]) / 2;
                double meanPt = (pt[0][i] + pt[1][i]) / 2;
                // Variance of each two-seed mean from its seed-to-seed difference: (a - b)^2 / 4.
                double var = Math.pow(nee[0][i] - nee[1][i], 2) / 4 + Math.pow(pt[0][i] - pt[1][i], 2) / 4;
                // A floor keeps blocks whose two seeds happened to agree from dominating.
                var = Math.max(var, Math.pow(0.01 * meanPt, 2));
                z2 += Math.pow(meanNee - meanPt, 2) / var;
                total += meanPt;
            }
            double meanZ2 = z2 / n;
            assertTrue(total > 1.0, "the Cornell box is lit");
            // One-degree-of-freedom variance estimates are heavy-tailed, hence a generous bound; a
            // missing MIS weight or a wrong pdf gives values in the tens or hundreds.
            assertTrue(meanZ2 < 6.0, "mean squared z-score " + meanZ2);
            double relMean = sum(nee[0]) / sum(pt[0]) - 1;
            assertTrue(Math.abs(relMean) < 0.03, "whole-image mean differs by " + relMean);
        }
    }

    static double sum(double[] a) {
        double s = 0;
        for (double v : a) {
            s += v;
        }
        return s;
    }
}
