package io.photonfarm.labels.annotate;

import io.photonfarm.labels.PinholeCalibration;
import io.photonfarm.labels.raycast.Ray;
import io.photonfarm.labels.raycast.RayHit;
import io.photonfarm.labels.raycast.SceneRaycaster;
import java.util.stream.IntStream;

/** Per-pixel passes made by casting every pixel's centre ray with {@link SceneRaycaster}: the test oracle. */
final class RayCastFrames {
    private RayCastFrames() {
    }

    /** The instance pass the renderer would write: instance index + 1 of the first hit, 0 for none. */
    static int[] instancePass(SceneRaycaster rc, PinholeCalibration cal, int width, int height) {
        int[] pass = new int[width * height];
        IntStream.range(0, height).parallel().forEach(v -> {
            for (int u = 0; u < width; u++) {
                RayHit hit = rc.closest(Ray.pixelCentre(cal, u, v));
                pass[v * width + u] = hit == null ? 0 : hit.instance() + 1;
            }
        });
        return pass;
    }

    /** Whether each pixel's centre ray meets scene instance {@code instance} when it is alone. */
    static boolean[] aloneMask(SceneRaycaster rc, int instance, PinholeCalibration cal, int width, int height) {
        boolean[] mask = new boolean[width * height];
        IntStream.range(0, height).parallel().forEach(v -> {
            for (int u = 0; u < width; u++) {
                mask[v * width + u] = rc.closestOnInstance(instance, Ray.pixelCentre(cal, u, v)) != null;
            }
        });
        return mask;
    }

    /**
     * The smallest distance, in pixels, from the centre of pixel (u, v) to the projection of any
     * triangle edge of {@code mesh}, each clipped to Z >= {@link FrameAnnotator#NEAR_Z}.
     */
    static double distanceToEdges(CameraMesh mesh, PinholeCalibration cal, int u, int v) {
        double px = u + 0.5;
        double py = v + 0.5;
        double best = Double.POSITIVE_INFINITY;
        double[] p = mesh.xyz();
        int[] idx = mesh.indices();
        for (int k = 0; k < idx.length; k += 3) {
            for (int e = 0; e < 3; e++) {
                int a = 3 * idx[k + e];
                int b = 3 * idx[k + (e + 1) % 3];
                double[] pa = {p[a], p[a + 1], p[a + 2]};
                double[] pb = {p[b], p[b + 1], p[b + 2]};
                if (!clipToFront(pa, pb) || !clipToFront(pb, pa)) {
                    continue;
                }
                double ax = cal.fx() * pa[0] / pa[2] + cal.cx();
                double ay = cal.fy() * pa[1] / pa[2] + cal.cy();
                double bx = cal.fx() * pb[0] / pb[2] + cal.cx();
                double by = cal.fy() * pb[1] / pb[2] + cal.cy();
                double dx = bx - ax;
                double dy = by - ay;
                double len2 = dx * dx + dy * dy;
                double s = len2 > 0 ? Math.max(0, Math.min(1, ((px - ax) * dx + (py - ay) * dy) / len2)) : 0;
                best = Math.min(best, Math.hypot(px - ax - s * dx, py - ay - s * dy));
            }
        }
        return best;
    }

    /** Moves {@code a} along the segment to Z = NEAR_Z if it is behind that plane; false if both ends are. */
    private static boolean clipToFront(double[] a, double[] b) {
        double near = FrameAnnotator.NEAR_Z;
        if (a[2] >= near) {
            return true;
        }
        if (b[2] < near) {
            return false;
        }
        double s = (near - a[2]) / (b[2] - a[2]);
        for (int i = 0; i < 3; i++) {
            a[i] += s * (b[i] - a[i]);
        }
        a[2] = near;
        return true;
    }
}
