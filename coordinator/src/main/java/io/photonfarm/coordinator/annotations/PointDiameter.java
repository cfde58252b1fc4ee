package io.photonfarm.coordinator.annotations;

import java.util.ArrayList;
import java.util.HashMap;
import java.util.List;
import java.util.Map;

/**
 * The diameter of a point set: the largest distance between two of its points, exactly (what
 * bop_toolkit's {@code calc_pts_diameter} computes by brute force over all pairs, and BOP's
 * {@code diameter} is). Branch and bound over a coarse grid, so meshes of a million vertices take
 * well under a second instead of hours: a cell pair whose boxes cannot hold a pair farther apart
 * than the best found is skipped.
 */
final class PointDiameter {
    /** Grid cells per axis. */
    private static final int CELLS = 16;

    private PointDiameter() {
    }

    /**
     * @param xyz x, y, z per point, any unit
     * @return the largest distance between two points, in that unit; 0 for fewer than two points
     */
    static double of(float[] xyz) {
        int n = xyz.length / 3;
        if (n < 2) {
            return 0;
        }
        double[] lo = {Double.MAX_VALUE, Double.MAX_VALUE, Double.MAX_VALUE};
        double[] hi = {-Double.MAX_VALUE, -Double.MAX_VALUE, -Double.MAX_VALUE};
        for (int i = 0; i < n; i++) {
            for (int a = 0; a < 3; a++) {
                lo[a] = Math.min(lo[a], xyz[i * 3 + a]);
                hi[a] = Math.max(hi[a], xyz[i * 3 + a]);
            }
        }
        List<Cell> cells = cells(xyz, lo, hi);
        double best = seed(xyz, n);
        double bestSq = best * best;
        for (int c = 0; c < cells.size(); c++) {
            Cell p = cells.get(c);
            for (int d = c; d < cells.size(); d++) {
                Cell q = cells.get(d);
                if (p.maxDistanceSq(q) <= bestSq) {
                    continue;
                }
                for (int i : p.points) {
                    for (int j : q.points) {
                        double dx = xyz[i * 3] - xyz[j * 3];
                        double dy = xyz[i * 3 + 1] - xyz[j * 3 + 1];
                        double dz = xyz[i * 3 + 2] - xyz[j * 3 + 2];
                        bestSq = Math.max(bestSq, dx * dx + dy * dy + dz * dz);
                    }
                }
            }
        }
        return Math.sqrt(bestSq);
    }

    /** A good lower bound: a few rounds of "the point farthest from the last one" from an extreme point. */
    private static double seed(float[] xyz, int n) {
        int from = 0;
        double best = 0;
        for (int round = 0; round < 4; round++) {
            int far = from;
            double farSq = -1;
            for (int i = 0; i < n; i++) {
                double d = distanceSq(xyz, from, i);
                if (d > farSq) {
                    farSq = d;
                    far = i;
                }
            }
            best = Math.max(best, Math.sqrt(farSq));
            from = far;
        }
        return best;
    }

    private static double distanceSq(float[] xyz, int i, int j) {
        double dx = xyz[i * 3] - xyz[j * 3];
        double dy = xyz[i * 3 + 1] - xyz[j * 3 + 1];
        double dz = xyz[i * 3 + 2] - xyz[j * 3 + 2];
        return dx * dx + dy * dy + dz * dz;
    }

    private static List<Cell> cells(float[] xyz, double[] lo, double[] hi) {
        Map<Integer, Cell> byIndex = new HashMap<>();
        for (int i = 0; i < xyz.length / 3; i++) {
            int key = 0;
            for (int a = 0; a < 3; a++) {
                double extent = hi[a] - lo[a];
                int k = extent <= 0 ? 0 : (int) Math.min(CELLS - 1, (xyz[i * 3 + a] - lo[a]) / extent * CELLS);
                key = key * CELLS + k;
            }
            byIndex.computeIfAbsent(key, k -> new Cell()).add(xyz, i);
        }
        return new ArrayList<>(byIndex.values());
    }

    /** The points of one grid cell and their own bounding box. */
    private static final class Cell {
        final List<Integer> points = new ArrayList<>();
        final double[] lo = {Double.MAX_VALUE, Double.MAX_VALUE, Double.MAX_VALUE};
        final double[] hi = {-Double.MAX_VALUE, -Double.MAX_VALUE, -Double.MAX_VALUE};

        void add(float[] xyz, int i) {
            points.add(i);
            for (int a = 0; a < 3; a++) {
                lo[a] = Math.min(lo[a], xyz[i * 3 + a]);
                hi[a] = Math.max(hi[a], xyz[i * 3 + a]);
            }
        }

        /** The largest squared distance a point of this box can have from a point of the other. */
        double maxDistanceSq(Cell o) {
            double sum = 0;
            for (int a = 0; a < 3; a++) {
                double d = Math.max(hi[a] - o.lo[a], o.hi[a] - lo[a]);
                sum += d * d;
            }
            return sum;
        }
    }
}
