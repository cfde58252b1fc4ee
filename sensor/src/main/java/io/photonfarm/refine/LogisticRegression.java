package io.photonfarm.refine;

import io.photonfarm.recipe.draw.DrawRng;

/**
 * L2-regularised logistic regression on standardised features, fitted by Newton's method, and its
 * stratified k-fold cross-validated accuracy. Everything is deterministic: folds come from a seeded
 * permutation, the fit from a fixed starting point.
 */
final class LogisticRegression {
    /** Ridge penalty on the standardised weights (not the intercept); keeps separable data finite. */
    private static final double LAMBDA = 1.0;
    private static final int MAX_ITERATIONS = 50;

    private final double[] mean;
    private final double[] scale;
    /** Intercept first, then one weight per standardised feature. */
    private final double[] weights;

    private LogisticRegression(double[] mean, double[] scale, double[] weights) {
        this.mean = mean;
        this.scale = scale;
        this.weights = weights;
    }

    /** Fits rows {@code x[i]} with labels {@code y[i]} (0 or 1), using only rows where {@code use[i]}. */
    static LogisticRegression fit(double[][] x, int[] y, boolean[] use) {
        int d = x[0].length;
        int n = 0;
        double[] mean = new double[d];
        double[] scale = new double[d];
        for (int i = 0; i < x.length; i++) {
            if (use[i]) {
                n++;
                for (int j = 0; j < d; j++) {
                    mean[j] += x[i][j];
                }
            }
        }
        for (int j = 0; j < d; j++) {
            mean[j] /= n;
        }
        for (int i = 0; i < x.length; i++) {
            if (use[i]) {
                for (int j = 0; j < d; j++) {
                    scale[j] += (x[i][j] - mean[j]) * (x[i][j] - mean[j]);
                }
            }
        }
        for (int j = 0; j < d; j++) {
            double sd = Math.sqrt(scale[j] / n);
            scale[j] = sd > 1e-12 ? sd : 1; // a constant feature stays 0 after centring
        }
        double[] w = new double[d + 1];
        LogisticRegression model = new LogisticRegression(mean, scale, w);
        for (int iter = 0; iter < MAX_ITERATIONS; iter++) {
            double[] grad = new double[d + 1];
            double[][] hess = new double[d + 1][d + 1];
            for (int i = 0; i < x.length; i++) {
                if (!use[i]) {
                    continue;
                }
                double[] z = model.standardised(x[i]);
                double p = model.probability(z);
                double s = Math.max(p * (1 - p), 1e-12);
                for (int a = 0; a <= d; a++) {
                    grad[a] += (p - y[i]) * z[a];
                    for (int b = 0; b <= d; b++) {
                        hess[a][b] += s * z[a] * z[b];
                    }
                }
            }
            for (int a = 1; a <= d; a++) {
                grad[a] += LAMBDA * w[a];
                hess[a][a] += LAMBDA;
            }
            double[] step = solve(hess, grad);
            double size = 0;
            for (int a = 0; a <= d; a++) {
                w[a] -= step[a];
                size = Math.max(size, Math.abs(step[a]));
            }
            if (size < 1e-10) {
                break;
            }
        }
        return model;
    }

    /** Features standardised, with a leading 1 for the intercept. */
    private double[] standardised(double[] x) {
        double[] z = new double[x.length + 1];
        z[0] = 1;
        for (int j = 0; j < x.length; j++) {
            z[j + 1] = (x[j] - mean[j]) / scale[j];
        }
        return z;
    }

    private double probability(double[] z) {
        double t = 0;
        for (int a = 0; a < z.length; a++) {
            t += weights[a] * z[a];
        }
        return 1 / (1 + Math.exp(-t));
    }

    /** The predicted label of one row: 1 when its probability exceeds one half. */
    int predict(double[] x) {
        return probability(standardised(x)) > 0.5 ? 1 : 0;
    }

    /**
     * The fraction of rows predicted right by models fitted on the other folds: {@code folds}
     * stratified folds (each class dealt round-robin over the folds in an order drawn from
     * {@code seed}), each row predicted once.
     */
    static double crossValidatedAccuracy(double[][] x, int[] y, int folds, long seed) {
        int[] fold = new int[x.length];
        for (int label = 0; label <= 1; label++) {
            int count = 0;
            for (int v : y) {
                count += v == label ? 1 : 0;
            }
            int[] members = new int[count];
            int k = 0;
            for (int i = 0; i < y.length; i++) {
                if (y[i] == label) {
                    members[k++] = i;
                }
            }
            DrawRng rng = DrawRng.of(seed, label, "gap:folds");
            for (int i = count - 1; i > 0; i--) { // Fisher-Yates
                int j = rng.nextInt(i + 1);
                int t = members[i];
                members[i] = members[j];
                members[j] = t;
            }
            for (int i = 0; i < count; i++) {
                fold[members[i]] = i % folds;
            }
        }
        int correct = 0;
        for (int f = 0; f < folds; f++) {
            boolean[] train = new boolean[x.length];
            for (int i = 0; i < x.length; i++) {
                train[i] = fold[i] != f;
            }
            LogisticRegression model = fit(x, y, train);
            for (int i = 0; i < x.length; i++) {
                if (fold[i] == f && model.predict(x[i]) == y[i]) {
                    correct++;
                }
            }
        }
        return (double) correct / x.length;
    }

    /** Solves the symmetric positive definite system {@code a x = b} by Gaussian elimination with partial pivoting. */
    private static double[] solve(double[][] a, double[] b) {
        int n = b.length;
        double[][] m = new double[n][n + 1];
        for (int i = 0; i < n; i++) {
            System.arraycopy(a[i], 0, m[i], 0, n);
            m[i][n] = b[i];
        }
        for (int col = 0; col < n; col++) {
            int pivot = col;
            for (int r = col + 1; r < n; r++) {
                if (Math.abs(m[r][col]) > Math.abs(m[pivot][col])) {
                    pivot = r;
                }
            }
            double[] t = m[col];
            m[col] = m[pivot];
            m[pivot] = t;
            for (int r = col + 1; r < n; r++) {
                double f = m[r][col] / m[col][col];
                for (int c = col; c <= n; c++) {
                    m[r][c] -= f * m[col][c];
                }
            }
        }
        double[] x = new double[n];
        for (int r = n - 1; r >= 0; r--) {
            double s = m[r][n];
            for (int c = r + 1; c < n; c++) {
                s -= m[r][c] * x[c];
            }
            x[r] = s / m[r][r];
        }
        return x;
    }
}
