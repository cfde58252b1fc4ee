package io.photonfarm.sensor.depth;

import static org.junit.jupiter.api.Assertions.assertArrayEquals;
import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertTrue;

import io.photonfarm.api.camera.DepthSensorProfile;
import io.photonfarm.api.job.JobSpecException;
import java.util.ArrayList;
import java.util.Arrays;
import java.util.List;
import org.junit.jupiter.api.Test;

class DepthSensorSimulatorTest {
    private static final int W = 160;
    private static final int H = 60;
    private static final double FX = 100;

    /** A wall at {@code wall} metres, and where box != null, a box at {@code box} metres over columns [60, 100). */
    private static DepthFrame scene(float wall, Float box, float albedo) {
        float[] z = new float[W * H];
        float[] cos = new float[W * H];
        float[] a = new float[W * H];
        for (int v = 0; v < H; v++) {
            for (int u = 0; u < W; u++) {
                int i = v * W + u;
                z[i] = box != null && u >= 60 && u < 100 ? box : wall;
                cos[i] = 1;
                a[i] = albedo;
            }
        }
        return new DepthFrame(W, H, FX, z, cos, a);
    }

    private static DepthSensorProfile tof(List<Double> noise) {
        return new DepthSensorProfile("tof", null, null, noise, null, null, null, 0, 0.0, null, null, null);
    }

    @Test
    void noiseOnAFlatWallHasTheProfilesSigmaAroundTheTrueDepth() {
        float[] d = new DepthSensorSimulator(tof(List.of(0.002, 0.004, 0.0))).measure(scene(2f, null, 0.5f), 7, 0);
        double mean = Arrays.stream(toDouble(d)).average().orElseThrow();
        double var = Arrays.stream(toDouble(d)).map(x -> (x - mean) * (x - mean)).sum() / (d.length - 1);
        double sigma = 0.002 + 0.004 * 2;
        assertEquals(2.0, mean, 4 * sigma / Math.sqrt(d.length), "mean depth");
        assertEquals(sigma, Math.sqrt(var), 0.05 * sigma, "measured sigma vs profile's sigma(2 m)");
    }

    @Test
    void structuredLightLeavesAProjectorShadowLeftOfANearObjectOnly() {
        DepthSensorProfile sl = new DepthSensorProfile("structured-light", null, null, List.of(0.0, 0.0, 0.0), 0.05, 0.0,
                null, 0, 0.0, null, null, null);
        float[] d = new DepthSensorSimulator(sl).measure(scene(3f, 1f, 0.5f), 1, 0);
        // Shadow width fx b (1/z_near - 1/z_far) = 100 * 0.05 * (1 - 1/3) = 3.33 px, left of column 60.
        int row = H / 2;
        for (int u = 0; u < W; u++) {
            boolean hole = d[row * W + u] == 0f;
            boolean expected = u >= 57 && u < 60; // pixel centres u + 0.5 within (60 - 3.33, 60)
            assertEquals(expected, hole, "column " + u + " measured " + d[row * W + u]);
        }
        assertEquals(1f, d[row * W + 80], 1e-6f, "the box itself measured without noise");
        assertEquals(3f, d[row * W + 120], 1e-6f, "the wall right of the box is lit");
    }

    @Test
    void disparityQuantisationSnapsDepthsToWholeDisparitySteps() {
        DepthSensorProfile sl = new DepthSensorProfile("structured-light", null, null, List.of(0.0, 0.0, 0.0), 0.05, 0.25,
                null, 0, 0.0, null, null, null);
        float[] d = new DepthSensorSimulator(sl).measure(scene(2.9f, null, 0.5f), 1, 0);
        double disparity = FX * 0.05 / d[0];
        assertEquals(Math.rint(disparity / 0.25) * 0.25, disparity, 1e-4, "disparity on the 1/4-pixel grid");
        assertTrue(Math.abs(d[0] - 2.9) > 1e-3, "2.9 m is not on the grid, so quantisation moved it: " + d[0]);
    }

