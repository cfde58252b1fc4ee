package io.photonfarm.coordinator.labels;

import io.photonfarm.api.tile.LabelRecord;
import io.photonfarm.image.FloatImage;
import io.photonfarm.image.Images;
import io.photonfarm.labels.PinholeCalibration;
import io.photonfarm.scene.Scene;
import java.io.IOException;
import java.nio.file.Path;
import java.util.List;
import org.joml.Matrix4d;
import org.joml.Vector3d;

/**
 * The {@code flow_forward} pass of a frame k that has a successor k + 1 in its sequence. At pixel
 * (u, v) it is {@code (x', y') - (u + 0.5, v + 0.5)}, pixels, where (x', y') is where the surface
 * point seen through the pixel centre in frame k lands in frame k + 1's image: the point is carried
 * by its own instance's motion ({@code M_{k+1} M_k^-1}, from the two frames' drawn scenes) and
 * projected by frame k + 1's camera, lens distortion applied forward. Pixels that see no surface get
 * the flow of their direction at infinity (camera rotation only). NaN where the point is at or behind
 * frame k + 1's camera plane, or where its lens images it nowhere.
 *
 * <p>Full flow, occluded points included (Sintel's and KITTI's {@code flow_occ}): whether the point is
 * still the first surface in frame k + 1 would need frame k + 1's labels, which may not be assembled
 * yet; no occlusion mask is written.
 *
 * <p>Double precision throughout: the hit positions are the labels' 32-bit floats, exact to about
 * 1e-7 of their distance, far below 1e-3 pixel at any useful resolution.
 */
final class ForwardFlow {
    static final String FILE = "flow_forward.exr";
    /** The file's channels: R = horizontal flow (u, right), G = vertical flow (v, down), pixels. */
    static final List<String> CHANNELS = List.of("R", "G");

    private ForwardFlow() {
    }

    /** Writes {@link #FILE} into {@code dir}; returns its name. */
    static String write(Path dir, LabelFrame f, PinholeCalibration cal, Scene scene, FrameSuccessors.Next next)
            throws IOException {
        float[] flow = compute(f, cal, scene, next.scene(), next.calibration());
        Images.writeExr(new FloatImage(f.width(), f.height(), 2, flow), CHANNELS, dir.resolve(FILE));
        return FILE;
    }

    /**
     * The forward flow of every pixel, row-major, two floats (du, dv) per pixel, pixels.
     *
     * @param f         frame k's pixel-centre labels (world positions, metres; instance ids)
     * @param cal       frame k's calibration (for the directions of pixels that see no surface)
     * @param scene     frame k's scene: instance i + 1 of the labels is {@code scene.instances().get(i)}
     * @param nextScene frame k + 1's scene: the same instances in the same order
     * @param nextCal   frame k + 1's calibration
     * @throws IllegalStateException if the two scenes do not hold the same number of instances
     */
    static float[] compute(LabelFrame f, PinholeCalibration cal, Scene scene, Scene nextScene, PinholeCalibration nextCal) {
        Matrix4d[] motion = motions(scene, nextScene);
        double[][] r = nextCal.rotation();
        double[] t = nextCal.translation();
        float[] out = new float[f.pixels() * 2];
        Vector3d x = new Vector3d();
        for (int p = 0; p < f.pixels(); p++) {
            int u = p % f.width();
            int v = p / f.width();
            int id = f.id(p, LabelRecord.INSTANCE);
            double[] target;
            if (id >= 1 && id <= motion.length) {
                x.set(f.f(p, LabelRecord.POSITION), f.f(p, LabelRecord.POSITION + 1), f.f(p, LabelRecord.POSITION + 2));
                motion[id - 1].transformPosition(x);
                target = nextCal.pixelOf(dot(r[0], x) + t[0], dot(r[1], x) + t[1], dot(r[2], x) + t[2]);
            } else {
                // No surface: a direction at infinity moves only with the camera's rotation.
                double[] d = cal.worldDirection(u + 0.5, v + 0.5);
                target = nextCal.pixelOf(dot(r[0], d), dot(r[1], d), dot(r[2], d));
            }
            out[2 * p] = target == null ? Float.NaN : (float) (target[0] - (u + 0.5));
            out[2 * p + 1] = target == null ? Float.NaN : (float) (target[1] - (v + 0.5));
        }
        return out;
    }

    /** Per instance, world at frame k -> world at frame k + 1: {@code M_{k+1} M_k^-1}, in double. */
    private static Matrix4d[] motions(Scene scene, Scene nextScene) {
        int n = scene.instances().size();
        if (nextScene.instances().size() != n) {
            throw new IllegalStateException("forward flow: frame k has " + n + " instances but its successor has "
                    + nextScene.instances().size() + "; the frames of a sequence must draw the same instances");
        }
        Matrix4d[] motion = new Matrix4d[n];
        for (int i = 0; i < n; i++) {
            Matrix4d worldToObject = new Matrix4d(scene.instances().get(i).objectToWorld()).invertAffine();
            motion[i] = new Matrix4d(nextScene.instances().get(i).objectToWorld()).mul(worldToObject);
        }
        return motion;
    }

    private static double dot(double[] a, Vector3d b) {
        return a[0] * b.x + a[1] * b.y + a[2] * b.z;
    }

    private static double dot(double[] a, double[] b) {
        return a[0] * b[0] + a[1] * b[1] + a[2] * b[2];
    }
}
