package io.photonfarm.scene.gpu;

import java.nio.ByteBuffer;

/**
 * A Walker alias table for sampling index i with probability {@code weight[i] / sum(weight)} in O(1),
 * built with Vose's numerically stable method (M. D. Vose, "A linear algorithm for generating random
 * numbers with a given distribution", IEEE Transactions on Software Engineering 17(9), 1991).
 *
 * <p>Sampling, as the shaders do it: {@code i = min(floor(u N), N - 1); u' = u N - i;
 * pick u' < q[i] ? i : alias[i]}. An entry with weight 0 is never picked. When all weights are 0
 * the table is uniform ({@code q = 1, alias = i}); callers flag that case with a total weight of 0.
 */
public final class AliasTable {
    private final float[] q;
    private final int[] alias;
    private final double totalWeight;

    private AliasTable(float[] q, int[] alias, double totalWeight) {
        this.q = q;
        this.alias = alias;
        this.totalWeight = totalWeight;
    }

    /**
     * @param weights finite, non-negative weights, at least one
     */
    public static AliasTable build(double[] weights) {
        return build(weights, 0, weights.length);
    }

    /** Builds over {@code weights[from, from + n)}; alias indices are relative to {@code from}. */
    public static AliasTable build(double[] weights, int from, int n) {
        if (n < 1) {
            throw new IllegalArgumentException("alias table needs at least one weight");
        }
        double total = 0;
        for (int i = 0; i < n; i++) {
            double w = weights[from + i];
            if (!(w >= 0) || !Double.isFinite(w)) {
                throw new IllegalArgumentException("alias weight " + i + " must be finite and >= 0, was " + w);
            }
            total += w;
        }
        float[] q = new float[n];
        int[] alias = new int[n];
        if (!(total > 0)) {
            for (int i = 0; i < n; i++) {
                q[i] = 1f;
                alias[i] = i;
            }
            return new AliasTable(q, alias, 0);
        }
        // Scaled probabilities p_i = N w_i / total have mean 1; pair each p < 1 with one p >= 1.
        double[] p = new double[n];
        int[] small = new int[n];
        int[] large = new int[n];
        int smallCount = 0;
        int largeCount = 0;
        for (int i = 0; i < n; i++) {
            p[i] = weights[from + i] * n / total;
            if (p[i] < 1.0) {
                small[smallCount++] = i;
            } else {
                large[largeCount++] = i;
            }
        }
        while (smallCount > 0 && largeCount > 0) {
            int s = small[--smallCount];
            int l = large[--largeCount];
            q[s] = (float) p[s];
            alias[s] = l;
            // Vose: (p_l + p_s) - 1 rather than p_l - (1 - p_s) keeps the rounding error small.
            p[l] = (p[l] + p[s]) - 1.0;
            if (p[l] < 1.0) {
                small[smallCount++] = l;
            } else {
                large[largeCount++] = l;
            }
        }
        // Whatever is left has p == 1 up to rounding.
        while (largeCount > 0) {
            int l = large[--largeCount];
            q[l] = 1f;
            alias[l] = l;
        }
        while (smallCount > 0) {
            int s = small[--smallCount];
            q[s] = 1f;
            alias[s] = s;
        }
        return new AliasTable(q, alias, total);
    }

    public int size() {
        return q.length;
    }

    /** Threshold q[i] in [0, 1]: the chance that slot i picks itself. */
    public float threshold(int i) {
        return q[i];
    }

    /** The entry slot i picks otherwise. */
    public int alias(int i) {
        return alias[i];
    }

    /** Sum of the weights; 0 when all were 0. */
    public double totalWeight() {
        return totalWeight;
    }

    /** Picks an entry from a uniform {@code u} in [0, 1), exactly as the shaders do (float arithmetic). */
    public int sample(float u) {
        int n = q.length;
        int i = Math.min((int) Math.floor(u * n), n - 1);
        float rest = u * n - i;
        return rest < q[i] ? i : alias[i];
    }

    /** Writes {@code struct Alias { float q; uint alias; }} for every entry at the buffer's position. */
    public void writeTo(ByteBuffer buffer) {
        for (int i = 0; i < q.length; i++) {
            buffer.putFloat(q[i]);
            buffer.putInt(alias[i]);
        }
    }
}
