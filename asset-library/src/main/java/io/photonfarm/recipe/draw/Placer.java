package io.photonfarm.recipe.draw;

import io.photonfarm.recipe.PlacementSpec;
import io.photonfarm.recipe.Range;
import io.photonfarm.scene.procedural.ProceduralModel;
import io.photonfarm.scene.procedural.Scenery;
import java.util.ArrayList;
import java.util.List;
import org.joml.Matrix4f;
import org.joml.Quaternionf;

/**
 * Places objects one after another by rejection sampling: a candidate pose is drawn, and kept if its
 * oriented box stays {@code minGap} away from every box kept before (and, on a support, inside the
 * placement area); after {@code maxAttempts} candidates the frame is refused with a
 * {@link PlacementException}. Objects on a support stand upright (or upside down) at a random yaw;
 * a stacked object rests on a flat-topped object placed earlier, {@link #STACK_GAP} above it.
 */
final class Placer {
    /** Clearance between a stacked object and the one it rests on, metres (keeps their surfaces apart). */
    static final double STACK_GAP = 1e-4;

    /**
     * A placed object: its transform and world box, whether others may stand on it, whether it stands on
     * another (the index of that one in {@link #placed()}, else -1), and whether it floats in the volume.
     */
    record Placed(Matrix4f objectToWorld, OrientedBox box, boolean flatTop, int base, boolean inVolume) {
        boolean stacked() {
            return base >= 0;
        }
    }

    private final PlacementSpec spec;
    private final Scenery.SupportSurface surface;
    private final DrawRng rng;
    private final List<Placed> placed = new ArrayList<>();

    Placer(PlacementSpec spec, Scenery.SupportSurface surface, DrawRng rng) {
        this.spec = spec;
        this.surface = surface;
        this.rng = rng;
    }

    List<Placed> placed() {
        return placed;
    }

    /**
     * Places {@code model} scaled by {@code scale}; {@code what} names it in the error.
     *
     * @throws PlacementException if no candidate fits within the attempts allowed
     */
    Placed place(ProceduralModel model, float scale, boolean upsideDown, String what) {
        float[] bounds = model.bounds();
        int attempts = spec.maxAttemptsOrDefault();
        double gap = spec.minGapOrDefault();
        Range yaw = Range.or(spec.yawDeg(), 0, 360);
        for (int a = 0; a < attempts; a++) {
            // Every attempt consumes the same number of values, so a retry never shifts later draws unevenly.
            double u1 = rng.nextDouble();
            double u2 = rng.nextDouble();
            double u3 = rng.nextDouble();
            double u4 = rng.nextDouble();
            double stackRoll = rng.nextDouble();
            double u5 = rng.nextDouble();
            Matrix4f m;
            Placed base = null;
            if (spec.inVolume()) {
                List<Double> lo = spec.volume().min();
                List<Double> hi = spec.volume().max();
                double x = lo.get(0) + u1 * (hi.get(0) - lo.get(0));
                double y = lo.get(1) + u2 * (hi.get(1) - lo.get(1));
                double z = lo.get(2) + u3 * (hi.get(2) - lo.get(2));
                // Rotate about the model's own centre, which lands at (x, y, z).
                float centreY = (bounds[1] + bounds[4]) / 2;
                m = new Matrix4f().translation((float) x, (float) y, (float) z).rotate(uniformRotation(u4, stackRoll, u5))
                        .scale(scale).translate(0, -centreY, 0);
            } else {
                List<Placed> bases = placed.stream().filter(p -> p.flatTop() && !p.stacked()).toList();
                boolean stack = !bases.isEmpty() && stackRoll < spec.stackProbabilityOrDefault();
                double x;
                double y;
                double z;
                if (stack) {
                    base = bases.get(Math.min(bases.size() - 1, (int) (u5 * bases.size())));
                    double reach = 0.25 * Math.min(base.box().extentAlong(new org.joml.Vector3d(1, 0, 0)),
                            base.box().extentAlong(new org.joml.Vector3d(0, 0, 1)));
                    x = base.box().centre().x + (2 * u1 - 1) * reach;
                    z = base.box().centre().z + (2 * u2 - 1) * reach;
                    y = base.box().maxY() + STACK_GAP;
                } else {
                    x = surface.centreX() + (2 * u1 - 1) * surface.halfX();
                    z = surface.centreZ() + (2 * u2 - 1) * surface.halfZ();
                    y = surface.height();
                }
                m = uprightPose(x, y, z, yaw.at(u3), scale, upsideDown ? bounds[4] : Float.NaN);
            }
            OrientedBox box = OrientedBox.of(bounds, m);
            if (base == null && !spec.inVolume() && !inside(box)) {
                continue;
            }
            boolean clear = true;
            for (Placed p : placed) {
                if (box.overlaps(p.box(), p == base ? 0 : gap)) {
                    clear = false;
                    break;
                }
            }
            if (clear) {
                Placed kept = new Placed(m, box, model.flatTop() && !upsideDown, base == null ? -1 : placed.indexOf(base),
                        spec.inVolume());
                placed.add(kept);
                return kept;
            }
        }
        throw new PlacementException("could not place " + what + " without touching the " + placed.size()
                + " objects placed before it in " + attempts + " attempts; enlarge the support area, lower the counts "
                + "or placement.minGap, or raise placement.maxAttempts");
    }

    /**
     * T(x, y, z) Ry(yaw) [T(0, top s, 0) Rx(180)] S(s): upright at a yaw, or upside down when
     * {@code flipTop} (the model's top height) is a number. Sine and cosine from StrictMath so every
     * machine builds the same matrix.
     */
    static Matrix4f uprightPose(double x, double y, double z, double yawDeg, float scale, float flipTop) {
        double r = Math.toRadians(yawDeg);
        float c = (float) StrictMath.cos(r);
        float s = (float) StrictMath.sin(r);
        Matrix4f m = new Matrix4f().translation((float) x, (float) y, (float) z)
                .mul(new Matrix4f(c, 0, -s, 0, 0, 1, 0, 0, s, 0, c, 0, 0, 0, 0, 1));
        if (!Float.isNaN(flipTop)) {
            m.translate(0, flipTop * scale, 0).scale(1, -1, -1);
        }
        return m.scale(scale);
    }

    /** A uniformly random rotation from three uniforms (Shoemake, "Uniform random rotations", Graphics Gems III). */
    private static Quaternionf uniformRotation(double u1, double u2, double u3) {
        double a = Math.sqrt(1 - u1);
        double b = Math.sqrt(u1);
        double t1 = 2 * Math.PI * u2;
        double t2 = 2 * Math.PI * u3;
        return new Quaternionf((float) (a * StrictMath.sin(t1)), (float) (a * StrictMath.cos(t1)),
                (float) (b * StrictMath.sin(t2)), (float) (b * StrictMath.cos(t2))).normalize();
    }

    /** Whether a box on the support lies inside the placement area (seen from above). */
    static boolean inside(OrientedBox box, Scenery.SupportSurface surface) {
        double ex = box.extentAlong(new org.joml.Vector3d(1, 0, 0));
        double ez = box.extentAlong(new org.joml.Vector3d(0, 0, 1));
        return Math.abs(box.centre().x - surface.centreX()) + ex <= surface.halfX()
                && Math.abs(box.centre().z - surface.centreZ()) + ez <= surface.halfZ();
    }

    private boolean inside(OrientedBox box) {
        return inside(box, surface);
    }
}
