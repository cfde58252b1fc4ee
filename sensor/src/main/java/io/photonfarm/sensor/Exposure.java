package io.photonfarm.sensor;

import io.photonfarm.image.FloatImage;

/**
 * Exposure: from radiance to expected photo-electrons (non-finite radiance metering and reading as 0). Chooses the exposure time and gain (fixed, or
 * by auto-exposure from the frame's metered mean), then multiplies each pixel's radiance, as the
 * sensor's colour filters see it, by electronsPerRadianceSecond × time.
 */
final class Exposure {
    /** Rec. 709 luminance weights: what a monochrome sensor's panchromatic pixels see. */
    private static final double[] LUMA = {0.2126, 0.7152, 0.0722};

    /** Far above any full well: where infinite radiance saturates. */
    private static final double MAX_ELECTRONS = 1e15;

    private Exposure() {
    }

    /**
     * The exposure of one frame.
     *
     * @param time                 seconds (0 without an exposure stage)
     * @param iso                  the ISO speed
     * @param gain                 the analogue gain, iso / base ISO
     * @param electronsPerRadiance expected electrons per unit of (filtered) radiance: rate × time
     * @param meteredRadiance      the frame's metered mean radiance (camera RGB weighted 1:2:1, or luminance)
     */
    record Choice(double time, double iso, double gain, double electronsPerRadiance, double meteredRadiance) {
    }

    /**
     * Picks the exposure. Auto-exposure solves time × gain for the target, preferring time: it sets
     * gain 1 and the needed time; when that exceeds the longest time it holds that and raises the gain
     * up to the highest ISO; below the shortest time the frame is over-exposed at the shortest time.
     */
    static Choice choose(FloatImage radiance, EffectiveProfile.Exposure e, EffectiveProfile.Sensor s) {
        if (!e.present()) {
            // No exposure stage: radiance 1 is full scale at gain 1.
            return new Choice(0, s.baseIso(), 1, s.fullScale() / s.a(), Double.NaN);
        }
        double metered = meter(radiance, s);
        if (!e.auto()) {
            double gain = e.iso() / s.baseIso();
            return new Choice(e.time(), e.iso(), gain, e.electronsPerRadianceSecond() * e.time(), metered);
        }
        double maxGain = e.maxIso() / s.baseIso();
        // Signal in DN = metered × rate × time × a × gain; solve for time × gain.
        double timeGain = metered > 0 ? e.targetMean() * s.fullScale() / (metered * e.electronsPerRadianceSecond() * s.a())
                : Double.POSITIVE_INFINITY;
        double time = Math.max(e.minTime(), Math.min(e.maxTime(), timeGain));
        double gain = Math.max(1, Math.min(maxGain, timeGain / time));
        return new Choice(time, gain * s.baseIso(), gain, e.electronsPerRadianceSecond() * time, metered);
    }

    /** The mean radiance the sensor sees: camera RGB weighted 1:2:1 as a Bayer mosaic samples it, or luminance. */
    static double meter(FloatImage radiance, EffectiveProfile.Sensor s) {
        double[] weights = meterWeights(s);
        int w = radiance.width();
        float[] in = radiance.data();
        double[] rows = new double[radiance.height()];
        Rows.forEach(radiance.height(), y -> {
            double sum = 0;
            for (int i = y * w * 3, end = i + w * 3; i < end; i += 3) {
                double v = weights[0] * in[i] + weights[1] * in[i + 1] + weights[2] * in[i + 2];
                if (Double.isFinite(v)) {
                    sum += v;
                }
            }
            rows[y] = sum;
        });
        return Rows.sum(rows) / ((double) w * radiance.height());
    }

    /** Weights on scene RGB of the metered signal: the filters' response combined 1:2:1, or luminance. */
    private static double[] meterWeights(EffectiveProfile.Sensor s) {
        if (s.monochrome()) {
            return LUMA;
        }
        double[] m = s.response();
        double[] out = new double[3];
        for (int j = 0; j < 3; j++) {
            out[j] = 0.25 * m[j] + 0.5 * m[3 + j] + 0.25 * m[6 + j];
        }
        return out;
    }

    /**
     * Expected electrons per pixel and channel (camera RGB, or 1 channel for a monochrome sensor):
     * the filtered radiance × electrons per radiance. Not clipped: the sensor clips at the full well
     * after shot noise, as charge does.
     */
    static FloatImage electrons(FloatImage radiance, EffectiveProfile.Sensor s, Choice choice) {
        int w = radiance.width();
        int h = radiance.height();
        int channels = s.channels();
        float[] in = radiance.data();
        float[] out = new float[w * h * channels];
        double k = choice.electronsPerRadiance();
        double[] m = s.monochrome() ? LUMA : s.response();
        Rows.forEach(h, y -> {
            for (int x = 0; x < w; x++) {
                int i = (y * w + x) * 3;
                double r = in[i];
                double g = in[i + 1];
                double b = in[i + 2];
                int o = (y * w + x) * channels;
                for (int c = 0; c < channels; c++) {
                    double v = k * (m[3 * c] * r + m[3 * c + 1] * g + m[3 * c + 2] * b);
                    // NaN (a broken sample) reads as no light; infinities as more than any full well holds.
                    out[o + c] = v > 0 ? (float) Math.min(v, MAX_ELECTRONS) : 0f;
                }
            }
        });
        return new FloatImage(w, h, channels, out);
    }

    /**
     * The clean linear image: expected signal as a fraction of full scale, clipped at the full well
     * and at full scale; no noise and no dark signal.
     */
    static FloatImage clean(FloatImage electrons, EffectiveProfile.Sensor s, double fullWell, Choice choice) {
        float[] in = electrons.data();
        float[] out = new float[in.length];
        double dnPerElectron = s.a() * choice.gain();
        double clip = Math.min(fullWell, s.fullScale() / dnPerElectron);
        double scale = dnPerElectron / s.fullScale();
        int rowLength = electrons.width() * electrons.channels();
        Rows.forEach(electrons.height(), y -> {
            for (int i = y * rowLength, end = i + rowLength; i < end; i++) {
                out[i] = (float) (Math.min(in[i], clip) * scale);
            }
        });
        return new FloatImage(electrons.width(), electrons.height(), electrons.channels(), out);
    }
}
