package io.photonfarm.scene;

import java.util.ArrayList;
import java.util.HashSet;
import java.util.List;
import java.util.Set;
import org.joml.Matrix4d;
import org.joml.Matrix4dc;
import org.joml.Matrix4f;
import org.joml.Matrix4fc;
import org.joml.Vector3f;
import org.joml.Vector3fc;

/**
 * The symmetries of an asset's shape and appearance in its own object space (metres, right-handed,
 * y up), as pose-estimation losses need them (BOP's "symmetries_discrete" and
 * "symmetries_continuous"): a pose P and P * S look the same for every listed S. Meshes carry
 * them ({@link Mesh#symmetries()}) as they carry landmarks; they hold for the mesh before any
 * instance scale, and for a uniformly scaled instance (its translations scaled alike); a non-uniform
 * scale may break them.
 *
 * @param discrete   object-space rigid transforms other than the identity that leave the object unchanged
 * @param continuous axes about which any rotation leaves the object unchanged
 */
public record Symmetries(List<Discrete> discrete, List<Continuous> continuous) {
    /** An asset whose every pose looks different. */
    public static final Symmetries NONE = new Symmetries(List.of(), List.of());

    /** The largest discrete symmetry group {@link #discreteGroup} builds (a 360-fold axis and a half turn: 720). */
    public static final int MAX_GROUP = 720;

    /** Two transforms are one when every matrix entry rounds alike to this (rotation unitless, translation metres). */
    private static final double SAME = 1e-6;

    public Symmetries {
        discrete = List.copyOf(discrete);
        continuous = List.copyOf(continuous);
    }

    /**
     * One discrete symmetry, stated as the rotation it is (for people) and its 4x4 transform (for losses).
     *
     * @param axis     unit rotation axis, object space
     * @param angleDeg rotation angle about {@code axis}, degrees, right-handed
     * @param through  a point on the axis, object space, metres
     */
    public record Discrete(Vector3fc axis, double angleDeg, Vector3fc through) {
        public Discrete {
            axis = new Vector3f(axis).normalize();
            through = new Vector3f(through);
        }

        /** The object-space transform: rotate by {@code angleDeg} about the axis through {@code through}. */
        public Matrix4fc transform() {
            return new Matrix4f().translate(through).rotate((float) Math.toRadians(angleDeg), axis)
                    .translate(-through.x(), -through.y(), -through.z());
        }

        /** {@link #transform()} in double precision, so that composing many stays exact to 1e-12. */
        public Matrix4dc transformExact() {
            return new Matrix4d().translate(through.x(), through.y(), through.z())
                    .rotate(Math.toRadians(angleDeg), axis.x(), axis.y(), axis.z())
                    .translate(-through.x(), -through.y(), -through.z());
        }
    }

    /**
     * A continuous symmetry: every rotation about the axis through {@code through}.
     *
     * @param axis    unit axis, object space
     * @param through a point on the axis, object space, metres
     */
    public record Continuous(Vector3fc axis, Vector3fc through) {
        public Continuous {
            axis = new Vector3f(axis).normalize();
            through = new Vector3f(through);
        }
    }

    /**
     * Every transform of the group the discrete symmetries generate, the identity left out: what BOP's
     * {@code symmetries_discrete} must list, since bop_toolkit uses the listed transforms as they are
     * and composes none (a quarter turn about y and a half turn about x list seven transforms).
     * Object space, metres; in a fixed order (generators first, then breadth first).
     *
     * @throws IllegalStateException if the group has more than {@link #MAX_GROUP} elements (two
     *                               rotations whose axes meet at an angle no finite group allows)
     */
    public List<Matrix4dc> discreteGroup() {
        List<Matrix4dc> generators = discrete.stream().map(Discrete::transformExact).toList();
        List<Matrix4dc> group = new ArrayList<>();
        // Seen transforms by their entries rounded to SAME, so that a 360-fold axis closes in a blink.
        Set<List<Long>> seen = new HashSet<>();
        seen.add(key(new Matrix4d()));
        for (Matrix4dc g : generators) {
            addIfNew(group, seen, g);
        }
        for (int i = 0; i < group.size(); i++) {
            for (Matrix4dc g : generators) {
                addIfNew(group, seen, new Matrix4d(group.get(i)).mul(g));
                if (group.size() > MAX_GROUP) {
                    throw new IllegalStateException("symmetries " + discrete + " generate more than " + MAX_GROUP
                            + " transforms; their axes cannot all be symmetry axes of one object");
                }
            }
        }
        return List.copyOf(group);
    }

    private static void addIfNew(List<Matrix4dc> group, Set<List<Long>> seen, Matrix4dc m) {
        if (seen.add(key(m))) {
            group.add(m);
        }
    }

    private static List<Long> key(Matrix4dc m) {
        List<Long> k = new ArrayList<>(12);
        for (int col = 0; col < 4; col++) {
            for (int row = 0; row < 3; row++) {
                k.add(Math.round(m.get(col, row) / SAME));
            }
        }
        return k;
    }

    /** A half turn about the axis (ax, ay, az) through the point (px, py, pz), metres. */
    public static Discrete halfTurn(float ax, float ay, float az, float px, float py, float pz) {
        return new Discrete(new Vector3f(ax, ay, az), 180, new Vector3f(px, py, pz));
    }

    /** Every rotation about the axis (ax, ay, az) through the point (px, py, pz), metres. */
    public static Continuous about(float ax, float ay, float az, float px, float py, float pz) {
        return new Continuous(new Vector3f(ax, ay, az), new Vector3f(px, py, pz));
    }

    /**
     * The {@code order - 1} rotations other than the identity by multiples of 360 / order degrees
     * about {@code axis} through {@code through} (metres).
     */
    public static List<Discrete> turns(Vector3fc axis, int order, Vector3fc through) {
        if (order < 2) {
            throw new IllegalArgumentException("a rotational symmetry of order " + order + ": need 2 or more");
        }
        List<Discrete> out = new ArrayList<>(order - 1);
        for (int k = 1; k < order; k++) {
            out.add(new Discrete(axis, 360.0 * k / order, through));
        }
        return out;
    }
}
