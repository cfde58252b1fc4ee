package io.photonfarm.sensor;

import io.photonfarm.api.camera.IspStage;
import io.photonfarm.image.FloatImage;

/**
 * White balance on the normalised raw (before demosaicing, as camera ISPs do, so the demosaicer's
 * colour-difference assumptions hold). Balanced values are clipped at full scale (1): a saturated
 * pixel stays white instead of turning magenta.
 */
final class WhiteBalance {
    /** Grey-world gains are held within this factor of green so a one-colour frame stays plausible. */
    private static final double MAX_GREY_WORLD_GAIN = 16;

    private WhiteBalance() {
    }

    /**
     * The gains [r, g, b] for a frame.
     *
     * @param image the normalised raw: a 1-channel mosaic (with {@code cfa}) or a 3-channel image
     */
    static double[] gains(EffectiveProfile.Isp isp, EffectiveProfile.Sensor sensor, FloatImage image, CfaPattern cfa) {
        return switch (isp.whiteBalance()) {
            case IspStage.WB_NONE -> new double[] {1, 1, 1};
            case IspStage.WB_GAINS -> isp.gains().clone();
            case IspStage.WB_RESPONSE -> EffectiveProfile.responseGains(sensor.response());
            case IspStage.WB_GREY_WORLD -> greyWorld(image, cfa);
            default -> throw new IllegalStateException("unknown white balance " + isp.whiteBalance());
        };
    }

    /** Gains that make the frame's mean colour neutral at green's level (green 1). */
    private static double[] greyWorld(FloatImage image, CfaPattern cfa) {
        int w = image.width();
        int channels = image.channels();
        float[] d = image.data();
        double[][] sums = new double[3][image.height()];
        double[][] counts = new double[3][image.height()];
        Rows.forEach(image.height(), y -> {
            for (int x = 0; x < w; x++) {
                for (int k = 0; k < channels; k++) {
                    int c = channels == 1 ? cfa.channelAt(x, y) : k;
                    sums[c][y] += d[(y * w + x) * channels + k];
                    counts[c][y]++;
                }
            }
        });
        double[] mean = new double[3];
        for (int c = 0; c < 3; c++) {
            double n = Rows.sum(counts[c]);
            mean[c] = n == 0 ? 0 : Rows.sum(sums[c]) / n;
        }
        double[] gains = new double[3];
        for (int c = 0; c < 3; c++) {
            gains[c] = mean[c] > 0 && mean[1] > 0
                    ? Math.max(1 / MAX_GREY_WORLD_GAIN, Math.min(MAX_GREY_WORLD_GAIN, mean[1] / mean[c])) : 1;
        }
        return gains;
    }

    /** Multiplies each value by its channel's gain and clips at full scale, in place. */
    static void apply(FloatImage image, CfaPattern cfa, double[] gains) {
        int w = image.width();
        int channels = image.channels();
        float[] d = image.data();
        Rows.forEach(image.height(), y -> {
            for (int x = 0; x < w; x++) {
                for (int c = 0; c < channels; c++) {
                    int i = (y * w + x) * channels + c;
                    double g = gains[channels == 1 ? cfa.channelAt(x, y) : c];
                    d[i] = (float) Math.min(1, d[i] * g);
                }
            }
        });
    }
}
