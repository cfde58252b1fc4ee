package io.photonfarm.recipe.draw;

import io.photonfarm.recipe.ObjectMotion;
import io.photonfarm.recipe.Range;
import io.photonfarm.scene.procedural.Scenery;
import java.util.ArrayList;
import java.util.List;
import org.joml.Matrix4f;
import org.joml.Matrix4fc;
import org.joml.Vector3d;

/**
 * Plans how the objects of a sequence move ({@link ObjectMotion}). Time {@code tau} is in frame
 * intervals from the label time of the sequence's middle frame, where every object has its placed pose;
 * frame {@code k} of {@code K} is labelled at {@code tau = k - (K - 1) / 2} and exposed over
 * {@code tau +- shutter / 2}. An object's motion is a constant horizontal velocity and a constant spin
 * about the vertical axis through its box centre {@code c}: {@code x(tau) = c + v tau + Ry(w tau)(x - c)}.
 *
 * <p>A drawn trajectory is kept only if, at every label time and half a frame interval to either side
 * (the ends of the longest exposure, so that the shutter never changes what is drawn), the object's box
 * stays {@code minGap} away from every other object's box at the same time (and, on a support, inside
 * the placement area); otherwise it is tried at half and a quarter of the speed and spin,
 * and then dropped. Objects are planned in placement order, each against the final plans of those before
 * it and the placed poses of those after it (which in turn are planned against it), so every pair is
 * checked. Every object consumes the same draws whatever happens, from its own stream.
 */
final class ObjectTrajectories {
    private static final double[] SLOWDOWNS = {1, 0.5, 0.25};

    /**
     * A constant-velocity motion.
     *
     * @param vx      velocity along world x, metres per frame interval
     * @param vz      velocity along world z, metres per frame interval
     * @param spinRad turn rate about world +y through the box centre, radians per frame interval
     * @param centre  the box centre at tau = 0 (world, metres)
     */
    record Trajectory(double vx, double vz, double spinRad, Vector3d centre) {
        double speed() {
            return Math.hypot(vx, vz);
        }

        /** The box at time {@code tau}: its centre carried along, its axes turned. */
        OrientedBox box(OrientedBox at0, double tau) {
            Vector3d c = new Vector3d(at0.centre()).sub(centre);
            turn(c, spinRad * tau);
            c.add(centre).add(vx * tau, 0, vz * tau);
            Vector3d[] axes = new Vector3d[3];
            for (int a = 0; a < 3; a++) {
                axes[a] = turn(new Vector3d(at0.axes()[a]), spinRad * tau);
            }
            return new OrientedBox(c, axes, at0.half());
        }

        /** The object's transform at {@code tau}, given its placed one. */
        Matrix4f pose(Matrix4fc placed, double tau) {
            double[][] a = affine(tau, false);
            return times(a, placed, 1);
        }

        /** d pose / d tau at {@code tau}, per frame interval (last row zero): the {@link io.photonfarm.scene.Instance} velocity. */
        Matrix4f velocity(Matrix4fc placed, double tau) {
            double[][] a = affine(tau, true);
            return times(a, placed, 0);
        }

        /**
         * The 3 x 4 map x -> c + v tau + Ry(w tau)(x - c), or its derivative in tau. JOML's rotateY(t):
         * x' = cos t x + sin t z, z' = -sin t x + cos t z.
         */
        private double[][] affine(double tau, boolean derivative) {
            double t = spinRad * tau;
            double cos = StrictMath.cos(t);
            double sin = StrictMath.sin(t);
            double[][] l = derivative
                    ? new double[][] {{-sin * spinRad, 0, cos * spinRad}, {0, 0, 0}, {-cos * spinRad, 0, -sin * spinRad}}
                    : new double[][] {{cos, 0, sin}, {0, 1, 0}, {-sin, 0, cos}};
            double[] shift = derivative ? new double[] {vx, 0, vz}
                    : new double[] {centre.x + vx * tau, centre.y, centre.z + vz * tau};
            double[] c = {centre.x, centre.y, centre.z};
            double[][] out = new double[3][4];
            for (int r = 0; r < 3; r++) {
                double lc = 0;
                for (int k = 0; k < 3; k++) {
                    out[r][k] = l[r][k];
                    lc += l[r][k] * c[k];
                }
                out[r][3] = shift[r] - lc;
            }
            return out;
        }

