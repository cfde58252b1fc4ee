package io.photonfarm.sensor;

import static org.junit.jupiter.api.Assertions.assertArrayEquals;
import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertTrue;

import io.photonfarm.api.camera.ExposureStage;
import io.photonfarm.api.camera.OutputStage;
import io.photonfarm.api.camera.SensorProfile;
import io.photonfarm.api.camera.SensorStage;
import java.util.Arrays;
import org.junit.jupiter.api.Test;

class NoiseModelTest {
    private static final int SIZE = 192;
    private static final double A = 0.5;
    private static final double B = 4.0;
    private static final int BLACK = 128;

    /** 12-bit, every kind of noise on; manual exposure at base ISO so the profile's a and b are the frame's. */
    private static SensorProfile noisyProfile(long sensorSeed, double prnu) {
        ExposureStage exposure = new ExposureStage("manual", 0.01, 100.0, null, null, null, null, 700_000.0, 10_000.0);
        SensorStage sensor = new SensorStage("RGGB", 12, BLACK, A, B, 0.2, 100.0, prnu, 2.0, sensorSeed, 100.0, null);
        return TestScenes.profile(exposure, sensor, TestScenes.plainIsp("malvar"), new OutputStage(true, false));
    }

    private static int[] raw(SensorPipeline pipeline, double radiance, long jobSeed, int frame) {
        SensorFrame f = pipeline.process(TestScenes.flat(SIZE, SIZE, radiance, radiance, radiance), jobSeed, frame);
        return ImageCodec.decodeRaw(f.raw().bytes());
    }

    @Test
    void measuredVarianceFollowsTheProfilesLinearModelFromDarkToBright() {
        SensorPipeline pipeline = new SensorPipeline(noisyProfile(7, 0.01));
        double[] levels = {0, 0.001, 0.005, 0.02, 0.08, 0.3, 0.6};
        double[] means = new double[levels.length];
        double[] variances = new double[levels.length];
        for (int l = 0; l < levels.length; l++) {
            int[] first = raw(pipeline, levels[l], 42, 2 * l);
            int[] second = raw(pipeline, levels[l], 42, 2 * l + 1);
            // The difference of two frames cancels the fixed pattern; half its variance is the temporal variance.
            double sum = 0;
            double diffSum = 0;
            double diffSquares = 0;
            for (int i = 0; i < first.length; i++) {
                sum += first[i] + second[i] - 2 * BLACK;
                double d = first[i] - second[i];
                diffSum += d;
                diffSquares += d * d;
            }
            int n = first.length;
            means[l] = sum / (2.0 * n);
            double diffMean = diffSum / n;
            variances[l] = (diffSquares / n - diffMean * diffMean) / 2;
        }
        // Weighted least squares of variance on mean; a variance estimate's spread grows with the variance itself.
        double sw = 0, sx = 0, sy = 0, sxx = 0, sxy = 0;
        for (int l = 0; l < levels.length; l++) {
            double w = 1 / (variances[l] * variances[l]);
            sw += w;
            sx += w * means[l];
            sy += w * variances[l];
            sxx += w * means[l] * means[l];
            sxy += w * means[l] * variances[l];
        }
        double slope = (sw * sxy - sx * sy) / (sw * sxx - sx * sx);
        double intercept = (sy - slope * sx) / sw;
        String fit = "fit var = " + slope + " * mean + " + intercept + " over means " + Arrays.toString(means)
                + " and variances " + Arrays.toString(variances);
        assertEquals(A, slope, 0.05 * A, fit);
        assertEquals(B, intercept, 0.05 * B, fit);
        assertTrue(means[levels.length - 1] > 2000, "the brightest level is well up the ADC's range: " + fit);
    }

    @Test
    void darkFramesRepeatTheirOffsetPatternExactlyForOneSensorSeedOnly() {
        // Without read noise or light, a raw frame is black level plus the sensor's fixed offsets (DSNU), nothing random.
        SensorStage quiet = new SensorStage("RGGB", 12, BLACK, A, 0.0, null, null, null, 3.0, 11L, null, null);
        SensorStage otherSeed = new SensorStage("RGGB", 12, BLACK, A, 0.0, null, null, null, 3.0, 12L, null, null);
        OutputStage raw = new OutputStage(true, false);
        SensorPipeline one = new SensorPipeline(TestScenes.profile(null, quiet, null, raw));
        SensorPipeline other = new SensorPipeline(TestScenes.profile(null, otherSeed, null, raw));
        int[] frameA = ImageCodec.decodeRaw(one.process(TestScenes.flat(64, 64, 0, 0, 0), 1, 0).raw().bytes());
        int[] frameB = ImageCodec.decodeRaw(one.process(TestScenes.flat(64, 64, 0, 0, 0), 99, 17).raw().bytes());
        int[] otherSensor = ImageCodec.decodeRaw(other.process(TestScenes.flat(64, 64, 0, 0, 0), 1, 0).raw().bytes());
        assertArrayEquals(frameA, frameB, "another job's frame of the same sensor has the same offsets");
        assertFalse(Arrays.equals(frameA, otherSensor), "another sensor seed has other offsets");
        assertTrue(Arrays.stream(frameA).distinct().count() > 10, "the offsets vary from pixel to pixel");
    }

    @Test
    void gainPatternIsSharedByFramesOfOneSensorSeedAndUncorrelatedWithAnothers() {
        // Bright flat fields with 20% PRNU: the fixed gain pattern dwarfs shot noise (under 1% here).
        double[] a = normalised(raw(new SensorPipeline(noisyProfile(7, 0.2)), 0.5, 1, 0));
        double[] b = normalised(raw(new SensorPipeline(noisyProfile(7, 0.2)), 0.5, 2, 5));
        double[] c = normalised(raw(new SensorPipeline(noisyProfile(8, 0.2)), 0.5, 1, 0));
        assertTrue(correlation(a, b) > 0.98, "same sensor seed, other job and frame: " + correlation(a, b));
        assertTrue(Math.abs(correlation(a, c)) < 0.05, "another sensor seed: " + correlation(a, c));
    }

    private static double[] normalised(int[] raw) {
        return Arrays.stream(raw).mapToDouble(v -> v - BLACK).toArray();
    }

    private static double correlation(double[] x, double[] y) {
        double mx = Arrays.stream(x).average().orElseThrow();
        double my = Arrays.stream(y).average().orElseThrow();
        double sxy = 0, sxx = 0, syy = 0;
        for (int i = 0; i < x.length; i++) {
            sxy += (x[i] - mx) * (y[i] - my);
            sxx += (x[i] - mx) * (x[i] - mx);
            syy += (y[i] - my) * (y[i] - my);
        }
        return sxy / Math.sqrt(sxx * syy);
    }
}
