package io.photonfarm.refine;

import io.photonfarm.image.FloatImage;
import java.io.IOException;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;
import java.util.stream.IntStream;

/**
 * The target domain of a job: real photographs from the camera the synthetic data should look
 * like, as display-referred (encoded) sRGB in [0, 1] with three channels, and their pooled
 * statistics. Pooling weighs every photo equally, whatever its size, so one large photo does not
 * stand for the whole set. Immutable and thread-safe.
 */
public final class TargetDomain {
    /** Most photos in one set. */
    public static final int MAX_PHOTOS = 256;
    /** Most pixels over all photos of a set (64 Mi; about 800 MB as float RGB). */
    public static final long MAX_TOTAL_PIXELS = 1L << 26;

    private final List<FloatImage> photos;
    private final List<String> names;
    private final double[] labMean = new double[3];
    private final double[] labStd = new double[3];
    /** Pooled distributions of R', G', B' and of Rec. 709 luma. */
    private final Cdf[] channels = new Cdf[3];
    private final Cdf luma;

    private TargetDomain(List<FloatImage> photos, List<String> names) {
        this.photos = photos;
        this.names = names;
        int n = photos.size();
        double[][] moments = new double[n][];
        double[][][] histograms = new double[n][][];
        IntStream.range(0, n).parallel().forEach(i -> {
            moments[i] = labMoments(photos.get(i));
            histograms[i] = histograms(photos.get(i));
        });
        double[][] pooled = new double[4][Cdf.BINS];
        for (int i = 0; i < n; i++) {
            for (int c = 0; c < 3; c++) {
                labMean[c] += moments[i][c] / n;
                labStd[c] += moments[i][3 + c] / n; // E[x^2] for now
            }
            for (int c = 0; c < 4; c++) {
                for (int b = 0; b < Cdf.BINS; b++) {
                    pooled[c][b] += histograms[i][c][b];
                }
            }
        }
        for (int c = 0; c < 3; c++) {
            labStd[c] = Math.sqrt(Math.max(0, labStd[c] - labMean[c] * labMean[c]));
            channels[c] = Cdf.of(pooled[c]);
        }
        luma = Cdf.of(pooled[3]);
    }

    /**
     * A target set of photos already in memory, named {@code photo-0}, {@code photo-1}, ...
     *
     * @param photos encoded sRGB, 1 (grey), 3 (RGB) or 4 (RGBA, alpha dropped) channels; values are
     *               clamped to [0, 1] (NaN as 0). The images are copied.
     * @throws IllegalArgumentException for no photos, more than {@value #MAX_PHOTOS}, more than
     *                                  {@link #MAX_TOTAL_PIXELS} pixels in all, or another channel count
     */
    public static TargetDomain of(List<FloatImage> photos) {
        List<String> names = IntStream.range(0, photos.size()).mapToObj(i -> "photo-" + i).toList();
        return of(photos, names);
    }

    /** As {@link #of(List)}, with a name per photo (shown in refiner parameters). */
    public static TargetDomain of(List<FloatImage> photos, List<String> names) {
        if (photos.size() != names.size()) {
            throw new IllegalArgumentException(photos.size() + " photos but " + names.size() + " names");
        }
        checkCount(photos.size());
        long total = 0;
        List<FloatImage> copies = new ArrayList<>(photos.size());
        for (int i = 0; i < photos.size(); i++) {
            FloatImage p = photos.get(i);
            total += (long) p.width() * p.height();
            if (total > MAX_TOTAL_PIXELS) {
                throw new IllegalArgumentException("target photo " + names.get(i) + " brings the set to " + total
                        + " pixels; at most " + MAX_TOTAL_PIXELS + " are accepted over all photos (total size limit)");
            }
            copies.add(normalise(p, names.get(i)));
        }
        return new TargetDomain(List.copyOf(copies), List.copyOf(names));
    }

