package io.photonfarm.recipe.draw;

import io.photonfarm.recipe.IntRange;
import io.photonfarm.recipe.ObjectPool;
import io.photonfarm.scene.procedural.ProceduralAssets;
import java.util.ArrayList;
import java.util.List;

/**
 * How many objects of one pool a frame (or sequence) holds and of which classes.
 *
 * <p>Balanced mode makes class frequencies over a job match the weights by stratification rather
 * than luck. Counts are stratified in blocks of {@code R = max - min + 1} consecutive units: each
 * block holds every count once, in a seeded random order, so the number of objects before unit
 * {@code s} is known in O(R) without drawing earlier units. The pool's n-th object over the job
 * gets the class whose cumulative-weight interval holds {@code frac(offset + n / phi)} (a
 * golden-ratio Weyl sequence, whose discrepancy is O(log N / N): over any N consecutive objects
 * each class count is within a few objects of N times its share). Random mode draws each count and
 * class independently.
 */
final class PoolDraw {
    /** 1 / phi: the golden ratio's fractional step. */
    private static final double STEP = (Math.sqrt(5) - 1) / 2;

    private final int poolIndex;
    private final ObjectPool pool;
    private final boolean balanced;
    private final List<String> classes;
    private final double[] cumulative;

    PoolDraw(ObjectPool pool, int poolIndex, boolean balanced) {
        this.pool = pool;
        this.poolIndex = poolIndex;
        this.balanced = balanced;
        this.classes = pool.classes() != null ? List.copyOf(pool.classes()) : ProceduralAssets.classes(pool.asset());
        double[] w = new double[classes.size()];
        double sum = 0;
        for (int i = 0; i < w.length; i++) {
            Double given = pool.classWeights() == null ? null : pool.classWeights().get(classes.get(i));
            w[i] = given == null ? 1 : given;
            sum += w[i];
        }
        cumulative = new double[w.length];
        double acc = 0;
        for (int i = 0; i < w.length; i++) {
            acc += w[i] / sum;
            cumulative[i] = acc;
        }
        cumulative[w.length - 1] = 1;
    }

    ObjectPool pool() {
        return pool;
    }

    int poolIndex() {
        return poolIndex;
    }

    /** The classes this pool draws from, in a fixed order. */
    List<String> classNames() {
        return classes;
    }

    /** The share of each class in {@link #classNames()} order, summing to 1. */
    double[] shares() {
        double[] s = new double[cumulative.length];
        for (int i = 0; i < s.length; i++) {
            s[i] = cumulative[i] - (i == 0 ? 0 : cumulative[i - 1]);
        }
        return s;
    }

    /** The classes of this pool's objects in unit {@code unit} (a frame, or a sequence with sequences). */
    List<String> draw(long seed, long unit) {
        IntRange range = pool.countOrDefault();
        if (!balanced) {
            DrawRng rng = DrawRng.of(seed, unit, "classes:" + poolIndex);
            int count = rng.in(range);
            List<String> out = new ArrayList<>(count);
            for (int j = 0; j < count; j++) {
                out.add(classAt(rng.nextDouble()));
            }
            return out;
        }
        int r = range.size();
        long block = unit / r;
        int pos = (int) (unit % r);
        int[] order = permutation(DrawRng.of(seed, block, "counts:" + poolIndex), r);
        long before = block * ((long) r * range.min() + (long) r * (r - 1) / 2);
        for (int q = 0; q < pos; q++) {
            before += range.min() + order[q];
        }
        int count = range.min() + order[pos];
        double offset = DrawRng.of(seed, 0, "class-offset:" + poolIndex).nextDouble();
        List<String> out = new ArrayList<>(count);
        for (int j = 0; j < count; j++) {
            double x = offset + (before + j) * STEP;
            out.add(classAt(x - Math.floor(x)));
        }
        return out;
    }

    private String classAt(double u) {
        for (int i = 0; i < cumulative.length; i++) {
            if (u < cumulative[i]) {
                return classes.get(i);
            }
        }
        return classes.get(classes.size() - 1);
    }

    /** A uniformly random permutation of 0..n-1 (Fisher-Yates). */
    private static int[] permutation(DrawRng rng, int n) {
        int[] a = new int[n];
        for (int i = 0; i < n; i++) {
            a[i] = i;
        }
        for (int i = n - 1; i > 0; i--) {
            int j = rng.nextInt(i + 1);
            int t = a[i];
            a[i] = a[j];
            a[j] = t;
        }
        return a;
    }
}
