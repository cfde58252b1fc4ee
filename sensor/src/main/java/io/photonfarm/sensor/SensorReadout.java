package io.photonfarm.sensor;

import io.photonfarm.image.FloatImage;

/**
 * The sensor proper: colour filter sampling, fixed-pattern noise, shot noise and dark current (exact
 * Poisson on the electron count), full-well clipping, gain, read and row noise, black level and ADC
 * quantisation. Per pixel i = y × width + x, in this order:
 *
 * <pre>
 *   e  = expected electrons of the pixel's filter channel × (1 + prnu × N_PRNU(i))      (not below 0)
 *   n  = min(Poisson(e + darkCurrent × time), fullWell)
 *   DN = round(n × a × gain + black + dsnu × N_DSNU(i)
 *              + σ (sqrt(1 - ρ) N_READ(i) + sqrt(ρ) N_ROW(y)))  clipped to 0..2^bitDepth-1
 *   σ² = max(b × gain² - 1/12, 0)   (quantisation supplies the remaining 1/12 DN² of b × gain²)
 * </pre>
 *
 * so that the temporal variance is a' × signal + b' with a' = a × gain and b' = b × gain² (Foi et
 * al. 2008). N_PRNU and N_DSNU are standard normals keyed by the sensor seed and pixel alone; the
 * others by (job seed, frame, stream, pixel or row).
 */
final class SensorReadout {
    private static final double QUANTISATION_VARIANCE = 1.0 / 12;

    private SensorReadout() {
    }

    /** The effective noise model of a frame: var(DN) = a × signal + b, at the frame's gain. */
    record NoiseModel(double a, double b, double readSigma) {
        static NoiseModel of(EffectiveProfile.Sensor s, double gain) {
            double b = s.b() * gain * gain;
            return new NoiseModel(s.a() * gain, b, Math.sqrt(Math.max(b - QUANTISATION_VARIANCE, 0)));
        }
    }

    /**
     * Reads the sensor out.
     *
     * @param electrons expected electrons, camera RGB (or 1 channel for a monochrome sensor)
     * @param pattern   the sensor's fixed pattern at this image size
     * @return the raw mosaic in DN, black level included, one value per pixel
     */
    static int[] read(FloatImage electrons, EffectiveProfile.Sensor s, FixedPattern pattern, Exposure.Choice exposure,
            double fullWell, long jobSeed, int frame) {
        int w = electrons.width();
        int h = electrons.height();
        int channels = electrons.channels();
        float[] in = electrons.data();
        int[] raw = new int[w * h];
        NoiseModel noise = NoiseModel.of(s, exposure.gain());
        double dnPerElectron = noise.a();
        double dark = s.darkCurrent() * exposure.time();
        double readPixel = noise.readSigma() * Math.sqrt(1 - s.rowNoiseShare());
        double readRow = noise.readSigma() * Math.sqrt(s.rowNoiseShare());
        long shotKey = CounterRng.streamKey(jobSeed, frame, CounterRng.Stream.SHOT);
        long readKey = CounterRng.streamKey(jobSeed, frame, CounterRng.Stream.READ);
        long rowKey = CounterRng.streamKey(jobSeed, frame, CounterRng.Stream.ROW);
        float[] gain = pattern.gain();
        float[] offset = pattern.offset();
        int white = s.whiteLevel();
        double meanCap = 2 * fullWell + 1000;
        CfaPattern cfa = s.cfa();
        Rows.forEach(h, y -> {
            double row = readRow > 0 ? readRow * Distributions.normal(CounterRng.pixelKey(rowKey, y), 0) : 0;
            for (int x = 0; x < w; x++) {
                int i = y * w + x;
                double e = in[i * channels + (cfa == null ? 0 : cfa.channelAt(x, y))];
                if (gain != null) {
                    e *= gain[i];
                }
                // Means far above the full well clip anyway; capping them keeps Poisson sampling in its tested range.
                double mean = Math.min(e + dark, meanCap);
                long n = Math.min(Distributions.poisson(mean, CounterRng.pixelKey(shotKey, i)), (long) fullWell);
                double dn = n * dnPerElectron + s.blackLevel() + row;
                if (offset != null) {
                    dn += offset[i];
                }
                if (readPixel > 0) {
                    dn += readPixel * Distributions.normal(CounterRng.pixelKey(readKey, i), 0);
                }
                long q = (long) Math.floor(dn + 0.5);
                raw[i] = (int) Math.max(0, Math.min(white, q));
            }
        });
        return raw;
    }
}
