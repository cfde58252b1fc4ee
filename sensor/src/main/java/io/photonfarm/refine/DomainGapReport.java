package io.photonfarm.refine;

import io.photonfarm.image.FloatImage;
import io.photonfarm.recipe.draw.DrawRng;
import java.util.ArrayList;
import java.util.Arrays;
import java.util.List;
import java.util.stream.IntStream;

/**
 * How far a job's synthetic frames are from its target photographs. Whole-set measures: the
 * distance between the colour histograms, the power-spectrum slope and the noise level of each
 * set; and a direct test: how well a simple classifier tells the two apart from those measures
 * taken per patch. With a handful of target photos there are too few images to learn from, so both
 * sets are cut into many square patches at seeded positions; a linear classifier (logistic
 * regression) on per-patch features is scored by stratified k-fold cross-validation. 0.5 means the
 * sets are indistinguishable by these features, 1.0 that every patch gives itself away. Run it on
 * the frames before and after refinement to see what refining bought. Deterministic in its seed.
 */
public final class DomainGapReport {
    private DomainGapReport() {
    }

    /**
     * Sampling settings.
     *
     * @param patchSize     edge of a square patch, pixels (cut down to the smallest image's shorter side)
     * @param patchesPerSet patches drawn from each set, spread evenly over its images
     * @param folds         cross-validation folds
     */
    public record Settings(int patchSize, int patchesPerSet, int folds) {
        public static final Settings DEFAULT = new Settings(64, 256, 5);

        public Settings {
            if (patchSize < 8 || patchSize > 512 || patchesPerSet < 2 * folds || patchesPerSet > 100_000 || folds < 2 || folds > 20) {
                throw new IllegalArgumentException("domain-gap settings " + patchSize + " px patches, " + patchesPerSet
                        + " per set, " + folds + " folds: patches 8..512 px, 2..20 folds, 2 * folds..100000 patches per set");
            }
        }
    }

    /**
     * The report; JSON-ready.
     *
     * @param syntheticImages        synthetic images compared
     * @param targetImages           target photos compared
     * @param channels               3 for colour frames, 1 for grey ones (photos then count by their luma)
     * @param patchSize              patch edge actually used, pixels
     * @param patchesPerSet          patches drawn from each set
     * @param histogramDistance      mean over channels of the earth mover's distance between the two sets'
     *                               pooled histograms of encoded values, in [0, 1] value units (0: alike)
     * @param spectrumSlopeSynthetic mean power-spectrum slope of the synthetic patches (natural images: near -2)
     * @param spectrumSlopeTarget    mean power-spectrum slope of the target patches
     * @param noiseSigmaSynthetic    median noise standard deviation of the synthetic patches, encoded [0, 1] units
     * @param noiseSigmaTarget       median noise standard deviation of the target patches
     * @param classifierAccuracy     cross-validated accuracy of telling synthetic from real patches, 0.5..1 (0.5: no gap)
     * @param folds                  cross-validation folds
     * @param features               the per-patch features the classifier used, by name
     */
    public record Report(int syntheticImages, int targetImages, int channels, int patchSize, int patchesPerSet,
            double histogramDistance, double spectrumSlopeSynthetic, double spectrumSlopeTarget, double noiseSigmaSynthetic,
            double noiseSigmaTarget, double classifierAccuracy, int folds, List<String> features) {
        public Report {
            features = List.copyOf(features);
        }
    }

    /**
     * The same measures before and after refinement, on the same patch positions.
     *
     * @param before the rendered frames against the target set
     * @param after  the refined frames against the target set
     */
    public record Comparison(Report before, Report after) {
    }

    /** Compares {@code synthetic} with the target set using {@link Settings#DEFAULT}. */
    public static Report compare(List<FloatImage> synthetic, TargetDomain target, long seed) {
        return compare(synthetic, target, seed, Settings.DEFAULT);
    }

    /** The report before and after refinement ({@code before} and {@code after} frame by frame alike in size). */
    public static Comparison beforeAndAfter(List<FloatImage> before, List<FloatImage> after, TargetDomain target, long seed) {
        return new Comparison(compare(before, target, seed), compare(after, target, seed));
    }