        /** a (3 x 4, bottom row (0 0 0 w)) times an affine m, in double, as a float matrix. */
        private static Matrix4f times(double[][] a, Matrix4fc m, int w) {
            Matrix4f out = new Matrix4f().zero();
            for (int r = 0; r < 3; r++) {
                for (int c = 0; c < 4; c++) {
                    double v = c == 3 ? a[r][3] : 0;
                    for (int k = 0; k < 3; k++) {
                        v += a[r][k] * m.getRowColumn(k, c);
                    }
                    out.setRowColumn(r, c, (float) v);
                }
            }
            out.setRowColumn(3, 3, w);
            return out;
        }

        private static Vector3d turn(Vector3d v, double angle) {
            double cos = StrictMath.cos(angle);
            double sin = StrictMath.sin(angle);
            return v.set(cos * v.x + sin * v.z, v.y, -sin * v.x + cos * v.z);
        }
    }

    private ObjectTrajectories() {
    }

    /**
     * The trajectories of the placed objects (null for an object that stays still), in placement order.
     *
     * @param placed           the placed objects, at tau = 0
     * @param surface          the support (its area bounds objects that are on it)
     * @param motion           the recipe's object motion
     * @param framesPerSequence K
     * @param gap              the least distance kept between objects' boxes, metres
     * @param rngs             the draw stream of object {@code i}
     */
    static List<Trajectory> plan(List<Placer.Placed> placed, Scenery.SupportSurface surface, ObjectMotion motion,
            int framesPerSequence, double gap, java.util.function.IntFunction<DrawRng> rngs) {
        boolean[] carries = new boolean[placed.size()];
        for (Placer.Placed p : placed) {
            if (p.stacked()) {
                carries[p.base()] = true;
            }
        }
        double[] times = times(framesPerSequence, io.photonfarm.scene.Instance.MAX_SHUTTER);
        List<Trajectory> out = new ArrayList<>();
        for (int i = 0; i < placed.size(); i++) {
            DrawRng rng = rngs.apply(i);
            boolean moves = rng.chance(motion.probabilityOrDefault());
            double heading = 2 * Math.PI * rng.nextDouble();
            double speed = rng.in(Range.or(motion.speedM(), 0.002, 0.01));
            double spin = Math.toRadians(rng.in(Range.or(motion.spinDeg(), 0, 3))) * (rng.chance(0.5) ? 1 : -1);
            Placer.Placed p = placed.get(i);
            Trajectory kept = null;
            if (moves && !p.stacked() && !carries[i] && (speed > 0 || spin != 0)) {
                for (double f : SLOWDOWNS) {
                    Trajectory t = new Trajectory(f * speed * StrictMath.cos(heading), f * speed * StrictMath.sin(heading),
                            f * spin, new Vector3d(p.box().centre()));
                    if (clear(i, t, placed, out, surface, times, gap)) {
                        kept = t;
                        break;
                    }
                }
            }
            out.add(kept);
        }
        return out;
    }

    /** The times checked: every label time, and {@code shutter / 2} before and after it. */
    static double[] times(int framesPerSequence, double shutter) {
        double mid = (framesPerSequence - 1) / 2.0;
        double[] out = new double[3 * framesPerSequence];
        for (int k = 0; k < framesPerSequence; k++) {
            out[3 * k] = k - mid - shutter / 2;
            out[3 * k + 1] = k - mid;
            out[3 * k + 2] = k - mid + shutter / 2;
        }
        return out;
    }

    private static boolean clear(int i, Trajectory t, List<Placer.Placed> placed, List<Trajectory> planned,
            Scenery.SupportSurface surface, double[] times, double gap) {
        Placer.Placed p = placed.get(i);
        double reach = radius(p.box());
        for (double tau : times) {
            OrientedBox box = t.box(p.box(), tau);
            if (!p.inVolume() && !Placer.inside(box, surface)) {
                return false;
            }
            for (int j = 0; j < placed.size(); j++) {
                if (j == i) {
                    continue;
                }
                Placer.Placed o = placed.get(j);
                Trajectory ot = j < planned.size() ? planned.get(j) : null;
                OrientedBox other = ot == null ? o.box() : ot.box(o.box(), tau);
                // Bounding spheres first: most pairs are far apart.
                if (box.centre().distance(other.centre()) > reach + radius(o.box()) + gap) {
                    continue;
                }
                // An object stacked on j touches it by design; but a moving object carries nothing, and none rests on it.
                if (box.overlaps(other, gap)) {
                    return false;
                }
            }
        }
        return true;
    }

    private static double radius(OrientedBox b) {
        return Math.sqrt(b.half()[0] * b.half()[0] + b.half()[1] * b.half()[1] + b.half()[2] * b.half()[2]);
    }
}