    /**
     * Reads a target set from PNG or JPEG files (8 or 16 bits, grey or colour, alpha ignored), each
     * named by its file name. Every file is checked against the limits (file size, pixels per side,
     * pixels per photo, and the set's count and total pixels) before its pixels are decoded.
     *
     * @throws IOException              for a missing, unreadable, corrupt or unsupported file, naming it
     * @throws IllegalArgumentException for a broken limit, naming the file and the limit
     */
    public static TargetDomain read(List<Path> files) throws IOException {
        checkCount(files.size());
        // Every header first: a set over the limits is refused before any pixel is decoded.
        long total = 0;
        for (Path f : files) {
            long[] size = PhotoReader.dimensions(f);
            total += size[0] * size[1];
            if (total > MAX_TOTAL_PIXELS) {
                throw new IllegalArgumentException("target photo " + f + " brings the set to " + total + " pixels; at most "
                        + MAX_TOTAL_PIXELS + " are accepted over all photos (total size limit)");
            }
        }
        List<FloatImage> photos = new ArrayList<>(files.size());
        List<String> names = new ArrayList<>(files.size());
        for (Path f : files) {
            photos.add(PhotoReader.read(f));
            Path name = f.getFileName();
            names.add(name == null ? f.toString() : name.toString());
        }
        return new TargetDomain(List.copyOf(photos), List.copyOf(names));
    }

    private static void checkCount(int n) {
        if (n < 1 || n > MAX_PHOTOS) {
            throw new IllegalArgumentException("a target set needs 1.." + MAX_PHOTOS + " photos, got " + n + " (count limit)");
        }
    }

    /** The number of photos. */
    public int size() {
        return photos.size();
    }

    /** The name of photo {@code i} (its file name when read from files). */
    public String name(int i) {
        return names.get(i);
    }

    /** A copy of photo {@code i}: encoded sRGB in [0, 1], 3 channels. */
    public FloatImage photo(int i) {
        FloatImage p = photos.get(i);
        return new FloatImage(p.width(), p.height(), 3, p.data().clone());
    }

    /** The pooled CIELAB means {L*, a*, b*} of the set. */
    public double[] labMean() {
        return labMean.clone();
    }

    /** The pooled CIELAB standard deviations {L*, a*, b*} of the set. */
    public double[] labStdDev() {
        return labStd.clone();
    }

    /** Photo {@code i} itself, not copied: callers in this package never write to it. */
    FloatImage photoShared(int i) {
        return photos.get(i);
    }

    /** The pooled distribution of channel {@code c} (0..2) of RGB frames, or of luma for grey ones ({@code grey}). */
    Cdf distribution(int c, boolean grey) {
        return grey ? luma : channels[c];
    }

    private static FloatImage normalise(FloatImage p, String name) {
        int c = p.channels();
        if (c != 1 && c != 3 && c != 4) {
            throw new IllegalArgumentException("target photo " + name + " has " + c + " channels; 1, 3 or 4 expected");
        }
        int n = p.width() * p.height();
        float[] out = new float[n * 3];
        float[] in = p.data();
        for (int i = 0; i < n; i++) {
            for (int k = 0; k < 3; k++) {
                float v = in[i * c + (c == 1 ? 0 : k)];
                out[i * 3 + k] = v > 0 ? Math.min(1f, v) : 0f;
            }
        }
        return new FloatImage(p.width(), p.height(), 3, out);
    }

    /** {mean L*, a*, b*, then E[L*^2], E[a*^2], E[b*^2]} of one photo. */
    private static double[] labMoments(FloatImage p) {
        float[] d = p.data();
        int n = p.width() * p.height();
        double[] m = new double[6];
        double[] lab = new double[3];
        for (int i = 0; i < n; i++) {
            Colour.srgbToLab(d[i * 3], d[i * 3 + 1], d[i * 3 + 2], lab);
            for (int c = 0; c < 3; c++) {
                m[c] += lab[c];
                m[3 + c] += lab[c] * lab[c];
            }
        }
        for (int c = 0; c < 6; c++) {
            m[c] /= n;
        }
        return m;
    }

    /** Histograms of R', G', B' and luma of one photo, each summing to 1. */
    private static double[][] histograms(FloatImage p) {
        float[] d = p.data();
        int n = p.width() * p.height();
        double w = 1.0 / n;
        double[][] h = new double[4][Cdf.BINS];
        for (int c = 0; c < 3; c++) {
            Cdf.add(d, c, 3, w, h[c]);
        }
        for (int i = 0; i < n; i++) {
            h[3][Cdf.bin(Colour.luma(d[i * 3], d[i * 3 + 1], d[i * 3 + 2]))] += w;
        }
        return h;
    }
}
