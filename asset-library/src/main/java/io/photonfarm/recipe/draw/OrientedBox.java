package io.photonfarm.recipe.draw;

import org.joml.Matrix4fc;
import org.joml.Vector3d;

/**
 * A box in world space (metres) with its own axes: the object-space bounds of a placed object
 * carried through its transform. Tested against others with the separating axis theorem over the
 * 15 candidate axes (Gottschalk, Lin and Manocha, "OBBTree", SIGGRAPH 1996; Ericson, Real-Time
 * Collision Detection, 4.4.1), in double precision.
 *
 * @param centre world centre
 * @param axes   three orthonormal world directions
 * @param half   half extents along {@code axes}, metres
 */
public record OrientedBox(Vector3d centre, Vector3d[] axes, double[] half) {

    /** The box of object-space bounds {minX, minY, minZ, maxX, maxY, maxZ} under a rigid transform with uniform scale. */
    public static OrientedBox of(float[] bounds, Matrix4fc objectToWorld) {
        org.joml.Vector3f c = new org.joml.Vector3f((bounds[0] + bounds[3]) / 2, (bounds[1] + bounds[4]) / 2, (bounds[2] + bounds[5]) / 2);
        objectToWorld.transformPosition(c);
        Vector3d[] axes = new Vector3d[3];
        double[] half = new double[3];
        for (int a = 0; a < 3; a++) {
            org.joml.Vector3f d = new org.joml.Vector3f(a == 0 ? 1 : 0, a == 1 ? 1 : 0, a == 2 ? 1 : 0);
            objectToWorld.transformDirection(d);
            double len = d.length();
            axes[a] = new Vector3d(d.x / len, d.y / len, d.z / len);
            half[a] = (bounds[a + 3] - bounds[a]) / 2 * len;
        }
        return new OrientedBox(new Vector3d(c.x, c.y, c.z), axes, half);
    }

    /** Lowest world y of the box. */
    public double minY() {
        return centre.y - extentAlong(new Vector3d(0, 1, 0));
    }

    /** Highest world y of the box. */
    public double maxY() {
        return centre.y + extentAlong(new Vector3d(0, 1, 0));
    }

    /** Half the box's extent along unit direction {@code d}. */
    public double extentAlong(Vector3d d) {
        return half[0] * Math.abs(axes[0].dot(d)) + half[1] * Math.abs(axes[1].dot(d)) + half[2] * Math.abs(axes[2].dot(d));
    }

    /**
     * Whether the boxes come closer than {@code gap} along every separating axis candidate, i.e.
     * whether this box, grown by {@code gap} on every side, overlaps {@code o}.
     */
    public boolean overlaps(OrientedBox o, double gap) {
        Vector3d t = new Vector3d(o.centre).sub(centre);
        Vector3d axis = new Vector3d();
        for (int i = 0; i < 3; i++) {
            if (separated(o, t, axes[i], gap) || separated(o, t, o.axes[i], gap)) {
                return false;
            }
        }
        for (int i = 0; i < 3; i++) {
            for (int j = 0; j < 3; j++) {
                axes[i].cross(o.axes[j], axis);
                double len = axis.length();
                if (len < 1e-9) {
                    continue; // parallel edges: the face axes above already decide
                }
                axis.div(len);
                if (separated(o, t, axis, gap)) {
                    return false;
                }
            }
        }
        return true;
    }

    private boolean separated(OrientedBox o, Vector3d t, Vector3d axis, double gap) {
        return Math.abs(t.dot(axis)) > extentAlong(axis) + o.extentAlong(axis) + gap;
    }
}
