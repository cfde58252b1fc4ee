package io.photonfarm.shaders;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.util.HashSet;
import java.util.Set;
import org.junit.jupiter.api.Test;

class SobolDirectionsTest {
    private final int[][] table = SobolDirections.table();

    @Test
    void firstPointsOfTheSecondDimensionAreTheKnownSobolValues() {
        // Dimension 1 (polynomial x + 1): direction numbers 1/2, 3/4, 5/8, so in natural index order
        // the points are the XORs 0, 1/2, 3/4, 1/4, 5/8, 1/8, 3/8, 7/8.
        double[] expected = {0, 0.5, 0.75, 0.25, 0.625, 0.125, 0.375, 0.875};
        for (int i = 0; i < expected.length; i++) {
            assertEquals(expected[i], SobolDirections.point(table, i, 1), 0.0, "index " + i);
        }
    }

    @Test
    void everyDimensionIsAZeroTwoSequenceInOneDimension() {
        // Each aligned block of 2^k points has exactly one point in each interval of width 2^-k.
        for (int d = 0; d < SobolDirections.DIMENSIONS; d++) {
            for (int k = 1; k <= 10; k++) {
                int n = 1 << k;
                Set<Integer> cells = new HashSet<>();
                for (int i = n; i < 2 * n; i++) {
                    cells.add((int) Math.floor(SobolDirections.point(table, i, d) * n));
                }
                assertEquals(n, cells.size(), "dimension " + d + " block of " + n);
            }
        }
    }

    @Test
    void pairsOfDimensionsStratifyElementaryIntervals() {
        // (0,2)-net property of dimensions 0 and 1: 256 points, every 2^a x 2^(8-a) box holds one.
        for (int a = 0; a <= 8; a++) {
            Set<Long> cells = new HashSet<>();
            for (int i = 0; i < 256; i++) {
                long cx = (long) Math.floor(SobolDirections.point(table, i, 0) * (1 << a));
                long cy = (long) Math.floor(SobolDirections.point(table, i, 1) * (1 << (8 - a)));
                cells.add(cx * 1024 + cy);
            }
            assertEquals(256, cells.size(), "boxes 2^" + a + " x 2^" + (8 - a));
        }
        assertTrue(table[31][3] != 0);
    }
}
