package io.photonfarm.refine;

import java.util.stream.IntStream;

/**
 * A discrete Fourier transform of one length, in double precision: iterative radix-2
 * Cooley-Tukey for powers of two and Bluestein's chirp-z algorithm (Bluestein 1970) for every other
 * length, so images of any size transform in O(n log n). A plan is immutable and thread-safe;
 * each call allocates its own scratch.
 *
 * <p>Conventions: {@code forward} computes X[k] = sum_j x[j] exp(-2 pi i j k / n), {@code inverse}
 * the same sum with +i, both unnormalised (a round trip multiplies by n).
 */
final class Fft {
    private final int n;
    /** The radix-2 length actually transformed: n itself, or Bluestein's padded length. */
    private final int m;
    private final double[] cos;
    private final double[] sin;
    /** Bluestein's chirp exp(-i pi j^2 / n), j < n; null for powers of two. */
    private final double[] chirpRe;
    private final double[] chirpIm;
    /** The forward transform of the conjugate chirp, wrapped to length m. */
    private final double[] filterRe;
    private final double[] filterIm;

    private Fft(int n) {
        if (n < 1) {
            throw new IllegalArgumentException("transform length must be >= 1, was " + n);
        }
        this.n = n;
        boolean pow2 = Integer.bitCount(n) == 1;
        this.m = pow2 ? n : Integer.highestOneBit(2 * n - 1) << 1;
        this.cos = new double[m / 2 + 1];
        this.sin = new double[m / 2 + 1];
        for (int k = 0; k <= m / 2; k++) {
            cos[k] = Math.cos(2 * Math.PI * k / m);
            sin[k] = Math.sin(2 * Math.PI * k / m);
        }
        if (pow2) {
            chirpRe = chirpIm = filterRe = filterIm = null;
            return;
        }
        chirpRe = new double[n];
        chirpIm = new double[n];
        for (int j = 0; j < n; j++) {
            // j^2 mod 2n keeps the angle small, so large j lose no precision.
            double angle = Math.PI * (double) ((long) j * j % (2L * n)) / n;
            chirpRe[j] = Math.cos(angle);
            chirpIm[j] = -Math.sin(angle);
        }
        filterRe = new double[m];
        filterIm = new double[m];
        for (int j = 0; j < n; j++) {
            filterRe[j] = chirpRe[j];
            filterIm[j] = -chirpIm[j];
            if (j > 0) {
                filterRe[m - j] = chirpRe[j];
                filterIm[m - j] = -chirpIm[j];
            }
        }
        radix2(filterRe, filterIm, false);
    }

    /** The plan for length {@code n >= 1}. */
    static Fft of(int n) {
        return new Fft(n);
    }

    int size() {
        return n;
    }

    /** Transforms {@code re, im} (length n) in place with the exp(-i...) kernel. */
    void forward(double[] re, double[] im) {
        transform(re, im, false);
    }

    /** Transforms {@code re, im} (length n) in place with the exp(+i...) kernel, unnormalised. */
    void inverse(double[] re, double[] im) {
        transform(re, im, true);
    }

    private void transform(double[] re, double[] im, boolean inverse) {
        if (re.length != n || im.length != n) {
            throw new IllegalArgumentException("plan of length " + n + " given arrays of " + re.length + " and " + im.length);
        }
        if (chirpRe == null) {
            radix2(re, im, inverse);
            return;
        }
        // The inverse is the conjugate of the forward transform of the conjugate.
        double sign = inverse ? -1 : 1;
        double[] ar = new double[m];
        double[] ai = new double[m];
        for (int j = 0; j < n; j++) {
            double xr = re[j];
            double xi = sign * im[j];
            ar[j] = xr * chirpRe[j] - xi * chirpIm[j];
            ai[j] = xr * chirpIm[j] + xi * chirpRe[j];
        }
        radix2(ar, ai, false);
        for (int k = 0; k < m; k++) {
            double r = ar[k] * filterRe[k] - ai[k] * filterIm[k];
            double i = ar[k] * filterIm[k] + ai[k] * filterRe[k];
            ar[k] = r;
            ai[k] = i;
        }
        radix2(ar, ai, true);
        double scale = 1.0 / m;
        for (int k = 0; k < n; k++) {
            double yr = ar[k] * scale;
            double yi = ai[k] * scale;
            re[k] = yr * chirpRe[k] - yi * chirpIm[k];
            im[k] = sign * (yr * chirpIm[k] + yi * chirpRe[k]);
        }
    }

    /** In-place iterative radix-2 transform of length m (unnormalised). */
    private void radix2(double[] re, double[] im, boolean inverse) {
        int bits = Integer.numberOfTrailingZeros(m);
        for (int i = 1; i < m; i++) {
            int j = Integer.reverse(i) >>> (32 - bits);
            if (j > i) {
                double t = re[i];
                re[i] = re[j];
                re[j] = t;
                t = im[i];
                im[i] = im[j];
                im[j] = t;
            }
        }
        double sign = inverse ? 1 : -1;
        for (int size = 2; size <= m; size <<= 1) {
            int half = size >>> 1;
            int step = m / size;
            for (int start = 0; start < m; start += size) {
                for (int j = 0; j < half; j++) {
                    double wr = cos[j * step];
                    double wi = sign * sin[j * step];
                    int a = start + j;
                    int b = a + half;
                    double tr = re[b] * wr - im[b] * wi;
                    double ti = re[b] * wi + im[b] * wr;
                    re[b] = re[a] - tr;
                    im[b] = im[a] - ti;
                    re[a] += tr;
                    im[a] += ti;
                }
            }
        }
    }

    /**
     * The full 2-D forward transform of a {@code width x height} complex image stored row-major,
     * in place: rows, then columns, each pass parallel over its lines.
     */
    static void forward2d(double[] re, double[] im, int width, int height) {
        transform2d(re, im, width, height, false);
    }

    /** The full 2-D inverse transform, normalised by 1 / (width * height), in place. */
    static void inverse2d(double[] re, double[] im, int width, int height) {
        transform2d(re, im, width, height, true);
        double scale = 1.0 / ((double) width * height);
        for (int i = 0; i < re.length; i++) {
            re[i] *= scale;
            im[i] *= scale;
        }
    }

    private static void transform2d(double[] re, double[] im, int width, int height, boolean inverse) {
        Fft rows = of(width);
        Fft cols = of(height);
        IntStream.range(0, height).parallel().forEach(y -> {
            double[] r = new double[width];
            double[] i = new double[width];
            System.arraycopy(re, y * width, r, 0, width);
            System.arraycopy(im, y * width, i, 0, width);
            rows.transform(r, i, inverse);
            System.arraycopy(r, 0, re, y * width, width);
            System.arraycopy(i, 0, im, y * width, width);
        });
        IntStream.range(0, width).parallel().forEach(x -> {
            double[] r = new double[height];
            double[] i = new double[height];
            for (int y = 0; y < height; y++) {
                r[y] = re[y * width + x];
                i[y] = im[y * width + x];
            }
            cols.transform(r, i, inverse);
            for (int y = 0; y < height; y++) {
                re[y * width + x] = r[y];
                im[y * width + x] = i[y];
            }
        });
    }

    /** The signed frequency of DFT bin {@code k} of length {@code n}: k below n / 2, k - n from there. */
    static int signedFrequency(int k, int n) {
        return 2 * k < n ? k : k - n;
    }
}
