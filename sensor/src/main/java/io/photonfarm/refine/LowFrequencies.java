package io.photonfarm.refine;

import java.util.stream.IntStream;

/**
 * The centred low-frequency square of the 2-D DFT of a {@code width x height} image: the bins whose
 * signed frequencies are at most {@code b} in both directions (numpy's {@code fftshift} square
 * {@code [c - b, c + b]} of Yang and Soatto's code). Transforms are pruned to it: the forward
 * transform does every row but only the square's columns, the inverse of a spectrum that is zero
 * outside the square does only its columns and then every row. For the small squares Fourier
 * domain adaptation uses, that is about half of two full transforms.
 *
 * <p>Two real channels travel as one complex image (A + iB) and are separated by the DFT's
 * Hermitian symmetry. Along rows, when the square is narrow enough, its few bins are summed directly
 * instead of transforming whole rows. Spectra in the square are arrays of {@code rows() * cols()} values, row
 * {@code a} (frequency bin {@link #rowBin}) by column {@code j} ({@link #colBin}). Immutable and
 * thread-safe.
 */
final class LowFrequencies {
    private final int width;
    private final int height;
    private final int[] colBins;
    private final int[] rowBins;
    /** Position of bin k in the square's columns (rows), or -1 outside. */
    private final int[] colPos;
    private final int[] rowPos;
    private final Fft rowFft;
    private final Fft colFft;
    /**
     * exp(-2 pi i k x / width) for each of the square's column bins k (rows of the table) and every
     * x, when summing the row transforms directly is cheaper than a whole row FFT; else null.
     */
    private final double[] twiddleRe;
    private final double[] twiddleIm;

    /** The square of half-width {@code b >= 0} frequency bins. */
    LowFrequencies(int width, int height, int b) {
        this.width = width;
        this.height = height;
        this.colBins = bins(width, b);
        this.rowBins = bins(height, b);
        this.colPos = positions(width, colBins);
        this.rowPos = positions(height, rowBins);
        this.rowFft = Fft.of(width);
        this.colFft = Fft.of(height);
        if ((long) colBins.length * width <= fftButterflies(width)) {
            twiddleRe = new double[colBins.length * width];
            twiddleIm = new double[colBins.length * width];
            for (int j = 0; j < colBins.length; j++) {
                for (int x = 0; x < width; x++) {
                    // k x mod width keeps the angle small and exact.
                    double angle = -2 * Math.PI * ((long) colBins[j] * x % width) / width;
                    twiddleRe[j * width + x] = Math.cos(angle);
                    twiddleIm[j * width + x] = Math.sin(angle);
                }
            }
        } else {
            twiddleRe = twiddleIm = null;
        }
    }

    /** Butterflies of one transform of length n: Bluestein's two padded radix-2 transforms, or one. */
    private static long fftButterflies(int n) {
        boolean pow2 = Integer.bitCount(n) == 1;
        int m = pow2 ? n : Integer.highestOneBit(2 * n - 1) << 1;
        return (pow2 ? 1L : 2L) * (m / 2) * Integer.numberOfTrailingZeros(m);
    }

    private static int[] bins(int n, int b) {
        return IntStream.range(0, n).filter(k -> Math.abs(Fft.signedFrequency(k, n)) <= b).toArray();
    }

    private static int[] positions(int n, int[] bins) {
        int[] pos = new int[n];
        java.util.Arrays.fill(pos, -1);
        for (int i = 0; i < bins.length; i++) {
            pos[bins[i]] = i;
        }
        return pos;
    }

    int rows() {
        return rowBins.length;
    }

    int cols() {
        return colBins.length;
    }

    int rowBin(int a) {
        return rowBins[a];
    }

    int colBin(int j) {
        return colBins[j];
    }