    @Test
    void darkFarAndOutOfRangeSurfacesReturnNothing() {
        DepthSensorProfile sl = new DepthSensorProfile("structured-light", null, 4.0, null, null, null, null, 0, 0.0, 0.1,
                null, null);
        assertTrue(allZero(new DepthSensorSimulator(sl).measure(scene(2f, null, 0.05f), 1, 0)), "dark wall");
        assertTrue(allZero(new DepthSensorSimulator(sl).measure(scene(5f, null, 0.5f), 1, 0)), "wall beyond maxRange");
        DepthSensorProfile weak = new DepthSensorProfile("tof", null, 5.0, null, null, null, null, 0, 0.0, null, null, 0.2);
        // albedo 0.5, cos 1, z/maxRange = 0.8: signal 0.5 / 0.64 = 0.78 (measured); at albedo 0.1: 0.16 < 0.2 (hole).
        assertFalse(allZero(new DepthSensorSimulator(weak).measure(scene(4f, null, 0.5f), 1, 0)), "bright wall at 4 m");
        assertTrue(allZero(new DepthSensorSimulator(weak).measure(scene(4f, null, 0.1f), 1, 0)), "dim wall at 4 m");
        DepthFrame background = new DepthFrame(1, 1, FX, new float[] {Float.POSITIVE_INFINITY}, new float[] {1}, new float[] {1});
        assertEquals(0f, new DepthSensorSimulator(tof(null)).measure(background, 1, 0)[0], "background is a hole");
    }

    @Test
    void edgesDropOutOnlyNearDepthJumps() {
        DepthSensorProfile tof = new DepthSensorProfile("tof", null, null, List.of(0.0, 0.0, 0.0), null, null, null, 2, 1.0,
                null, null, null);
        float[] d = new DepthSensorSimulator(tof).measure(scene(3f, 1f, 0.5f), 1, 0);
        int row = H / 2;
        for (int u = 0; u < W; u++) {
            // The jumps lie between columns 59|60 and 99|100; a 2-pixel window reaches both sides from 58..61.
            boolean nearEdge = Math.abs(u - 59.5) <= 1.5 || Math.abs(u - 99.5) <= 1.5;
            assertEquals(nearEdge, d[row * W + u] == 0f, "column " + u);
        }
    }

    @Test
    void theSameFrameTwiceIsIdenticalAndAnotherFrameDiffers() {
        DepthSensorSimulator sim = new DepthSensorSimulator(new DepthSensorProfile("structured-light", null, null, null,
                null, null, null, null, null, null, null, null));
        DepthFrame f = scene(2.5f, 1.2f, 0.5f);
        assertArrayEquals(sim.measure(f, 11, 3), sim.measure(f, 11, 3));
        assertFalse(Arrays.equals(sim.measure(f, 11, 3), sim.measure(f, 11, 4)));
        assertFalse(Arrays.equals(sim.measure(f, 11, 3), sim.measure(f, 12, 3)));
    }

    @Test
    void aBadProfileIsRefusedNamingTheField() {
        List<JobSpecException.Violation> bad = new ArrayList<>();
        new DepthSensorProfile("lidar", 2.0, 1.0, List.of(0.1), null, null, null, 99, 1.5, null, null, null)
                .check("camera.depthSensor", bad);
        List<String> fields = bad.stream().map(JobSpecException.Violation::field).toList();
        assertEquals(List.of("camera.depthSensor.kind", "camera.depthSensor.maxRange", "camera.depthSensor.noise",
                "camera.depthSensor.edgeWidth", "camera.depthSensor.edgeDropProbability"), fields);
    }

    private static boolean allZero(float[] d) {
        for (float x : d) {
            if (x != 0f) {
                return false;
            }
        }
        return true;
    }

    private static double[] toDouble(float[] f) {
        double[] d = new double[f.length];
        for (int i = 0; i < f.length; i++) {
            d[i] = f[i];
        }
        return d;
    }
}