    /**
     * Compares synthetic frames with the target set.
     *
     * @param synthetic encoded sRGB in [0, 1], all grey or all RGB
     * @param seed      decides patch positions and folds
     * @throws IllegalArgumentException for no frames or mixed channel counts
     */
    public static Report compare(List<FloatImage> synthetic, TargetDomain target, long seed, Settings settings) {
        if (synthetic.isEmpty()) {
            throw new IllegalArgumentException("a domain-gap report needs at least one synthetic image");
        }
        int c = synthetic.get(0).channels();
        for (FloatImage img : synthetic) {
            Pixels.checkChannels("the domain-gap report", img);
            if (img.channels() != c) {
                throw new IllegalArgumentException("synthetic images mix " + c + " and " + img.channels() + " channels");
            }
        }
        List<FloatImage> photos = new ArrayList<>();
        for (int i = 0; i < target.size(); i++) {
            photos.add(c == 1 ? luma(target.photoShared(i)) : target.photoShared(i));
        }
        int patch = settings.patchSize();
        for (List<FloatImage> set : List.of(synthetic, photos)) {
            for (FloatImage img : set) {
                patch = Math.min(patch, Math.min(img.width(), img.height()));
            }
        }
        if (patch < 8) {
            throw new IllegalArgumentException("an image of the comparison is under 8 pixels on a side; too small to measure");
        }
        int n = settings.patchesPerSet();
        double[][] synth = features(synthetic, patch, n, seed, "gap:patches:synthetic");
        double[][] real = features(photos, patch, n, seed, "gap:patches:target");
        int d = synth[0].length;
        double[][] x = new double[2 * n][];
        int[] y = new int[2 * n];
        for (int i = 0; i < n; i++) {
            x[i] = Arrays.copyOf(synth[i], d - 1); // the last column is the raw sigma, reported only
            x[n + i] = Arrays.copyOf(real[i], d - 1);
            y[n + i] = 1;
        }
        double accuracy = LogisticRegression.crossValidatedAccuracy(x, y, settings.folds(), seed);
        double histogram = 0;
        for (int ch = 0; ch < c; ch++) {
            histogram += pooled(synthetic, ch).earthMoversDistance(target.distribution(ch, c == 1)) / c;
        }
        int slope = 2 * c;
        return new Report(synthetic.size(), target.size(), c, patch, n, histogram, mean(synth, slope), mean(real, slope),
                median(synth, d - 1), median(real, d - 1), accuracy, settings.folds(), featureNames(c));
    }

    /** The classifier's features, in column order. */
    static List<String> featureNames(int channels) {
        List<String> names = new ArrayList<>();
        String[] ch = channels == 1 ? new String[] {"grey"} : new String[] {"red", "green", "blue"};
        for (String s : ch) {
            names.add("mean " + s);
        }
        for (String s : ch) {
            names.add("standard deviation " + s);
        }
        names.add("power spectrum slope");
        names.add("log10 noise sigma");
        return names;
    }

    /**
     * Per patch: channel means, channel deviations, spectrum slope, log10 of the noise sigma (the
     * classifier's features), then the noise sigma itself.
     */
    private static double[][] features(List<FloatImage> images, int s, int count, long seed, String purpose) {
        Fft fft = Fft.of(s);
        double[][] out = new double[count][];
        IntStream.range(0, count).parallel().forEach(i -> {
            FloatImage img = images.get(i % images.size());
            DrawRng rng = DrawRng.of(seed, i, purpose);
            int x0 = rng.nextInt(img.width() - s + 1);
            int y0 = rng.nextInt(img.height() - s + 1);
            int c = img.channels();
            double[] f = new double[2 * c + 3];
            double[] grey = new double[s * s];
            for (int y = 0; y < s; y++) {
                for (int x = 0; x < s; x++) {
                    int p = ((y0 + y) * img.width() + x0 + x) * c;
                    for (int ch = 0; ch < c; ch++) {
                        double v = img.data()[p + ch];
                        f[ch] += v;
                        f[c + ch] += v * v;
                    }
                    grey[y * s + x] = c == 1 ? img.data()[p] : Colour.luma(img.data()[p], img.data()[p + 1], img.data()[p + 2]);
                }
            }
            for (int ch = 0; ch < c; ch++) {
                f[ch] /= s * s;
                f[c + ch] = Math.sqrt(Math.max(0, f[c + ch] / (s * s) - f[ch] * f[ch]));
            }
            double sigma = PatchMeasures.noiseSigma(grey, s, s);
            f[2 * c] = PatchMeasures.spectrumSlope(grey, s, fft);
            // The floor is a tenth of 8-bit quantisation noise: below it, nothing an image file can show.
            f[2 * c + 1] = Math.log10(sigma + 1e-4);
            f[2 * c + 2] = sigma;
            out[i] = f;
        });
        return out;
    }

    /** The distribution of channel {@code ch} over all images, each image weighing the same. */
    private static Cdf pooled(List<FloatImage> images, int ch) {
        double[] h = new double[Cdf.BINS];
        for (FloatImage img : images) {
            Cdf.add(img.data(), ch, img.channels(), 1.0 / ((double) img.width() * img.height()), h);
        }
        return Cdf.of(h);
    }

    private static FloatImage luma(FloatImage rgb) {
        int n = rgb.width() * rgb.height();
        float[] d = rgb.data();
        float[] g = new float[n];
        for (int i = 0; i < n; i++) {
            g[i] = (float) Colour.luma(d[i * 3], d[i * 3 + 1], d[i * 3 + 2]);
        }
        return new FloatImage(rgb.width(), rgb.height(), 1, g);
    }

    private static double mean(double[][] rows, int col) {
        double s = 0;
        for (double[] r : rows) {
            s += r[col];
        }
        return s / rows.length;
    }

    private static double median(double[][] rows, int col) {
        double[] v = new double[rows.length];
        for (int i = 0; i < v.length; i++) {
            v[i] = rows[i][col];
        }
        Arrays.sort(v);
        return v.length % 2 == 1 ? v[v.length / 2] : (v[v.length / 2 - 1] + v[v.length / 2]) / 2;
    }
}
