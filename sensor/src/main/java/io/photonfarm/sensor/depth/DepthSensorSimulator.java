package io.photonfarm.sensor.depth;

import io.photonfarm.api.camera.DepthSensorProfile;
import io.photonfarm.sensor.CounterRng;
import io.photonfarm.sensor.Distributions;
import java.util.stream.IntStream;

/**
 * Simulates a depth camera's measurement of a frame from its exact depth: the {@code depth_sensor}
 * pass, metres along the optical axis, 0 where the sensor measures nothing. In order, per pixel:
 *
 * <ol>
 *   <li>holes: background, depth outside [minRange, maxRange], incidence beyond maxIncidenceDeg,
 *       albedo below darkAlbedo; for time of flight also a return signal
 *       {@code albedo * cos / (z / maxRange)^2} below minSignal; for structured light the projector's
 *       shadow: the projector sits at +baseline along the camera's x axis, so a pixel is dark to it when
 *       a nearer surface to its right covers the same projector column ({@code u - fx b / z}), which
 *       leaves a band of width {@code fx b (1/z_near - 1/z_far)} pixels left of each foreground edge;</li>
 *   <li>edges: within edgeWidth pixels of a depth jump larger than edgeThreshold times the nearer depth,
 *       a pixel drops out with probability edgeDropProbability;</li>
 *   <li>noise: z + N(0, sigma(z)^2), sigma(z) = c0 + c1 z + c2 z^2; structured light then quantises the
 *       disparity {@code fx b / z} to disparitySteps, as its matcher does.</li>
 * </ol>
 *
 * Every random draw is a pure function of (job seed, frame, pixel, draw) ({@link CounterRng}, its own
 * stream), so a frame simulated twice,
 * on any thread split, gives the same pass. Thread-safe.
 */
public final class DepthSensorSimulator {
    private final DepthSensorProfile p;
    private final boolean structuredLight;

    /** @param profile a checked profile; fields left out take the kind's defaults */
    public DepthSensorSimulator(DepthSensorProfile profile) {
        this.p = profile.resolved();
        this.structuredLight = DepthSensorProfile.STRUCTURED_LIGHT.equals(p.kind());
    }

    /** The resolved profile this simulator applies (every field set), for meta.json. */
    public DepthSensorProfile profile() {
        return p;
    }

    /** The {@code depth_sensor} pass of {@code frame}: metres, 0 = no measurement, row-major. */
    public float[] measure(DepthFrame frame, long jobSeed, int frameIndex) {
        int w = frame.width();
        int h = frame.height();
        float[] z = frame.depthZ();
        boolean[] shadow = structuredLight && p.baseline() > 0 ? projectorShadow(frame) : null;
        float[] out = new float[w * h];
        double cosMax = Math.cos(Math.toRadians(p.maxIncidenceDeg()));
        long stream = CounterRng.streamKey(jobSeed, frameIndex, CounterRng.Stream.DEPTH_SENSOR);
        IntStream.range(0, h).parallel().forEach(v -> {
            for (int u = 0; u < w; u++) {
                int i = v * w + u;
                double depth = z[i];
                if (!Double.isFinite(depth) || depth < p.minRange() || depth > p.maxRange()
                        || frame.cosIncidence()[i] < cosMax || frame.albedo()[i] < p.darkAlbedo()
                        || (shadow != null && shadow[i]) || weak(frame, i, depth)) {
                    continue;
                }
                long key = CounterRng.pixelKey(stream, i);
                if (nearEdge(z, w, h, u, v) && CounterRng.uniform(key, 0) < p.edgeDropProbability()) {
                    continue;
                }
                double sigma = p.noise().get(0) + p.noise().get(1) * depth + p.noise().get(2) * depth * depth;
                double measured = depth + sigma * Distributions.normal(key, 1);
                if (structuredLight && p.disparityStep() > 0 && p.baseline() > 0) {
                    double fb = frame.fx() * p.baseline();
                    double steps = Math.max(1, Math.rint(fb / measured / p.disparityStep()));
                    measured = fb / (steps * p.disparityStep());
                }
                out[i] = measured > 0 ? (float) measured : 0f;
            }
        });
        return out;
    }

    private boolean weak(DepthFrame f, int i, double depth) {
        if (structuredLight || p.minSignal() <= 0) {
            return false;
        }
        double rel = depth / p.maxRange();
        return f.albedo()[i] * f.cosIncidence()[i] / (rel * rel) < p.minSignal();
    }

    /** Whether a depth jump above the threshold lies within edgeWidth pixels (4-neighbour steps in the window). */
    private boolean nearEdge(float[] z, int w, int h, int u, int v) {
        int r = p.edgeWidth();
        if (r == 0 || p.edgeDropProbability() <= 0) {
            return false;
        }
        for (int y = Math.max(0, v - r); y <= Math.min(h - 1, v + r); y++) {
            for (int x = Math.max(0, u - r); x <= Math.min(w - 1, u + r); x++) {
                if (x + 1 < w && x + 1 <= u + r && jump(z[y * w + x], z[y * w + x + 1])) {
                    return true;
                }
                if (y + 1 < h && y + 1 <= v + r && jump(z[y * w + x], z[(y + 1) * w + x])) {
                    return true;
                }
            }
        }
        return false;
    }

    private boolean jump(float a, float b) {
        boolean fa = Float.isFinite(a);
        boolean fb = Float.isFinite(b);
        if (fa != fb) {
            return true;
        }
        return fa && Math.abs(a - b) > p.edgeThreshold() * Math.min(a, b);
    }

    /**
     * Pixels the projector cannot light: scanning each row from the right, a pixel centre is shadowed
     * when a pixel to its right covers its projector column (that surface is nearer: it maps further
     * left). A pixel covers the columns within half a pixel of its centre's, so neighbours on one
     * surface shadow each other only where its disparity changes by more than half a pixel per pixel.
     */
    private boolean[] projectorShadow(DepthFrame f) {
        int w = f.width();
        boolean[] shadow = new boolean[w * f.height()];
        double fb = f.fx() * p.baseline();
        IntStream.range(0, f.height()).parallel().forEach(v -> {
            double minColumn = Double.POSITIVE_INFINITY;
            for (int u = w - 1; u >= 0; u--) {
                float depth = f.depthZ()[v * w + u];
                if (!Float.isFinite(depth) || depth <= 0) {
                    continue;
                }
                double column = u + 0.5 - fb / depth;
                // The nearer pixel covers projector columns from half a pixel left of its centre's column.
                if (column > minColumn - 0.5) {
                    shadow[v * w + u] = true;
                }
                minColumn = Math.min(minColumn, column);
            }
        });
        return shadow;
    }
}