    /**
     * The square of the DFT of one or two real channels of an interleaved image.
     *
     * @param data     width * height * channels samples
     * @param channels samples per pixel
     * @param chA      the channel transformed as the real part
     * @param chB      the channel transformed as the imaginary part, or -1 for none
     * @return {A's spectrum re, im, B's spectrum re, im} in the square (B's are zero without chB)
     */
    double[][] forward(float[] data, int channels, int chA, int chB) {
        int nx = cols();
        int ny = rows();
        double[] tmpRe = new double[nx * height];
        double[] tmpIm = new double[nx * height];
        IntStream.range(0, height).parallel().forEach(y -> {
            double[] re = new double[width];
            double[] im = new double[width];
            for (int x = 0; x < width; x++) {
                int p = (y * width + x) * channels;
                re[x] = data[p + chA];
                im[x] = chB < 0 ? 0 : data[p + chB];
            }
            if (twiddleRe != null) {
                for (int j = 0; j < nx; j++) {
                    double sr = 0;
                    double si = 0;
                    int t = j * width;
                    for (int x = 0; x < width; x++) {
                        double c = twiddleRe[t + x];
                        double s = twiddleIm[t + x];
                        sr += re[x] * c - im[x] * s;
                        si += re[x] * s + im[x] * c;
                    }
                    tmpRe[j * height + y] = sr;
                    tmpIm[j * height + y] = si;
                }
                return;
            }
            rowFft.forward(re, im);
            for (int j = 0; j < nx; j++) {
                tmpRe[j * height + y] = re[colBins[j]];
                tmpIm[j * height + y] = im[colBins[j]];
            }
        });
        double[] zRe = new double[ny * nx];
        double[] zIm = new double[ny * nx];
        IntStream.range(0, nx).parallel().forEach(j -> {
            double[] re = new double[height];
            double[] im = new double[height];
            System.arraycopy(tmpRe, j * height, re, 0, height);
            System.arraycopy(tmpIm, j * height, im, 0, height);
            colFft.forward(re, im);
            for (int a = 0; a < ny; a++) {
                zRe[a * nx + j] = re[rowBins[a]];
                zIm[a * nx + j] = im[rowBins[a]];
            }
        });
        double[][] out = {new double[ny * nx], new double[ny * nx], new double[ny * nx], new double[ny * nx]};
        for (int a = 0; a < ny; a++) {
            int ma = rowPos[(height - rowBins[a]) % height];
            for (int j = 0; j < nx; j++) {
                int mj = colPos[(width - colBins[j]) % width];
                int i = a * nx + j;
                int m = ma * nx + mj;
                // A = (Z(k) + conj Z(-k)) / 2, B = (Z(k) - conj Z(-k)) / 2i.
                out[0][i] = (zRe[i] + zRe[m]) / 2;
                out[1][i] = (zIm[i] - zIm[m]) / 2;
                out[2][i] = (zIm[i] + zIm[m]) / 2;
                out[3][i] = (zRe[m] - zRe[i]) / 2;
            }
        }
        return out;
    }

    /**
     * Adds the normalised inverse DFT of spectra that are zero outside the square to two real
     * planes: A's change to {@code outA}, B's to {@code outB} (null when there is no B).
     *
     * @param deltaA A's spectrum in the square {re, im}; must be Hermitian within the square
     * @param deltaB B's spectrum in the square {re, im}, or null
     */
    void addInverse(double[][] deltaA, double[][] deltaB, double[] outA, double[] outB) {
        int nx = cols();
        int ny = rows();
        // Z = A + iB: re = Are - Bim, im = Aim + Bre.
        double[] zRe = new double[ny * nx];
        double[] zIm = new double[ny * nx];
        for (int i = 0; i < ny * nx; i++) {
            zRe[i] = deltaA[0][i] - (deltaB == null ? 0 : deltaB[1][i]);
            zIm[i] = deltaA[1][i] + (deltaB == null ? 0 : deltaB[0][i]);
        }
        double[] colRe = new double[nx * height];
        double[] colIm = new double[nx * height];
        IntStream.range(0, nx).parallel().forEach(j -> {
            double[] re = new double[height];
            double[] im = new double[height];
            for (int a = 0; a < ny; a++) {
                re[rowBins[a]] = zRe[a * nx + j];
                im[rowBins[a]] = zIm[a * nx + j];
            }
            colFft.inverse(re, im);
            System.arraycopy(re, 0, colRe, j * height, height);
            System.arraycopy(im, 0, colIm, j * height, height);
        });
        double scale = 1.0 / ((double) width * height);
        IntStream.range(0, height).parallel().forEach(y -> {
            double[] re = new double[width];
            double[] im = new double[width];
            if (twiddleRe != null) {
                // Sum the square's few columns directly, with the conjugate twiddles.
                for (int j = 0; j < nx; j++) {
                    double vr = colRe[j * height + y];
                    double vi = colIm[j * height + y];
                    int t = j * width;
                    for (int x = 0; x < width; x++) {
                        double c = twiddleRe[t + x];
                        double s = -twiddleIm[t + x];
                        re[x] += vr * c - vi * s;
                        im[x] += vr * s + vi * c;
                    }
                }
            } else {
                for (int j = 0; j < nx; j++) {
                    re[colBins[j]] = colRe[j * height + y];
                    im[colBins[j]] = colIm[j * height + y];
                }
                rowFft.inverse(re, im);
            }
            for (int x = 0; x < width; x++) {
                outA[y * width + x] += re[x] * scale;
                if (outB != null) {
                    outB[y * width + x] += im[x] * scale;
                }
            }
        });
    }
}
