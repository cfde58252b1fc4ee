package io.photonfarm.sensor;

/**
 * A sensor's fixed-pattern noise over an image size: each pixel's relative gain (PRNU) and offset
 * in DN (DSNU). A function of the sensor's seed and the pixel index alone, so every frame and every
 * job sees the same pattern; computed once per size and shared, since it never changes.
 *
 * @param gain   1 + prnu × N_PRNU(i), not below 0, per pixel; null when the sensor has no PRNU
 * @param offset dsnu × N_DSNU(i) in DN, per pixel; null when the sensor has no DSNU
 */
record FixedPattern(float[] gain, float[] offset) {

    static FixedPattern of(EffectiveProfile.Sensor s, int width, int height) {
        int pixels = width * height;
        float[] gain = s.prnu() > 0 ? new float[pixels] : null;
        float[] offset = s.dsnu() > 0 ? new float[pixels] : null;
        long prnuKey = CounterRng.fixedKey(s.seed(), CounterRng.Stream.PRNU);
        long dsnuKey = CounterRng.fixedKey(s.seed(), CounterRng.Stream.DSNU);
        Rows.forEach(height, y -> {
            for (int i = y * width, end = i + width; i < end; i++) {
                if (gain != null) {
                    gain[i] = (float) Math.max(0, 1 + s.prnu() * Distributions.normal(CounterRng.pixelKey(prnuKey, i), 0));
                }
                if (offset != null) {
                    offset[i] = (float) (s.dsnu() * Distributions.normal(CounterRng.pixelKey(dsnuKey, i), 0));
                }
            }
        });
        return new FixedPattern(gain, offset);
    }
}
