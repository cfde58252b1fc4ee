package io.photonfarm.refine;

/**
 * Measures of one square grey patch that tell rendered images from photographs: the slope of its
 * power spectrum and its noise level.
 */
final class PatchMeasures {
    /** Variance of uniform 8-bit quantisation noise, (1/255)^2 / 12: the floor under every stored image's spectrum. */
    private static final double QUANTISATION_VARIANCE = 1.0 / (255.0 * 255.0 * 12.0);

    private PatchMeasures() {
    }

    /**
     * The slope of log power against log spatial frequency of an {@code s x s} patch: mean removed,
     * Hann-windowed, power averaged over rings of one frequency bin, fitted by least squares over
     * 2 bins up to 0.4 cycles per pixel. Photographs of natural scenes lie near -2 (Field 1987;
     * van der Schaaf and van Hateren 1996); noise flattens the slope towards 0, clean renderings of
     * smooth shading steepen it. Power below that of 8-bit quantisation noise counts as that noise,
     * so a flat patch has a slope near 0 instead of none.
     */
    static double spectrumSlope(double[] patch, int s, Fft fft) {
        double mean = 0;
        for (double v : patch) {
            mean += v;
        }
        mean /= patch.length;
        double[] window = new double[s];
        double windowEnergy = 0;
        for (int i = 0; i < s; i++) {
            window[i] = 0.5 - 0.5 * Math.cos(2 * Math.PI * (i + 0.5) / s);
            windowEnergy += window[i] * window[i];
        }
        double[] re = new double[s * s];
        double[] im = new double[s * s];
        for (int y = 0; y < s; y++) {
            for (int x = 0; x < s; x++) {
                re[y * s + x] = (patch[y * s + x] - mean) * window[x] * window[y];
            }
        }
        transform2d(re, im, s, fft);
        double floor = QUANTISATION_VARIANCE * windowEnergy * windowEnergy;
        int maxRing = (int) Math.floor(0.4 * s);
        double[] power = new double[maxRing + 1];
        int[] count = new int[maxRing + 1];
        for (int ky = 0; ky < s; ky++) {
            for (int kx = 0; kx < s; kx++) {
                int ring = (int) Math.round(Math.hypot(Fft.signedFrequency(kx, s), Fft.signedFrequency(ky, s)));
                if (ring >= 2 && ring <= maxRing) {
                    int i = ky * s + kx;
                    power[ring] += Math.max(floor, re[i] * re[i] + im[i] * im[i]);
                    count[ring]++;
                }
            }
        }
        double sx = 0;
        double sy = 0;
        double sxx = 0;
        double sxy = 0;
        int n = 0;
        for (int r = 2; r <= maxRing; r++) {
            double lx = Math.log((double) r / s);
            double ly = Math.log(power[r] / count[r]);
            sx += lx;
            sy += ly;
            sxx += lx * lx;
            sxy += lx * ly;
            n++;
        }
        return (n * sxy - sx * sy) / (n * sxx - sx * sx);
    }

    /**
     * The standard deviation of additive white noise in a {@code w x h} grey image, by Immerkaer's
     * method (J. Immerkaer, "Fast Noise Variance Estimation", CVIU 1996): the Laplacian difference
     * mask [1 -2 1; -2 4 -2; 1 -2 1] cancels planar structure, and the mean absolute response
     * times sqrt(pi / 2) / 6 is sigma. Texture and edges add to the estimate, so compare sets by
     * the median over many patches.
     */
    static double noiseSigma(double[] img, int w, int h) {
        double sum = 0;
        for (int y = 1; y < h - 1; y++) {
            for (int x = 1; x < w - 1; x++) {
                int i = y * w + x;
                double v = img[i - w - 1] - 2 * img[i - w] + img[i - w + 1]
                        - 2 * img[i - 1] + 4 * img[i] - 2 * img[i + 1]
                        + img[i + w - 1] - 2 * img[i + w] + img[i + w + 1];
                sum += Math.abs(v);
            }
        }
        return Math.sqrt(Math.PI / 2) * sum / (6.0 * (w - 2) * (h - 2));
    }

    private static void transform2d(double[] re, double[] im, int s, Fft fft) {
        double[] r = new double[s];
        double[] i = new double[s];
        for (int y = 0; y < s; y++) {
            System.arraycopy(re, y * s, r, 0, s);
            System.arraycopy(im, y * s, i, 0, s);
            fft.forward(r, i);
            System.arraycopy(r, 0, re, y * s, s);
            System.arraycopy(i, 0, im, y * s, s);
        }
        for (int x = 0; x < s; x++) {
            for (int y = 0; y < s; y++) {
                r[y] = re[y * s + x];
                i[y] = im[y * s + x];
            }
            fft.forward(r, i);
            for (int y = 0; y < s; y++) {
                re[y * s + x] = r[y];
                im[y * s + x] = i[y];
            }
        }
    }
}
