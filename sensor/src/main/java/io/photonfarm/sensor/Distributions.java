package io.photonfarm.sensor;

/**
 * Exact samplers over {@link CounterRng}'s uniforms. Transcendental functions go through
 * {@link StrictMath}, whose results the Java specification fixes bit for bit, so noise is identical
 * on every machine, not only on every thread.
 */
public final class Distributions {
    /** Below this mean Poisson draws invert the distribution function; from it on they use PTRS. */
    static final double PTRS_THRESHOLD = 10;
    private static final int LOG_FACTORIAL_TABLE = 256;
    private static final double[] LOG_FACTORIAL = logFactorials();
    private static final double HALF_LOG_TWO_PI = 0.5 * StrictMath.log(2 * Math.PI);

    private Distributions() {
    }

    /**
     * The standard normal quantile of {@code p} in (0, 1): algorithm AS 241 (PPND16) of Wichura
     * (1988), accurate to about 1e-16, so one uniform gives one exact-enough Gaussian and the
     * central 85% of draws need no logarithm.
     */
    static double normalQuantile(double p) {
        double q = p - 0.5;
        if (Math.abs(q) <= 0.425) {
            double r = 0.180625 - q * q;
            return q * (((((((2509.0809287301226727 * r + 33430.575583588128105) * r + 67265.770927008700853) * r
                    + 45921.953931549871457) * r + 13731.693765509461125) * r + 1971.5909503065514427) * r
                    + 133.14166789178437745) * r + 3.387132872796366608)
                    / (((((((5226.495278852854561 * r + 28729.085735721942674) * r + 39307.89580009271061) * r
                    + 21213.794301586595867) * r + 5394.1960214247511077) * r + 687.1870074920579083) * r
                    + 42.313330701600911252) * r + 1);
        }
        double r = q < 0 ? p : 1 - p;
        r = Math.sqrt(-StrictMath.log(r));
        double x;
        if (r <= 5) {
            r -= 1.6;
            x = (((((((7.7454501427834140764e-4 * r + 0.0227238449892691845833) * r + 0.24178072517745061177) * r
                    + 1.27045825245236838258) * r + 3.64784832476320460504) * r + 5.7694972214606914055) * r
                    + 4.6303378461565452959) * r + 1.42343711074968357734)
                    / (((((((1.05075007164441684324e-9 * r + 5.475938084995344946e-4) * r + 0.0151986665636164571966) * r
                    + 0.14810397642748007459) * r + 0.68976733498510000455) * r + 1.6763848301838038494) * r
                    + 2.05319162663775882187) * r + 1);
        } else {
            r -= 5;
            x = (((((((2.01033439929228813265e-7 * r + 2.71155556874348757815e-5) * r + 0.0012426609473880784386) * r
                    + 0.026532189526576123093) * r + 0.29656057182850489123) * r + 1.7848265399172913358) * r
                    + 5.4637849111641143699) * r + 6.6579046435011037772)
                    / (((((((2.04426310338993978564e-15 * r + 1.4215117583164458887e-7) * r + 1.8463183175100546818e-5) * r
                    + 7.868691311456132591e-4) * r + 0.0148753612908506148525) * r + 0.13692988092273580531) * r
                    + 0.59983220655588793769) * r + 1);
        }
        return q < 0 ? -x : x;
    }

    /** A standard normal draw: draw {@code draw} of the pixel with key {@code pixelKey}. */
    public static double normal(long pixelKey, int draw) {
        return normalQuantile(CounterRng.uniform(pixelKey, draw));
    }

    /**
     * An exact Poisson draw of mean {@code mean} (0 or more), from the uniforms of {@code pixelKey}
     * starting at draw 0. Small means invert the distribution function with one uniform; from
     * {@value #PTRS_THRESHOLD} on, Hörmann's transformed rejection with squeeze (PTRS, "The
     * transformed rejection method for generating Poisson random variables", 1993) takes two
     * uniforms per attempt, accepting more than 90% of first attempts.
     */
    static long poisson(double mean, long pixelKey) {
        if (!(mean > 0)) {
            return 0;
        }
        if (mean < PTRS_THRESHOLD) {
            return poissonInversion(mean, CounterRng.uniform(pixelKey, 0));
        }
        return poissonPtrs(mean, pixelKey);
    }

    private static long poissonInversion(double mean, double u) {
        double p = StrictMath.exp(-mean);
        long k = 0;
        // Walk the distribution function up from 0; the bound only guards against rounding in the far tail.
        while (u > p && k < 1000) {
            u -= p;
            k++;
            p *= mean / k;
        }
        return k;
    }

    private static long poissonPtrs(double mean, long pixelKey) {
        double logMean = Double.NaN; // only the slow path needs it: computed there, once
        double b = 0.931 + 2.53 * Math.sqrt(mean);
        double a = -0.059 + 0.02483 * b;
        double invAlpha = 1.1239 + 1.1328 / (b - 3.4);
        double vr = 0.9277 - 3.6224 / (b - 2);
        for (int draw = 0; ; draw += 2) {
            double u = CounterRng.uniform(pixelKey, draw) - 0.5;
            double v = CounterRng.uniform(pixelKey, draw + 1);
            double us = 0.5 - Math.abs(u);
            long k = (long) Math.floor((2 * a / us + b) * u + mean + 0.43);
            if (us >= 0.07 && v <= vr) {
                return k;
            }
            if (k < 0 || (us < 0.013 && v > us)) {
                continue;
            }
            if (Double.isNaN(logMean)) {
                logMean = StrictMath.log(mean);
            }
            if (StrictMath.log(v) + StrictMath.log(invAlpha) - StrictMath.log(a / (us * us) + b)
                    <= -mean + k * logMean - logFactorial(k)) {
                return k;
            }
        }
    }

    /** ln(k!) for k ≥ 0: a table below 256, Stirling's series (error below 1e-17 there) above. */
    static double logFactorial(long k) {
        if (k < LOG_FACTORIAL_TABLE) {
            return LOG_FACTORIAL[(int) k];
        }
        double x = k + 1.0;
        double inv = 1 / x;
        double inv2 = inv * inv;
        return (x - 0.5) * StrictMath.log(x) - x + HALF_LOG_TWO_PI
                + inv * (1.0 / 12 - inv2 * (1.0 / 360 - inv2 * (1.0 / 1260 - inv2 / 1680)));
    }

    private static double[] logFactorials() {
        double[] t = new double[LOG_FACTORIAL_TABLE];
        for (int k = 1; k < t.length; k++) {
            t[k] = t[k - 1] + StrictMath.log(k);
        }
        return t;
    }
}
